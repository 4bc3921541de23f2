from django.urls import path

from nashra.newsletters import views

app_name = "newsletters"
urlpatterns = [
    path("", views.index, name="index"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("view/<str:token>/", views.view, name="view"),
    path("<str:slug>/", views.archive, name="archive"),
    path("<str:slug>/<int:pk>/", views.issue, name="issue"),
]
