from django.urls import path

from nashra.readers import views

app_name = "readers"
urlpatterns = [
    path("feed/", views.feed_page, name="feed"),
    path("feed/read-all/", views.mark_all_read, name="mark_all_read"),
    path("follow/", views.follow, name="follow"),
    path("following/", views.following, name="following"),
    path("saved/", views.saved, name="saved"),
    path("saved/add/", views.save, name="save"),
    path("saved/<int:article_id>/remove/", views.unsave, name="unsave"),
    path("saved/export.<str:fmt>", views.saved_export, name="saved_export"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/tokens/", views.token_create, name="token_create"),
    path("settings/tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("export.json", views.export, name="export"),
    path("delete/", views.delete_account, name="delete"),
]
