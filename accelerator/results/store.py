"""Where computed figures live between two computations, and how a computation gets scheduled.

Two layers, read in this order:

1. Django's cache (Redis in production, shared by every web process): one entry per scope.
2. `ResultsSnapshot` rows: the last figures computed for each scope, kept in the database so
   that a cache flush, a restart or a new web process never leaves a results page empty — it
   shows the last figures with their date while the task recomputes. A snapshot read is a
   single primary-key-sized query; the aggregation itself (`compute.py`) runs only in the task.

Scheduling is debounced: every change to a source record asks for its cohort to be recomputed
(`schedule_recompute`); inside one transaction the request is queued once, after commit; with a
broker, one task per cohort is sent at most once per `RESULTS_RECOMPUTE_DELAY` seconds, with that
countdown, so a burst of edits is folded into one computation. Without a broker (in-process
mode) the task runs right after the commit.
"""

from celery import current_app
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

# Raised whenever the shape of the stored figures changes: older cache entries are then ignored.
SCHEMA = 1
CACHE_TIMEOUT = 24 * 60 * 60
ALL = "all"


def delay_seconds():
    return getattr(settings, "RESULTS_RECOMPUTE_DELAY", 60)


def scope_key(phase_id=None, region_id=None, sector_id=None):
    """ "all" for the whole cohort, "p3", "r5-s2"… for a filtered view."""
    parts = [
        f"{letter}{value}"
        for letter, value in (("p", phase_id), ("r", region_id), ("s", sector_id))
        if value
    ]
    return "-".join(parts) or ALL


def parse_scope_key(key):
    """{"phase_id": …, "region_id": …, "sector_id": …} of a key made by `scope_key`."""
    names = {"p": "phase_id", "r": "region_id", "s": "sector_id"}
    values = dict.fromkeys(names.values())
    if key != ALL:
        for part in key.split("-"):
            values[names[part[0]]] = int(part[1:])
    return values


def cache_key(cohort_id, key):
    return f"results:{SCHEMA}:cohort:{cohort_id}:{key}"


def headline_cache_key(program_id):
    return f"results:{SCHEMA}:headline:{program_id or ALL}"


def scheduled_key(cohort_id):
    return f"results:{SCHEMA}:scheduled:{cohort_id}"


def read(cohort_id, key):
    """The stored figures of a scope, or None when they were never computed. At most one query."""
    from .models import ResultsSnapshot

    figures = cache.get(cache_key(cohort_id, key))
    if figures is not None and figures.get("schema") == SCHEMA:
        return figures
    figures = (
        ResultsSnapshot.objects.filter(cohort_id=cohort_id, key=key)
        .values_list("data", flat=True)
        .first()
    )
    if figures is not None and figures.get("schema") == SCHEMA:
        cache.set(cache_key(cohort_id, key), figures, CACHE_TIMEOUT)
        return figures
    return None


def write(cohort_id, key, figures):
    from .models import ResultsSnapshot

    figures = {**figures, "schema": SCHEMA}
    ResultsSnapshot.objects.update_or_create(
        cohort_id=cohort_id, key=key, defaults={"data": figures, "computed_at": timezone.now()}
    )
    cache.set(cache_key(cohort_id, key), figures, CACHE_TIMEOUT)
    return figures


def forget(cohort_id, keys):
    from .models import ResultsSnapshot

    ResultsSnapshot.objects.filter(cohort_id=cohort_id, key__in=keys).delete()
    cache.delete_many([cache_key(cohort_id, key) for key in keys])


def stored_keys(cohort_id):
    from .models import ResultsSnapshot

    return set(ResultsSnapshot.objects.filter(cohort_id=cohort_id).values_list("key", flat=True))


def forget_headlines(program_id):
    cache.delete_many([headline_cache_key(program_id), headline_cache_key(None)])


def is_stale(figures):
    """Figures computed on an earlier day: "to date" figures (coaching expected to date,
    certifications still valid) have moved since."""
    return figures.get("computed_on") != timezone.localdate().isoformat()


# Scheduling ------------------------------------------------------------------------------------


def in_process():
    return bool(current_app.conf.task_always_eager)


class _Request:
    """An on-commit callback that knows what it asks for, so one transaction asks only once."""

    def __init__(self, cohort_id, key):
        self.marker = (cohort_id, key)
        self.sent = False
        # Django names a failing robust callback by its __qualname__ (the broker is down):
        # without one, logging the failure would raise instead.
        self.__qualname__ = type(self).__qualname__

    def __call__(self):
        self.sent = True
        _send(*self.marker)


def _already_queued(marker):
    """Whether this transaction already holds an on-commit request with this marker."""
    return any(
        isinstance(entry[1], _Request) and entry[1].marker == marker and not entry[1].sent
        for entry in transaction.get_connection().run_on_commit
    )


def _send(cohort_id, key):
    from .tasks import compute_scope, recompute_cohort

    if in_process():
        if key is None:
            recompute_cohort.apply_async((cohort_id,))
        else:
            compute_scope.apply_async((cohort_id, key))
        return
    # The marker expires a little after the task is due; the task also clears it when it
    # starts, so a change made while it runs schedules the next computation.
    delay = delay_seconds()
    if not cache.add(scheduled_key(cohort_id) + (f":{key}" if key else ""), True, delay + 30):
        return
    if key is None:
        recompute_cohort.apply_async((cohort_id,), countdown=delay)
    else:
        compute_scope.apply_async((cohort_id, key), countdown=1)


def _on_commit(cohort_id, key=None):
    if not _already_queued((cohort_id, key)):
        transaction.on_commit(_Request(cohort_id, key), robust=True)


def schedule_recompute(cohort_id):
    """Ask for every figure of a cohort to be recomputed (debounced, after commit)."""
    if cohort_id:
        _on_commit(cohort_id)


def request_scope(cohort_id, key):
    """Ask for one scope never computed before (a combination of filters), after commit."""
    if key == ALL or "-" not in key:
        # Single filters are part of every full recomputation.
        _on_commit(cohort_id)
    else:
        _on_commit(cohort_id, key)


def clear_scheduled(cohort_id, key=None):
    cache.delete(scheduled_key(cohort_id) + (f":{key}" if key else ""))
