"""Technical assistance and marketing support: who may record them, the rules a record must
keep, saving, and the figures derived from the records (per cohort, in the program's currency).

The workspace forms, the admin screens and any import apply the same rules through
`check_technical_assistance` and `check_marketing_support`.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, DecimalField, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from accelerator.programs.models import Cohort
from accelerator.selection.models import CohortMember
from diagnostics.models import PlanAction
from diagnostics.plans import Budget, decimals_for

from .models import MarketingSupport, TechnicalAssistance

COST_FIELDS = ("cost_program", "cost_cooperative", "cost_other")
TECHNICAL_ASSISTANCE_FIELDS = (
    "kind",
    "title",
    "description",
    "provider",
    "delivered_on",
    "quantity",
    *COST_FIELDS,
)
MARKETING_AMOUNT_FIELDS = (
    "contract_value",
    "sales_before",
    "sales_after",
    "income_before",
    "income_after",
)
MARKETING_FIELDS = (
    "product",
    "kind",
    "description",
    "supported_on",
    "certification",
    "certification_level",
    "obtained_on",
    "expires_on",
    "channel",
    *MARKETING_AMOUNT_FIELDS,
)
#: Kinds of marketing support that improve the product itself.
PRODUCT_IMPROVEMENTS = (
    MarketingSupport.Kind.PACKAGING,
    MarketingSupport.Kind.LABELLING,
    MarketingSupport.Kind.BRANDING,
    MarketingSupport.Kind.CERTIFICATION,
)
NEW_MARKETS = (MarketingSupport.Kind.NEW_SEGMENT, MarketingSupport.Kind.NEW_CHANNEL)


# Who may do what -----------------------------------------------------------------------------


def recording_members(user):
    """Cooperatives whose support this person records: the ones they currently coach.

    The program office reads the records (workspace page, admin) but does not write them.
    """
    if not user.is_authenticated:
        return CohortMember.objects.none()
    members = CohortMember.objects.active()
    if user.is_superuser:
        return members
    return members.filter(
        pk__in=CohortMember.objects.filter(
            coach_assignments__coach=user, coach_assignments__ended_on__isnull=True
        ).values("pk")
    )


def can_record(user, member):
    return recording_members(user).filter(pk=member.pk).exists()


def plan_actions_of(member):
    """The actions of the cooperative's development plan, the ones a record can serve."""
    return (
        PlanAction.objects.filter(plan__member=member)
        .select_related("objective")
        .order_by("objective__position", "position", "pk")
    )


def plan_action_ids(member):
    return set(PlanAction.objects.filter(plan__member=member).values_list("pk", flat=True))


# Rules ---------------------------------------------------------------------------------------


def _check_amounts(data, names, errors, message):
    for name in names:
        amount = data.get(name)
        if amount is not None and amount < 0:
            errors[name] = message


def _check_plan_actions(member, data, errors, allowed):
    """A record serves actions of its cooperative's plan, at least one when the plan has any."""
    allowed = plan_action_ids(member) if allowed is None else allowed
    actions = list(data.get("plan_actions") or [])
    if any(action.pk not in allowed for action in actions):
        errors["plan_actions"] = _("Choose actions of this cooperative's development plan.")
    elif allowed and not actions:
        errors["plan_actions"] = _("Choose at least one action of the plan this support serves.")


def check_technical_assistance(member, data, *, plan_actions=None):
    """ValidationError (messages per field) when a technical assistance breaks the rules.

    `plan_actions`: ids of the cooperative's plan actions, when the caller has them already.
    """
    errors = {}
    _check_amounts(data, COST_FIELDS, errors, _("An amount cannot be negative."))
    quantity = data.get("quantity")
    if data.get("kind") == TechnicalAssistance.Kind.EQUIPMENT:
        if not (data.get("description") or "").strip():
            errors["description"] = _("Describe the equipment or materials provided.")
        if not quantity:
            errors["quantity"] = _("Say how many items were provided.")
        if "cost_program" not in errors and not any(
            data.get(name) for name in COST_FIELDS if name not in errors
        ):
            errors["cost_program"] = _(
                "Give the value of the equipment, split between who paid for it."
            )
    _check_plan_actions(member, data, errors, plan_actions)
    if errors:
        raise ValidationError(errors)


def check_marketing_support(member, data, *, plan_actions=None):
    """ValidationError (messages per field) when a marketing support breaks the rules."""
    errors = {}
    _check_amounts(data, MARKETING_AMOUNT_FIELDS, errors, _("An amount cannot be negative."))
    obtained, expires = data.get("obtained_on"), data.get("expires_on")
    if data.get("kind") == MarketingSupport.Kind.CERTIFICATION:
        if not (data.get("certification") or "").strip():
            errors["certification"] = _("Name the certification, e.g. OCOP.")
        if not obtained:
            errors["obtained_on"] = _("Give the date the certification was obtained.")
    if obtained and expires and expires <= obtained:
        errors["expires_on"] = _("The expiry date must come after the date it was obtained.")
    if expires and not obtained and "obtained_on" not in errors:
        errors["obtained_on"] = _("Give the date it was obtained as well as its expiry.")
    _check_plan_actions(member, data, errors, plan_actions)
    if errors:
        raise ValidationError(errors)


# Changing ------------------------------------------------------------------------------------


def _save(model, fields, member, data, instance):
    record = instance or model(member=member)
    if record.member_id != member.pk:
        raise ValidationError(_("This record belongs to another cooperative."))
    for name in fields:
        if name in data:
            setattr(record, name, data[name])
    with transaction.atomic():
        record.save()
        record.plan_actions.set(data.get("plan_actions") or [])
    return record


def save_technical_assistance(member, data, *, instance=None):
    """Check and save a technical assistance with the plan actions it serves."""
    check_technical_assistance(member, data)
    return _save(TechnicalAssistance, TECHNICAL_ASSISTANCE_FIELDS, member, data, instance)


def save_marketing_support(member, data, *, instance=None):
    """Check and save a marketing support with the plan actions it serves."""
    check_marketing_support(member, data)
    return _save(MarketingSupport, MARKETING_FIELDS, member, data, instance)


# Reading -------------------------------------------------------------------------------------


def support_of(member):
    """(technical assistance, marketing support) of a cooperative, with the plan actions each
    serves, in a fixed number of queries."""
    return (
        member.technical_assistance.prefetch_related("plan_actions"),
        member.marketing_support.prefetch_related("plan_actions"),
    )


def _sum(expression, **extra):
    return Coalesce(
        Sum(expression, **extra),
        Decimal(0),
        output_field=DecimalField(max_digits=18, decimal_places=2),
    )


def _equipment_sums(records):
    """{cohort id: Budget} of the equipment among these technical assistance records: its value
    per co-financing source, in the cohort's program currency. One query."""
    rows = (
        records.filter(kind=TechnicalAssistance.Kind.EQUIPMENT)
        .order_by()
        .values("member__cohort", "member__cohort__program__currency")
        .annotate(
            program=_sum("cost_program"),
            cooperative=_sum("cost_cooperative"),
            other=_sum("cost_other"),
        )
    )
    return {
        row["member__cohort"]: Budget(
            program=row["program"],
            cooperative=row["cooperative"],
            other=row["other"],
            currency=row["member__cohort__program__currency"],
        )
        for row in rows
    }


def equipment_totals(cohort):
    """Value of the equipment and materials given to the cohort's cooperatives, per
    co-financing source: a diagnostics.plans.Budget in the program's currency. One query."""
    sums = _equipment_sums(TechnicalAssistance.objects.filter(member__cohort=cohort))
    return sums.get(cohort.pk) or Budget(
        program=Decimal(0),
        cooperative=Decimal(0),
        other=Decimal(0),
        currency=cohort.program.currency,
    )


def equipment_totals_per_cohort(records):
    """[(cohort, Budget)] of the equipment among these records (a list filtered by program,
    cohort…), each cohort in its own program's currency. Two queries."""
    sums = _equipment_sums(records)
    cohorts = Cohort.objects.filter(pk__in=sums).select_related("program")
    return [(cohort, sums[cohort.pk]) for cohort in cohorts.order_by("program", "start_date")]


@dataclass(frozen=True)
class MarketingOutcomes:
    """What the marketing support of a cohort achieved, from its records.

    Sales and income compare like with like: only records giving both a before and an after
    figure count.
    """

    currency: str
    products_improved: int
    certifications_obtained: int
    certifications_valid: int
    new_markets: int
    trade_fairs: int
    buyer_contracts: int
    contract_value: Decimal
    sales_before: Decimal
    sales_after: Decimal
    income_before: Decimal
    income_after: Decimal

    @property
    def decimals(self):
        return decimals_for(self.currency)

    @property
    def sales_change(self):
        return self.sales_after - self.sales_before

    @property
    def income_change(self):
        return self.income_after - self.income_before

    @staticmethod
    def percent_change(before, after):
        return (after - before) * 100 / before if before else None

    @property
    def sales_change_percent(self):
        return self.percent_change(self.sales_before, self.sales_after)

    @property
    def income_change_percent(self):
        return self.percent_change(self.income_before, self.income_after)


def marketing_outcomes(cohort, today):
    """MarketingOutcomes of a cohort on a given day (certifications still valid that day).
    Two queries."""
    records = MarketingSupport.objects.filter(member__cohort=cohort)
    kind = MarketingSupport.Kind
    certified = Q(kind=kind.CERTIFICATION, obtained_on__isnull=False, obtained_on__lte=today)
    compared_sales = Q(sales_before__isnull=False, sales_after__isnull=False)
    compared_income = Q(income_before__isnull=False, income_after__isnull=False)
    sums = {
        name: _sum(name, filter=condition)
        for name, condition in (
            ("contract_value", Q(kind=kind.BUYER_CONTRACT)),
            ("sales_before", compared_sales),
            ("sales_after", compared_sales),
            ("income_before", compared_income),
            ("income_after", compared_income),
        )
    }
    # Aggregates may not share a name with a field: they are prefixed, then unprefixed.
    figures = records.aggregate(
        certifications_obtained=Count("pk", filter=certified),
        certifications_valid=Count(
            "pk", filter=certified & (Q(expires_on__isnull=True) | Q(expires_on__gte=today))
        ),
        new_markets=Count("pk", filter=Q(kind__in=NEW_MARKETS)),
        trade_fairs=Count("pk", filter=Q(kind=kind.TRADE_FAIR)),
        buyer_contracts=Count("pk", filter=Q(kind=kind.BUYER_CONTRACT)),
        **{f"total_{name}": total for name, total in sums.items()},
    )
    figures = {name.removeprefix("total_"): value for name, value in figures.items()}
    # A product counts once however many improvements it had; names are compared as typed,
    # ignoring case and surrounding spaces.
    improved = {
        (member_id, product.strip().casefold())
        for member_id, product in records.filter(kind__in=PRODUCT_IMPROVEMENTS).values_list(
            "member_id", "product"
        )
    }
    return MarketingOutcomes(
        currency=cohort.program.currency, products_improved=len(improved), **figures
    )
