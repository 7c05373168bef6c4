"""Coaching delivery computed from the records: what each coach owes to date, what they delivered,
which cooperatives need attention. Nothing here is typed in by anyone; every figure is counted.

Used by the caseload page, the office's coaching report and the weekly reminders.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.db.models import Avg, Case, Count, F, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accelerator.programs.models import Program
from accelerator.selection.models import CohortMember
from diagnostics.models import PlanAction

from .models import CoachAssignment, CoachingVisit, FollowUp

# A coach delivering fewer than this share of the sessions expected to date is behind contract.
ON_SCHEDULE_SHARE = Decimal("0.9")

# How long without a visit before the office's report lists a cooperative, unless told otherwise.
DEFAULT_NOT_VISITED_DAYS = 60


class ComplianceStatus(models.TextChoices):
    ON_SCHEDULE = "on_schedule", _("On schedule")
    BEHIND = "behind", _("Behind")


def _today(today):
    return today or timezone.localdate()


def period_of(assignment):
    """(first day, last day) over which an assignment's sessions are due: from the assignment's
    start to the end of the coach's contract, or of the cohort when there is no contract."""
    if assignment.contract_id:
        ends_on = assignment.contract.ends_on
    else:
        ends_on = assignment.member.cohort.end_date
    return assignment.started_on, ends_on


def expected_sessions_to_date(assignment, today=None):
    """The contracted sessions spread evenly over the assignment's period, prorated to `today`
    (or to the day the assignment ended, when earlier), rounded down."""
    today = _today(today)
    if assignment.ended_on and assignment.ended_on < today:
        today = assignment.ended_on
    starts_on, ends_on = period_of(assignment)
    if today < starts_on:
        return 0
    if today >= ends_on:
        return assignment.contracted_sessions
    return assignment.contracted_sessions * (today - starts_on).days // (ends_on - starts_on).days


def status_for(delivered, expected):
    if delivered < expected * ON_SCHEDULE_SHARE:
        return ComplianceStatus.BEHIND
    return ComplianceStatus.ON_SCHEDULE


def hours(minutes):
    """Minutes as hours with one decimal."""
    return (Decimal(minutes or 0) / 60).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class Compliance:
    """Sessions contracted, expected to date and delivered, for one coach or one region."""

    members: set = field(default_factory=set)
    coaches: set = field(default_factory=set)
    sessions_contracted: int = 0
    expected_to_date: int = 0
    delivered_to_date: int = 0
    minutes_delivered: int = 0

    @property
    def cooperatives(self):
        return len(self.members)

    @property
    def coach_count(self):
        return len(self.coaches)

    @property
    def hours_delivered(self):
        return hours(self.minutes_delivered)

    @property
    def status(self):
        return status_for(self.delivered_to_date, self.expected_to_date)

    @property
    def is_behind(self):
        return self.status == ComplianceStatus.BEHIND

    def add(self, assignment, today):
        self.members.add(assignment.member_id)
        self.coaches.add(assignment.coach_id)
        self.sessions_contracted += assignment.contracted_sessions
        self.expected_to_date += expected_sessions_to_date(assignment, today)
        self.delivered_to_date += assignment.delivered
        self.minutes_delivered += assignment.minutes


@dataclass
class CoachCompliance(Compliance):
    coach: object = None


@dataclass
class RegionCompliance(Compliance):
    region: object = None


def _assignments(program_or_queryset):
    if isinstance(program_or_queryset, Program):
        return CoachAssignment.objects.filter(member__cohort__program=program_or_queryset)
    return program_or_queryset


def _coach_visits(today):
    """The visits a coach made to an assignment's cooperative up to `today`."""
    return CoachingVisit.objects.filter(
        member=OuterRef("member"), coach=OuterRef("coach"), visited_on__lte=today
    )


def _aggregate(queryset, **aggregate):
    """A correlated subquery returning one aggregate of `queryset` (grouped by nothing)."""
    (name,) = aggregate
    return Subquery(
        queryset.order_by()
        .annotate(_one=Value(1))
        .values("_one")
        .annotate(**aggregate)
        .values(name)
    )


# What the lists of assignments show; per-coach totals need less (see coach_compliance).
SHOWN_WITH_ASSIGNMENTS = ("coach", "contract", "member__cohort", "member__cooperative__region")


def assignments_with_delivery(program_or_queryset, today=None, *, related=SHOWN_WITH_ASSIGNMENTS):
    """Assignments of active cooperatives, each with `delivered` (sessions the coach made to date)
    and `minutes` (their total duration), in one query."""
    today = _today(today)
    visits = _coach_visits(today)
    return (
        _assignments(program_or_queryset)
        .filter(member__status=CohortMember.Status.ACTIVE, started_on__lte=today)
        .select_related(*related)
        .annotate(
            delivered=Coalesce(_aggregate(visits, n=Count("pk")), 0),
            minutes=Coalesce(_aggregate(visits, m=Sum("duration_minutes")), 0),
        )
        .order_by("coach__last_name", "coach__first_name", "coach__username", "pk")
    )


def coach_compliance(program_or_queryset, today=None):
    """One row per coach: cooperatives, sessions contracted, expected and delivered to date, hours
    delivered, on schedule or behind. Accepts a program or a queryset of CoachAssignment."""
    today = _today(today)
    # Thousands of assignments for a cohort's results: load only what the totals read.
    assignments = assignments_with_delivery(program_or_queryset, today, related=FOR_TOTALS)
    return compliance_by_coach(assignments, today)


FOR_TOTALS = ("coach", "contract", "member__cohort")


def compliance_by_coach(assignments, today):
    """`coach_compliance` of assignments already loaded by `assignments_with_delivery`."""
    rows = {}
    for assignment in assignments:
        row = rows.setdefault(assignment.coach_id, CoachCompliance(coach=assignment.coach))
        row.add(assignment, today)
    return list(rows.values())


def region_compliance(program_or_queryset, today=None):
    """The same figures per region of the cooperatives, sorted by region name."""
    today = _today(today)
    rows = {}
    for assignment in assignments_with_delivery(program_or_queryset, today):
        region = assignment.member.cooperative.region
        row = rows.setdefault(region.pk if region else None, RegionCompliance(region=region))
        row.add(assignment, today)
    return sorted(rows.values(), key=lambda row: (row.region is None, str(row.region or "")))


@dataclass
class CohortHours:
    cohort: object
    visits: int
    minutes: int
    cooperatives_visited: int
    cooperatives: int

    @property
    def hours(self):
        return hours(self.minutes)


def coaching_hours_per_cohort(program, today=None):
    """For each cohort of the program: visits to date, their hours, cooperatives visited."""
    today = _today(today)
    visits = defaultdict(lambda: {"visits": 0, "minutes": 0, "visited": 0})
    for row in (
        CoachingVisit.objects.filter(member__cohort__program=program, visited_on__lte=today)
        .order_by()
        .values("member__cohort")
        .annotate(
            visits=Count("pk"),
            minutes=Sum("duration_minutes"),
            visited=Count("member", distinct=True),
        )
    ):
        visits[row["member__cohort"]] = row
    cohorts = program.cohorts.annotate(
        active_members=Count("members", filter=Q(members__status=CohortMember.Status.ACTIVE))
    ).order_by("start_date", "pk")
    return [
        CohortHours(
            cohort=cohort,
            visits=visits[cohort.pk]["visits"],
            minutes=visits[cohort.pk]["minutes"] or 0,
            cooperatives_visited=visits[cohort.pk]["visited"],
            cooperatives=cohort.active_members,
        )
        for cohort in cohorts
    ]


def _visits_to_date(today):
    return CoachingVisit.objects.filter(member=OuterRef("pk"), visited_on__lte=today)


def with_last_visit(members, today=None):
    today = _today(today)
    return members.annotate(
        last_visited_on=_aggregate(_visits_to_date(today), last=models.Max("visited_on"))
    )


def not_visited_since(program_or_members, days=DEFAULT_NOT_VISITED_DAYS, today=None):
    """Active cooperatives with no visit in the last `days` days, never-visited ones included,
    longest wait first; each carries `last_visited_on` (None when never visited)."""
    today = _today(today)
    if isinstance(program_or_members, Program):
        members = CohortMember.objects.filter(cohort__program=program_or_members)
    else:
        members = program_or_members
    since = today - timedelta(days=days)
    return (
        with_last_visit(members.active(), today)
        .filter(Q(last_visited_on__isnull=True) | Q(last_visited_on__lt=since))
        .select_related("cooperative__region", "cohort")
        .order_by(F("last_visited_on").asc(nulls_first=True), "cooperative__legal_name")
    )


class Attention(models.IntegerChoices):
    """Why a cooperative comes first on the caseload, most pressing first."""

    OVERDUE = 0, _("Overdue")
    NEVER_VISITED = 1, _("Never visited")
    UP_TO_DATE = 2, _("Up to date")


def caseload(user, today=None):
    """The cooperatives assigned to `user` (current assignments, active members), each annotated
    with `last_visited_on`, `sessions_delivered` (this coach's visits to date),
    `sessions_contracted`, `next_visit_on` (set at the latest visit), `open_follow_ups`,
    `overdue_follow_ups`, `plan_progress` (mean progress of the plan's actions not dropped, None
    without actions), `next_visit_overdue` and `attention`, sorted by what needs attention:
    overdue visit or follow-ups first, then never visited, then the oldest last visit.

    One query, whatever the size of the caseload."""
    today = _today(today)
    assignment = CoachAssignment.objects.for_coach(user).filter(member=OuterRef("pk"))
    visits = _visits_to_date(today)
    open_follow_ups = FollowUp.objects.filter(visit__member=OuterRef("pk"), done_on__isnull=True)
    actions = PlanAction.objects.filter(plan__member=OuterRef("pk")).exclude(
        status=PlanAction.Status.DROPPED
    )
    members = (
        CohortMember.objects.active()
        .filter(pk__in=CoachAssignment.objects.for_coach(user).values("member"))
        .select_related("cooperative__region", "cohort", "phase")
        .annotate(
            last_visited_on=_aggregate(visits, last=models.Max("visited_on")),
            sessions_delivered=Coalesce(_aggregate(visits.filter(coach=user), n=Count("pk")), 0),
            sessions_contracted=Subquery(
                assignment.order_by("-is_lead", "pk").values("contracted_sessions")[:1]
            ),
            next_visit_on=Subquery(
                visits.order_by("-visited_on", "-pk").values("next_visit_on")[:1]
            ),
            open_follow_ups=Coalesce(_aggregate(open_follow_ups, n=Count("pk")), 0),
            overdue_follow_ups=Coalesce(
                _aggregate(open_follow_ups.filter(due_on__lt=today), n=Count("pk")), 0
            ),
            plan_progress=_aggregate(actions, p=Avg("progress")),
        )
        .annotate(
            next_visit_overdue=Case(
                models.When(next_visit_on__lt=today, then=Value(True)),
                default=Value(False),
                output_field=models.BooleanField(),
            ),
            attention=Case(
                models.When(
                    Q(next_visit_on__lt=today) | Q(overdue_follow_ups__gt=0),
                    then=Value(Attention.OVERDUE),
                ),
                models.When(last_visited_on__isnull=True, then=Value(Attention.NEVER_VISITED)),
                default=Value(Attention.UP_TO_DATE),
                output_field=IntegerField(),
            ),
        )
        .order_by(
            "attention",
            F("last_visited_on").asc(nulls_first=True),
            "cooperative__legal_name",
            "pk",
        )
    )
    return members
