from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from nashra.api.api import api
from nashra.news import views as news_views

# Language-neutral: the API, feeds, health check and admin.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("feeds/", include("nashra.api.feeds_urls")),
    path("healthz", news_views.healthz, name="healthz"),
]
# Reader pages: Arabic at /…, English at /en/….
urlpatterns += i18n_patterns(
    path("", include("nashra.news.urls")),
    prefix_default_language=False,
)

handler404 = "nashra.news.views.page_not_found"
handler500 = "nashra.news.views.server_error"
