"""Background tasks on Django's task API (the django-tasks backport; django-tasks-db
stores the queue in the database, so workers on several machines share it)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django_tasks import task

from nashra.news.models import Source

QUEUE = "feeds"


@task(queue_name=QUEUE)
def poll_source(source_id: int) -> dict[str, Any]:
    from nashra.feeds.polling import poll

    source = Source.objects.filter(pk=source_id).first()
    if source is None:
        return {"source_id": source_id, "status": "skipped", "error": "source deleted"}
    return poll(source).as_json()


def schedule_due() -> int:
    """Enqueue a poll for every due source this process wins the claim for."""
    from nashra.feeds.polling import claim, due_sources, ensure_states

    ensure_states()
    now = timezone.now()
    queued = 0
    for source_id in due_sources(now):
        if claim(source_id, now):
            poll_source.enqueue(source_id)
            queued += 1
    return queued
