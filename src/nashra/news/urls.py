from django.urls import path

from nashra.news import views

app_name = "news"
urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<int:pk>/", views.article, name="article"),
    path("entities/", views.entities, name="entities"),
    path("entities/<str:slug>/", views.entity, name="entity"),
    path("stories/<int:pk>/", views.story, name="story"),
    path("sources/", views.sources, name="sources"),
    path("sources/<str:slug>/", views.source, name="source"),
    path("search/", views.search, name="search"),
    path("preferences/", views.preferences, name="preferences"),
]
