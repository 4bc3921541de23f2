"""Template context for signed-in readers: which articles they saved (lazily, only if a
template asks)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def reader(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"saved_ids": frozenset()}

    def saved() -> frozenset[int]:
        from nashra.readers.models import SavedArticle

        return frozenset(
            SavedArticle.objects.filter(user=user).values_list("article_id", flat=True)
        )

    return {"saved_ids": SimpleLazyObject(saved)}
