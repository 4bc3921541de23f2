"""Signed, unguessable tokens for the links in every message.

Tokens are HMACs (``django.core.signing`` with a salt per purpose, keyed by SECRET_KEY)
over short ids, so they need no table and cannot be forged or enumerated. Unsubscribe
and manage tokens never expire (a link in a year-old message must still work);
confirmation tokens expire after NASHRA_NEWSLETTER_CONFIRM_DAYS. The separator is ``.``
so a token is also valid in the local part of the ``mailto:`` unsubscribe address.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing

UNSUBSCRIBE = "nashra.newsletters.unsubscribe"
MANAGE = "nashra.newsletters.manage"
CONFIRM = "nashra.newsletters.confirm"
VIEW = "nashra.newsletters.view"


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


def _ids(value: str) -> tuple[int, ...]:
    try:
        return tuple(int(part, 36) for part in value.split("-"))
    except ValueError as error:
        raise signing.BadSignature("malformed token") from error


def _signer(salt: str) -> signing.Signer:
    return signing.Signer(salt=salt, sep=".")


def unsubscribe_token(subscriber_id: int, newsletter_id: int) -> str:
    return _signer(UNSUBSCRIBE).sign(f"{_b36(subscriber_id)}-{_b36(newsletter_id)}")


def read_unsubscribe_token(token: str) -> tuple[int, int]:
    ids = _ids(_signer(UNSUBSCRIBE).unsign(token))
    if len(ids) != 2:
        raise signing.BadSignature("malformed token")
    return ids[0], ids[1]


def manage_token(subscriber_id: int) -> str:
    return _signer(MANAGE).sign(_b36(subscriber_id))


def read_manage_token(token: str) -> int:
    return _ids(_signer(MANAGE).unsign(token))[0]


def view_token(delivery_id: int) -> str:
    return _signer(VIEW).sign(_b36(delivery_id))


def read_view_token(token: str) -> int:
    return _ids(_signer(VIEW).unsign(token))[0]


def confirm_token(subscription_id: int) -> str:
    return signing.TimestampSigner(salt=CONFIRM, sep=".").sign(_b36(subscription_id))


def read_confirm_token(token: str) -> int:
    days = int(getattr(settings, "NASHRA_NEWSLETTER_CONFIRM_DAYS", 7))
    value = signing.TimestampSigner(salt=CONFIRM, sep=".").unsign(token, max_age=days * 86400)
    return _ids(value)[0]
