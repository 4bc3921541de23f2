"""Subscribing and unsubscribing (shared by the views, the admin and the commands)."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from nashra.newsletters.models import Newsletter, Subscriber, Subscription


def normalise_email(email: str) -> str:
    email = email.strip()
    local, _, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}" if local else email.lower()


def subscriber_for_email(email: str, *, language: str = "ar", time_zone: str = "UTC") -> Subscriber:
    email = normalise_email(email)
    try:
        with transaction.atomic():
            subscriber, _ = Subscriber.objects.get_or_create(
                email=email, defaults={"language": language, "time_zone": time_zone}
            )
    except IntegrityError:
        subscriber = Subscriber.objects.get(email=email)
    return subscriber


def subscriber_for_user(user: Any) -> Subscriber | None:
    """The reader's subscriber row (created on first use; linked by user, else email)."""
    existing = Subscriber.objects.filter(user=user).first()
    if existing is not None:
        if (
            user.email
            and existing.email != normalise_email(user.email)
            and not Subscriber.objects.filter(email=normalise_email(user.email)).exists()
        ):
            existing.email = normalise_email(user.email)
            existing.save(update_fields=["email"])
        return existing
    if not getattr(user, "email", ""):
        return None
    subscriber = subscriber_for_email(user.email)
    if subscriber.user_id is None:
        subscriber.user = user
        subscriber.save(update_fields=["user"])
    return subscriber if subscriber.user_id == user.pk else None


def subscribe(
    subscriber: Subscriber, newsletter: Newsletter, *, confirmed: bool, **schedule: Any
) -> Subscription:
    """Subscribe (confirmed: active at once — a signed-in reader; else pending until the
    address is confirmed). Schedule fields (frequency, hour, weekday) apply to the digest."""
    now = timezone.now()
    sub, _ = Subscription.objects.get_or_create(subscriber=subscriber, newsletter=newsletter)
    for name in ("frequency", "hour", "weekday"):
        if schedule.get(name) is not None:
            setattr(sub, name, schedule[name])
    if confirmed:
        if sub.status != Subscription.Status.ACTIVE:
            sub.status = Subscription.Status.ACTIVE
            sub.confirmed_at = now
            sub.created_at = now if sub.unsubscribed_at else sub.created_at
            sub.unsubscribed_at = None
    elif sub.status != Subscription.Status.ACTIVE:
        sub.status = Subscription.Status.PENDING
    sub.save()
    return sub


def confirm(subscription: Subscription) -> None:
    if subscription.status == Subscription.Status.PENDING:
        subscription.status = Subscription.Status.ACTIVE
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["status", "confirmed_at"])


def unsubscribe(subscriber_id: int, newsletter_id: int, method: str) -> bool:
    """Unsubscribe at once; True if a subscription changed."""
    return bool(
        Subscription.objects.filter(subscriber_id=subscriber_id, newsletter_id=newsletter_id)
        .exclude(status=Subscription.Status.UNSUBSCRIBED)
        .update(
            status=Subscription.Status.UNSUBSCRIBED,
            unsubscribed_at=timezone.now(),
            unsubscribe_method=method,
        )
    )
