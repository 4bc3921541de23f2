"""Personal tokens: ``nsh_<prefix>_<secret>``; only a SHA-256 of the whole token is kept.

A token is looked up by its hash (an indexed, unique column), so checking one is a single
query and the secret never sits in the database. ``TokenAuth`` is the django-ninja
``auth`` for ``/api/me/…``: a read token may GET, a write token may also POST / PUT /
PATCH / DELETE; a revoked token is unknown.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import HttpBearer

from nashra.readers.models import ApiToken

PREFIX = "nsh"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(user: Any, name: str, scope: str = ApiToken.Scope.READ) -> tuple[ApiToken, str]:
    """A new token and its secret (shown to the reader once, never stored)."""
    prefix = secrets.token_hex(4)
    token = f"{PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    row = ApiToken.objects.create(
        user=user, name=name[:100] or scope, key_hash=hash_token(token), prefix=prefix, scope=scope
    )
    return row, token


def find_token(token: str, scopes: set[str]) -> ApiToken | None:
    if not token or len(token) > 200 or not token.startswith(PREFIX + "_"):
        return None
    row = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(token), revoked_at__isnull=True, scope__in=scopes)
        .first()
    )
    if row is None or not row.user.is_active:
        return None
    now = timezone.now()
    if row.last_used_at is None or now - row.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)  # at most once a minute
    return row


class TokenAuth(HttpBearer):
    """``Authorization: Bearer nsh_…``. Sets ``request.auth`` to the token (the throttle
    keys on it) and ``request.user`` to its owner."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        row = find_token(token, {ApiToken.Scope.READ, ApiToken.Scope.WRITE})
        if row is None:
            return None
        if request.method not in SAFE_METHODS and row.scope != ApiToken.Scope.WRITE:
            raise HttpError(403, "This token is read-only.")
        request.user = row.user
        return row
