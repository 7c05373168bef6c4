"""The program office's dashboard in the Wagtail admin: each program's headline results (read
from the stored figures) and what is waiting for the office (counted live, a few queries per
program whatever the number of records)."""

from dataclasses import dataclass, field

from django.db.models import Count, F
from django.urls import NoReverseMatch, reverse

from accelerator.calls.models import Application
from accelerator.programs.models import Program
from accelerator.support.models import CoachAssignment
from diagnostics.models import DevelopmentPlan, Diagnostic

from .compute import coach_compliance
from .figures import headline_figures


def admin_url(name, *args):
    """The admin screen's address, or None when that screen is not installed."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


@dataclass
class ProgramDashboard:
    program: object
    headline: dict
    awaiting_review: list = field(default_factory=list)
    diagnostics_to_validate: int = 0
    plans_to_approve: int = 0
    coaches_behind: int | None = None

    @property
    def applications_awaiting_review(self):
        return sum(item["count"] for item in self.awaiting_review)


def awaiting_review(programs):
    """{program id: [{"call", "title", "count", "url"}]}: submitted, eligible applications with
    fewer completed reviews than their call asks for. One query."""
    rows = (
        Application.objects.filter(
            call__program__in=programs,
            status=Application.Status.SUBMITTED,
            eligibility=Application.Eligibility.ELIGIBLE,
            reviews_completed__lt=F("call__reviewers_per_application"),
        )
        .order_by()
        .values("call", "call__title", "call__program")
        .annotate(count=Count("pk"))
        .order_by("call__program", "call__title")
    )
    result = {}
    for row in rows:
        result.setdefault(row["call__program"], []).append(
            {
                "call": row["call"],
                "title": row["call__title"],
                "count": row["count"],
                "url": admin_url("reviews:call", row["call"]),
            }
        )
    return result


def _count_by_program(queryset, path):
    return dict(queryset.order_by().values_list(path).annotate(count=Count("pk")))


def dashboards(user):
    """One ProgramDashboard per program this person's office runs."""
    programs = list(Program.objects.managed_by(user).order_by("name"))
    if not programs:
        return []
    review = awaiting_review(programs)
    diagnostics = _count_by_program(
        Diagnostic.objects.filter(
            member__cohort__program__in=programs, status=Diagnostic.Status.COMPLETED
        ),
        "member__cohort__program",
    )
    plans = _count_by_program(
        DevelopmentPlan.objects.filter(
            member__cohort__program__in=programs, status=DevelopmentPlan.Status.SUBMITTED
        ),
        "member__cohort__program",
    )
    result = []
    for program in programs:
        behind = None
        if coach_compliance is not None:
            rows = coach_compliance(CoachAssignment.objects.filter(member__cohort__program=program))
            behind = sum(1 for row in rows if row.is_behind)
        result.append(
            ProgramDashboard(
                program=program,
                headline=headline_figures(program),
                awaiting_review=review.get(program.pk, []),
                diagnostics_to_validate=diagnostics.get(program.pk, 0),
                plans_to_approve=plans.get(program.pk, 0),
                coaches_behind=behind,
            )
        )
    return result


def links():
    return {
        "selection": admin_url("selection:index"),
        "diagnostics": admin_url("diagnostics_office:index"),
        "plans": admin_url("diagnostics_plans:index"),
        "coaching": admin_url("coaching:index"),
    }
