from django.urls import path

from nashra.news import views

app_name = "news"
urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<int:pk>/", views.article, name="article"),
    path("sources/<str:slug>/", views.source, name="source"),
    path("healthz", views.healthz, name="healthz"),
]
