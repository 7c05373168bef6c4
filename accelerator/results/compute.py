"""The aggregation behind the cohort results: every figure counted from the records themselves.

Only the Celery task (`tasks.recompute_cohort`) and the tests call this module; pages, feeds and
the admin read what it stored (see `store.py`). What each figure counts is written once, in
`figures.FIELDS`, which the page, the open data and the docs all show.

The scope of a computation is a cohort, narrowed by a phase, a region or a sector (or several).
The cooperatives in scope are the cohort's *active* members matching the filters (region and
sector as on the cooperative's registry profile); everything done with cooperatives (diagnostics,
plans, coaching, technical assistance, marketing) counts for those cooperatives only.
Applications are filtered on what the application itself declared. Training sessions belong to
the cohort: unfiltered, every attendance row of its sessions counts; filtered, only the rows of
participants from cooperatives in scope.

Every function runs a fixed number of aggregate queries whatever the number of records.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, DecimalField, F, Q, Sum
from django.db.models.functions import Coalesce, Lower, Trim
from django.utils import timezone

from accelerator.calls.models import Application
from accelerator.selection.models import CohortMember
from accelerator.support.models import (
    Attendance,
    CoachAssignment,
    CoachingVisit,
    MarketingSupport,
    TechnicalAssistance,
    TrainingSession,
)
from diagnostics.models import Diagnostic, PlanAction
from diagnostics.plans import decimals_for
from diagnostics.scoring import (
    FINISHED,
    cohort_changes,
    member_changes,
    summarise_changes,
    weighted_mean,
)

try:  # The coaching engineer's service: the program's one definition of "behind contract".
    from accelerator.support.compliance import (
        FOR_TOTALS,
        assignments_with_delivery,
        coach_compliance,
        compliance_by_coach,
    )
except ImportError:  # pragma: no cover — without it, sessions delivered / contracted
    coach_compliance = None

PRODUCT_IMPROVEMENTS = (
    MarketingSupport.Kind.PACKAGING,
    MarketingSupport.Kind.LABELLING,
    MarketingSupport.Kind.BRANDING,
)
SOURCES = ("program", "cooperative", "other")
ONE_DECIMAL = Decimal("0.1")


@dataclass(frozen=True)
class Scope:
    """A cohort and the filters narrowing it; ids only, so a scope is also a cache key."""

    cohort: object
    phase_id: int | None = None
    region_id: int | None = None
    sector_id: int | None = None

    @property
    def is_filtered(self):
        return any((self.phase_id, self.region_id, self.sector_id))

    def members(self):
        members = CohortMember.objects.active().filter(cohort=self.cohort)
        if self.phase_id:
            members = members.filter(phase_id=self.phase_id)
        if self.region_id:
            members = members.filter(cooperative__region_id=self.region_id)
        if self.sector_id:
            members = members.filter(cooperative__sector_id=self.sector_id)
        return members

    def member_ids(self):
        """A subquery, never a list: the scope stays one query however large the cohort."""
        return self.members().values("pk")

    def applications(self):
        applications = Application.objects.submitted().filter(call__cohort=self.cohort)
        if self.phase_id:
            applications = applications.filter(phase_id=self.phase_id)
        if self.region_id:
            applications = applications.filter(region_id=self.region_id)
        if self.sector_id:
            applications = applications.filter(sector_id=self.sector_id)
        return applications

    def attendance(self):
        rows = Attendance.objects.filter(session__cohort=self.cohort)
        if self.is_filtered:
            rows = rows.filter(member__in=self.member_ids())
        return rows


class CohortRecords:
    """The per-cooperative figures of a whole cohort that take a pass over many rows — each
    cooperative's diagnostic change per domain, each coach assignment's delivery to date —
    loaded once when a recomputation computes every scope of the cohort (the cohort, each phase,
    region and sector): each scope then summarises its own cooperatives among them instead of
    reading the same answers and visits again. Five queries, plus one per scope for its ids."""

    def __init__(self, cohort, today):
        active = CohortMember.objects.active().filter(cohort=cohort)
        self.changes = member_changes(active)
        self.assignments = []
        if coach_compliance is not None:
            self.assignments = list(
                assignments_with_delivery(
                    CoachAssignment.objects.filter(member__in=active.values("pk")),
                    today,
                    related=FOR_TOTALS,
                )
            )


def percent(part, whole):
    """part / whole in percent with one decimal, None when there is nothing to divide by."""
    if not whole:
        return None
    return float((Decimal(part) * 100 / Decimal(whole)).quantize(ONE_DECIMAL, ROUND_HALF_UP))


def _one_decimal(value):
    return None if value is None else float(Decimal(value).quantize(ONE_DECIMAL, ROUND_HALF_UP))


def _money(value, currency):
    places = Decimal(1).scaleb(-decimals_for(currency))
    amount = Decimal(value or 0).quantize(places, ROUND_HALF_UP)
    return int(amount) if places == 1 else float(amount)


def _money_sum(expression, **extra):
    return Coalesce(
        Sum(expression, **extra),
        Decimal(0),
        output_field=DecimalField(max_digits=20, decimal_places=2),
    )


def cooperatives(scope):
    """Cooperatives supported and the people they gather. One query."""
    women_known = Q(
        cooperative__members_total__isnull=False, cooperative__members_women__isnull=False
    )
    youth_known = Q(
        cooperative__members_total__isnull=False, cooperative__members_youth__isnull=False
    )
    values = scope.members().aggregate(
        supported=Count("pk"),
        members=Coalesce(Sum("cooperative__members_total"), 0),
        women=Coalesce(Sum("cooperative__members_women", filter=women_known), 0),
        women_base=Coalesce(Sum("cooperative__members_total", filter=women_known), 0),
        youth=Coalesce(Sum("cooperative__members_youth", filter=youth_known), 0),
        youth_base=Coalesce(Sum("cooperative__members_total", filter=youth_known), 0),
    )
    return {
        "cooperatives_supported": values["supported"],
        "members_reached": values["members"],
        "women_members": values["women"],
        "women_share": percent(values["women"], values["women_base"]),
        "youth_members": values["youth"],
        "youth_share": percent(values["youth"], values["youth_base"]),
        "_women_base": values["women_base"],
        "_youth_base": values["youth_base"],
    }


def selection(scope):
    """Applications received by the cohort's calls and the share admitted. One query."""
    values = scope.applications().aggregate(
        received=Count("pk"),
        admitted=Count("pk", filter=Q(status=Application.Status.ADMITTED)),
    )
    return {
        "applications_received": values["received"],
        "applications_admitted": values["admitted"],
        "selection_rate": percent(values["admitted"], values["received"]),
    }


def diagnostics(scope, records=None, member_ids=None):
    """Scores at baseline and end-line per domain (diagnostics.scoring) and overall. Five
    queries: the cooperatives compared, then scoring's four (one when the cohort's records are
    loaded already)."""
    compared = (
        Diagnostic.objects.filter(
            member__in=scope.member_ids(),
            status__in=FINISHED,
            phase__in=[Diagnostic.Phase.BASELINE, Diagnostic.Phase.ENDLINE],
        )
        .values("member")
        .annotate(moments=Count("phase", distinct=True))
        .filter(moments=2)
        .count()
    )
    if records is None:
        rows = cohort_changes(scope.members())
    else:
        rows = summarise_changes(
            [record for record in records.changes if record.member_id in member_ids]
        )
    counted = [row for row in rows if row.change is not None]
    before = weighted_mean((row.before, row.domain.weight) for row in counted)
    after = weighted_mean((row.after, row.domain.weight) for row in counted)
    return {
        "cooperatives_compared": compared,
        "score_baseline": _one_decimal(before),
        "score_endline": _one_decimal(after),
        "score_change": _one_decimal(after - before) if counted else None,
        "score_change_by_domain": [
            {
                "code": row.code,
                "name": {
                    code: getattr(row.domain, f"name_{code}") or "" for code in ("en", "vi", "ar")
                },
                "baseline": _one_decimal(row.before),
                "endline": _one_decimal(row.after),
                "change": _one_decimal(row.change),
                "cooperatives": row.cooperatives,
            }
            for row in rows
        ],
    }


def training(scope):
    """Sessions held, participants by sex and youth, trainers trained. Two queries."""
    youth_limit = scope.cohort.program.youth_age_limit
    present = Q(present=True)
    values = scope.attendance().aggregate(
        participants=Count("pk", filter=present),
        women=Count("pk", filter=present & Q(sex=Attendance.Sex.FEMALE)),
        men=Count("pk", filter=present & Q(sex=Attendance.Sex.MALE)),
        youth=Count("pk", filter=present & Q(age__isnull=False, age__lte=youth_limit)),
        age_known=Count("pk", filter=present & Q(age__isnull=False)),
        trainers=Count("pk", filter=present & Q(session__is_training_of_trainers=True)),
    )
    sessions = (
        TrainingSession.objects.filter(
            pk__in=scope.attendance().filter(present=True).values("session")
        )
        .order_by()
        .count()
    )
    return {
        "training_sessions": sessions,
        "participants": values["participants"],
        "participants_women": values["women"],
        "participants_men": values["men"],
        "participants_youth": values["youth"],
        "participants_women_share": percent(values["women"], values["participants"]),
        "participants_youth_share": percent(values["youth"], values["age_known"]),
        "trainers_trained": values["trainers"],
    }


def coaching(scope, today, records=None, member_ids=None):
    """Visits, hours and delivery against contract. Two queries (one with the cohort's records
    loaded already)."""
    visits = CoachingVisit.objects.filter(member__in=scope.member_ids()).aggregate(
        sessions=Count("pk"), minutes=Coalesce(Sum("duration_minutes"), 0)
    )
    assignments = CoachAssignment.objects.filter(member__in=scope.member_ids())
    if coach_compliance is not None:
        if records is None:
            rows = coach_compliance(assignments, today)
        else:
            rows = compliance_by_coach(
                [item for item in records.assignments if item.member_id in member_ids], today
            )
        contracted = sum(row.sessions_contracted for row in rows)
        expected = sum(row.expected_to_date for row in rows)
        delivered = sum(row.delivered_to_date for row in rows)
        behind = sum(1 for row in rows if row.is_behind)
    else:
        contracted = assignments.aggregate(n=Coalesce(Sum("contracted_sessions"), 0))["n"]
        expected, delivered, behind = contracted, visits["sessions"], None
    return {
        "coaching_sessions": visits["sessions"],
        "coaching_hours": _one_decimal(Decimal(visits["minutes"]) / 60),
        "coaching_sessions_contracted": contracted,
        "coaching_sessions_expected": expected,
        "coaching_sessions_delivered": delivered,
        "coaching_compliance": percent(delivered, expected),
        "coaches_behind": behind,
    }


def assistance(scope, currency):
    """Technical assistance given, equipment value and its cost per source. One query."""
    equipment = Q(kind=TechnicalAssistance.Kind.EQUIPMENT)
    values = TechnicalAssistance.objects.filter(member__in=scope.member_ids()).aggregate(
        count=Count("pk"),
        equipment=_money_sum(
            F("cost_program") + F("cost_cooperative") + F("cost_other"), filter=equipment
        ),
        **{source: _money_sum(f"cost_{source}") for source in SOURCES},
    )
    return {
        "technical_assistance": values["count"],
        "equipment_value": _money(values["equipment"], currency),
        "_assistance_cost": {source: values[source] for source in SOURCES},
    }


def marketing(scope, today, currency):
    """Products improved, certifications valid, new channels, sales before and after. Two
    queries."""
    records = MarketingSupport.objects.filter(member__in=scope.member_ids())
    kind = MarketingSupport.Kind
    compared = Q(sales_before__isnull=False, sales_after__isnull=False)
    values = records.aggregate(
        certifications=Count(
            "pk",
            filter=Q(kind=kind.CERTIFICATION, obtained_on__isnull=False, obtained_on__lte=today)
            & (Q(expires_on__isnull=True) | Q(expires_on__gte=today)),
        ),
        channels=Count("pk", filter=Q(kind=kind.NEW_CHANNEL)),
        before=_money_sum("sales_before", filter=compared),
        after=_money_sum("sales_after", filter=compared),
    )
    # A product counts once however many improvements it had, its name compared without case
    # or surrounding spaces.
    products = (
        records.filter(kind__in=PRODUCT_IMPROVEMENTS)
        .annotate(product_key=Lower(Trim("product")))
        .values("member_id", "product_key")
        .distinct()
        .count()
    )
    return {
        "products_improved": products,
        "certifications_valid": values["certifications"],
        "new_channels": values["channels"],
        "sales_before": _money(values["before"], currency),
        "sales_after": _money(values["after"], currency),
        "sales_change_percent": percent(values["after"] - values["before"], values["before"]),
    }


def plans_and_budget(scope, currency, assistance_cost):
    """Plan actions done, budget committed and executed per co-financing source. One query."""
    actions = PlanAction.objects.filter(plan__member__in=scope.member_ids()).exclude(
        status=PlanAction.Status.DROPPED
    )
    done = Q(status=PlanAction.Status.DONE)
    values = actions.aggregate(
        count=Count("pk"),
        done=Count("pk", filter=done),
        **{f"committed_{source}": _money_sum(f"budget_{source}") for source in SOURCES},
        **{f"done_{source}": _money_sum(f"budget_{source}", filter=done) for source in SOURCES},
    )
    committed = {source: values[f"committed_{source}"] for source in SOURCES}
    executed = {source: values[f"done_{source}"] + assistance_cost[source] for source in SOURCES}
    committed_total = sum(committed.values(), Decimal(0))
    executed_total = sum(executed.values(), Decimal(0))
    figures = {
        "plan_actions": values["count"],
        "plan_actions_done": values["done"],
        "plan_actions_done_share": percent(values["done"], values["count"]),
    }
    for source in SOURCES:
        figures[f"budget_committed_{source}"] = _money(committed[source], currency)
    figures["budget_committed_total"] = _money(committed_total, currency)
    for source in SOURCES:
        figures[f"budget_executed_{source}"] = _money(executed[source], currency)
    figures["budget_executed_total"] = _money(executed_total, currency)
    figures["budget_execution_rate"] = percent(executed_total, committed_total)
    return figures


def compute(cohort, *, phase_id=None, region_id=None, sector_id=None, today=None, records=None):
    """Every figure of one scope, as plain JSON values (see figures.FIELDS). About twenty
    queries, whatever the size of the cohort. `cohort` should come with its program; `records`,
    the cohort's `CohortRecords` when several scopes are computed in a row."""
    today = today or timezone.localdate()
    scope = Scope(cohort, phase_id=phase_id, region_id=region_id, sector_id=sector_id)
    member_ids = None
    if records is not None:
        member_ids = set(scope.members().values_list("pk", flat=True))
    currency = cohort.program.currency
    figures = {
        "cohort": cohort.pk,
        "program": cohort.program_id,
        "phase": phase_id,
        "region": region_id,
        "sector": sector_id,
        "currency": currency,
        "computed_on": today.isoformat(),
        "computed_at": timezone.now().isoformat(timespec="seconds"),
    }
    figures.update(cooperatives(scope))
    figures.update(selection(scope))
    figures.update(diagnostics(scope, records, member_ids))
    figures.update(training(scope))
    figures.update(coaching(scope, today, records, member_ids))
    ta = assistance(scope, currency)
    assistance_cost = ta.pop("_assistance_cost")
    figures.update(ta)
    figures.update(marketing(scope, today, currency))
    figures.update(plans_and_budget(scope, currency, assistance_cost))
    return figures
