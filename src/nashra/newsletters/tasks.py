"""Newsletter work on Django's task API (django-tasks, database queue)."""

from __future__ import annotations

from typing import Any

from django_tasks import task

QUEUE = "default"


@task(queue_name=QUEUE)
def send_pending_task(max_batches: int = 20) -> dict[str, Any]:
    from nashra.newsletters.send import send_pending

    return send_pending(max_batches=max_batches).as_json()


def schedule_due() -> int:
    """One scheduler pass (the worker calls it every few seconds): make due issues,
    recover stale claims, and enqueue a send task when deliveries are waiting."""
    from nashra.newsletters.schedule import pending_count, schedule

    schedule()
    if pending_count():
        send_pending_task.enqueue()
        return 1
    return 0
