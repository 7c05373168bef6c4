"""The only place where cohort figures are aggregated from the records (see store.py)."""

from celery import shared_task
from django.utils import timezone

from accelerator.programs.models import Cohort

from . import compute, store
from .options import filter_options


def _cohort(cohort_id):
    return Cohort.objects.select_related("program").filter(pk=cohort_id).first()


@shared_task
def recompute_cohort(cohort_id):
    """Every scope a results page offers for this cohort: the whole cohort, each phase, each
    region, each sector, and the combinations readers asked for before; figures of scopes that
    no longer exist are dropped. Returns the number of scopes computed."""
    store.clear_scheduled(cohort_id)
    cohort = _cohort(cohort_id)
    if cohort is None:
        return 0
    today = timezone.localdate()
    options = filter_options(cohort)
    phases = {item["id"] for item in options["phases"]}
    regions = {item["id"] for item in options["regions"]}
    sectors = {item["id"] for item in options["sectors"]}
    keys = {store.ALL}
    keys |= {store.scope_key(phase_id=pk) for pk in phases}
    keys |= {store.scope_key(region_id=pk) for pk in regions}
    keys |= {store.scope_key(sector_id=pk) for pk in sectors}
    stored = store.stored_keys(cohort_id)
    for key in stored - keys:
        scope = store.parse_scope_key(key)
        if (
            scope["phase_id"] in phases | {None}
            and scope["region_id"] in regions | {None}
            and scope["sector_id"] in sectors | {None}
        ):
            keys.add(key)
    store.forget(cohort_id, stored - keys)
    records = compute.CohortRecords(cohort, today)
    for key in sorted(keys):
        figures = compute.compute(
            cohort, today=today, records=records, **store.parse_scope_key(key)
        )
        if key == store.ALL:
            figures["options"] = options
        store.write(cohort_id, key, figures)
    store.forget_headlines(cohort.program_id)
    return len(keys)


@shared_task
def compute_scope(cohort_id, key):
    """One combination of filters a reader asked for, computed on its own."""
    store.clear_scheduled(cohort_id, key)
    cohort = _cohort(cohort_id)
    if cohort is None or key == store.ALL:
        return 0
    store.write(cohort_id, key, compute.compute(cohort, **store.parse_scope_key(key)))
    return 1
