"""The filters a cohort's results page offers, named in every site language so the stored
figures serve readers of any language without another query."""

from django.conf import settings
from django.db.models import Q

from accelerator.programs.models import Phase, Region, Sector
from accelerator.selection.models import CohortMember


def _names(item):
    return {
        code: getattr(item, f"name_{code}", None) or item.name for code, _ in settings.LANGUAGES
    }


def filter_options(cohort):
    """{"phases": [...], "regions": [...], "sectors": [...]}, each item {"id", "name": {lang:
    text}}: the cohort's phases, the regions of its phases and of its cooperatives, the sectors
    of its cooperatives. Three queries."""
    members = CohortMember.objects.active().filter(cohort=cohort)
    phases = Phase.objects.filter(cohort=cohort).order_by("sort_order", "pk")
    regions = Region.objects.filter(
        Q(pk__in=members.values("cooperative__region")) | Q(phase__cohort=cohort)
    ).distinct()
    sectors = Sector.objects.filter(pk__in=members.values("cooperative__sector"))
    return {
        "phases": [{"id": item.pk, "name": _names(item)} for item in phases],
        "regions": [{"id": item.pk, "name": _names(item)} for item in regions.order_by("name_en")],
        "sectors": [{"id": item.pk, "name": _names(item)} for item in sectors.order_by("name_en")],
    }
