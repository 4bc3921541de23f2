from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "nashra.feeds"
    label = "feeds"
    verbose_name = "Feed polling"
    default_auto_field = "django.db.models.BigAutoField"
