from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "nashra.api"
    label = "nashra_api"
    verbose_name = "API and feeds"
