from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from nashra.api.api import api
from nashra.news import views as news_views
from nashra.newsletters import views as newsletter_views
from nashra.readers import views as reader_views

# Language-neutral: the API, feeds, health check and admin.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("feeds/", include("nashra.api.feeds_urls")),
    path("healthz", news_views.healthz, name="healthz"),
    # One-click unsubscribe (RFC 8058): POST without cookie, login or CSRF token.
    path("u/<str:token>", newsletter_views.unsubscribe, name="newsletters-unsubscribe"),
    # A reader's private feed (a revocable token in the URL).
    path("feeds/me/<str:token>.<str:fmt>", reader_views.private_feed, name="reader_private_feed"),
]
# Reader pages: Arabic at /…, English at /en/….
urlpatterns += i18n_patterns(
    # Reader accounts: home is the personal feed when signed in; opening an article
    # while signed in marks it read. Both hand over to nashra.news otherwise.
    path("", reader_views.home, name="reader_home"),
    path("articles/<int:pk>/", reader_views.article, name="reader_article"),
    path("accounts/", include("allauth.urls")),
    path("me/", include("nashra.readers.urls")),
    path("newsletters/", include("nashra.newsletters.urls")),
    path("", include("nashra.news.urls")),
    prefix_default_language=False,
)

handler404 = "nashra.news.views.page_not_found"
handler500 = "nashra.news.views.server_error"
