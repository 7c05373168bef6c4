"""The printable report of one cooperative: its profile, its diagnostic scores (with the change
since baseline when there is one), its SWOT matrix and its development plan.

Everything is read in a fixed number of queries and handed to the template ready to print.
"""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from accelerator.selection.models import CohortMember

from . import plans, scoring
from .models import DevelopmentPlan, Diagnostic, SwotItem

PHASE_ORDER = [choice.value for choice in Diagnostic.Phase]


@dataclass(frozen=True)
class Quadrant:
    code: str
    label: str
    internal: bool
    items: list


def members_for_report():
    return CohortMember.objects.select_related(
        "cooperative__legal_form",
        "cooperative__region",
        "cooperative__province",
        "cooperative__sector",
        "cohort__program",
        "phase",
    )


def finished_diagnostics(member):
    """The member's completed or validated diagnostics, in the order of the program."""
    diagnostics = (
        Diagnostic.objects.filter(member=member, status__in=plans.FINISHED)
        .select_related("version")
        .prefetch_related(
            "answers",
            "version__domains__questions",
            Prefetch("swot_items", queryset=SwotItem.objects.select_related("domain")),
        )
    )
    return sorted(diagnostics, key=lambda diagnostic: PHASE_ORDER.index(diagnostic.phase))


def swot_section(diagnostic):
    items = list(diagnostic.swot_items.all())
    return [
        Quadrant(
            code=code,
            label=label,
            internal=code in SwotItem.INTERNAL,
            items=[item for item in items if item.quadrant == code],
        )
        for code, label in (
            (SwotItem.Quadrant.STRENGTH, _("Strengths")),
            (SwotItem.Quadrant.WEAKNESS, _("Weaknesses")),
            (SwotItem.Quadrant.OPPORTUNITY, _("Opportunities")),
            (SwotItem.Quadrant.THREAT, _("Threats")),
        )
    ]


def plan_section(member, versions):
    plan = plans.with_contents(DevelopmentPlan.objects.filter(member=member)).first()
    if plan is None:
        return None
    version = versions.get(plan.diagnostic.version_id, plan.diagnostic.version)
    labels = {domain.code: domain.name for domain in scoring.domains_of(version)}
    return {
        "plan": plan,
        "groups": plans.outline(plan, labels=labels),
        "budget": plans.budget_totals(plan),
    }


def build(member):
    """Everything the report shows for this cohort member."""
    diagnostics = finished_diagnostics(member)
    versions = {diagnostic.version_id: diagnostic.version for diagnostic in diagnostics}
    latest = diagnostics[-1] if diagnostics else None
    baseline = next(
        (
            diagnostic
            for diagnostic in diagnostics
            if diagnostic.phase == Diagnostic.Phase.BASELINE and diagnostic is not latest
        ),
        None,
    )
    return {
        "member": member,
        "cooperative": member.cooperative,
        "program": member.cohort.program,
        "results": scoring.results(latest, baseline=baseline) if latest else None,
        "swot": swot_section(latest) if latest else None,
        "plan_section": plan_section(member, versions),
    }
