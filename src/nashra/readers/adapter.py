"""allauth adapter: a new reader's profile starts in the language they signed up in."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation


class ReaderAccountAdapter(DefaultAccountAdapter):
    def save_user(self, request: Any, user: Any, form: Any, commit: bool = True) -> Any:
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            from nashra.readers.models import Profile

            lang = (translation.get_language() or "ar")[:2]
            Profile.objects.get_or_create(
                user=user, defaults={"language": lang if lang in ("ar", "en") else "ar"}
            )
        return user
