"""Periodic work of the support app (scheduled in settings.CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from . import digests


@shared_task
def send_weekly_digests():
    """Monday morning: each coach's digest and each program office's summary, once per week.

    Each message is rendered in its reader's language inside `notify_many` (under
    translation.override), so the worker's own language never leaks into an e-mail."""
    return digests.send_weekly_digests()
