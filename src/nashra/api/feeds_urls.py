from django.urls import path, register_converter

from nashra.api import feeds


class FeedFormat:
    regex = "rss|atom|json"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FeedFormat, "feedfmt")

app_name = "feeds"
urlpatterns = [
    path("latest.<feedfmt:fmt>", feeds.latest, name="latest"),
    path("sources.opml", feeds.opml, name="opml"),
    path("sources/<str:slug>.<feedfmt:fmt>", feeds.source, name="source"),
    path("entities/<str:slug>.<feedfmt:fmt>", feeds.entity, name="entity"),
    path("stories/<int:pk>.<feedfmt:fmt>", feeds.story, name="story"),
    path("search.<feedfmt:fmt>", feeds.search, name="search"),
]
