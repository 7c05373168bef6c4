"""Cohort results as the public, partners and the program office read them.

`cohort_figures()` and `headline_figures()` only *read* figures computed earlier by the Celery
task (`tasks.recompute_cohort`, see store.py): a page view never aggregates records. When
figures are missing or date from an earlier day, the reader gets what exists (or an
`available: False` answer) and the task is scheduled.

`FIELDS` documents every figure once — (key, label, unit, description) — and the results page,
the CSV/JSON open data and the docs all read it, so they cannot drift apart.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accelerator.support.compliance import ON_SCHEDULE_SHARE

from . import store
from .compute import percent

COUNT = "count"
PERCENT = "percent"
POINTS = "points"
HOURS = "hours"
CURRENCY = "currency"
LIST = "list"

UNITS = {
    COUNT: _("number"),
    PERCENT: _("percent"),
    POINTS: _("points out of 100"),
    HOURS: _("hours"),
    CURRENCY: _("amount in the program's currency"),
    LIST: _("list, one row per domain"),
}

FIELDS = [
    # Cooperatives
    (
        "cooperatives_supported",
        _("Cooperatives supported"),
        COUNT,
        _("Cooperatives active in the cohort (admitted and not withdrawn)."),
    ),
    (
        "members_reached",
        _("Members reached"),
        COUNT,
        _("Members of the cooperatives supported, as declared on their registry profile."),
    ),
    (
        "women_members",
        _("Women members"),
        COUNT,
        _("Women among the members, for the cooperatives that declared how many."),
    ),
    (
        "women_share",
        _("Share of women"),
        PERCENT,
        _("Women members out of all members of the cooperatives that declared both figures."),
    ),
    (
        "youth_members",
        _("Young members"),
        COUNT,
        _("Young people among the members, for the cooperatives that declared how many."),
    ),
    (
        "youth_share",
        _("Share of young people"),
        PERCENT,
        _("Young members out of all members of the cooperatives that declared both figures."),
    ),
    # Selection
    (
        "applications_received",
        _("Applications received"),
        COUNT,
        _(
            "Applications submitted to the cohort's calls (drafts excluded); filtered by the "
            "phase, region and sector the application declared."
        ),
    ),
    (
        "applications_admitted",
        _("Applications admitted"),
        COUNT,
        _("Applications received whose decision is admission."),
    ),
    (
        "selection_rate",
        _("Selection rate"),
        PERCENT,
        _("Applications admitted out of applications received."),
    ),
    # Diagnostics
    (
        "cooperatives_compared",
        _("Cooperatives with a baseline and an end-line diagnostic"),
        COUNT,
        _("Cooperatives supported whose baseline and end-line diagnostics are both completed."),
    ),
    (
        "score_baseline",
        _("Capacity score at baseline"),
        POINTS,
        _(
            "Mean baseline score (0–100) of the cooperatives compared, over the questions both "
            "diagnostics share; domains weighted by their weight."
        ),
    ),
    (
        "score_endline",
        _("Capacity score at end-line"),
        POINTS,
        _("Mean end-line score (0–100) of the same cooperatives, on the same questions."),
    ),
    (
        "score_change",
        _("Change in capacity score"),
        POINTS,
        _("End-line score minus baseline score, in points out of 100."),
    ),
    (
        "score_change_by_domain",
        _("Change in capacity score by domain"),
        LIST,
        _(
            "Per domain of the diagnostic: code, name, mean score at baseline and at end-line, "
            "change, and how many cooperatives were compared."
        ),
    ),
    # Training
    (
        "training_sessions",
        _("Training sessions held"),
        COUNT,
        _("Training sessions of the cohort with at least one participant present."),
    ),
    (
        "participants",
        _("Training participants"),
        COUNT,
        _(
            "Participants marked present, counted once per session attended; filtered views "
            "count the participants from the cooperatives in the filter."
        ),
    ),
    ("participants_women", _("Women participants"), COUNT, _("Participants who are women.")),
    ("participants_men", _("Men participants"), COUNT, _("Participants who are men.")),
    (
        "participants_youth",
        _("Young participants"),
        COUNT,
        _("Participants whose age is at most the program's youth age limit."),
    ),
    (
        "participants_women_share",
        _("Share of women among participants"),
        PERCENT,
        _("Women participants out of all participants."),
    ),
    (
        "participants_youth_share",
        _("Share of young people among participants"),
        PERCENT,
        _("Young participants out of the participants whose age is known."),
    ),
    (
        "trainers_trained",
        _("Trainers trained"),
        COUNT,
        _("Participants present at training-of-trainers sessions."),
    ),
    # Coaching
    (
        "coaching_sessions",
        _("Coaching sessions"),
        COUNT,
        _("Coaching visits logged with the cooperatives supported."),
    ),
    ("coaching_hours", _("Coaching hours"), HOURS, _("Total duration of those visits.")),
    (
        "coaching_sessions_contracted",
        _("Coaching sessions contracted"),
        COUNT,
        _("Sessions the coaches' assignments entitle the cooperatives to, over the whole period."),
    ),
    (
        "coaching_sessions_expected",
        _("Coaching sessions expected to date"),
        COUNT,
        _(
            "Contracted sessions spread evenly over each assignment's period, up to the day computed."
        ),
    ),
    (
        "coaching_sessions_delivered",
        _("Coaching sessions delivered to date"),
        COUNT,
        _("Visits each assigned coach made to their cooperatives, up to the day computed."),
    ),
    (
        "coaching_compliance",
        _("Contract compliance"),
        PERCENT,
        _("Sessions delivered to date out of sessions expected to date."),
    ),
    (
        "coaches_behind",
        _("Coaches behind contract"),
        COUNT,
        format_lazy(
            _("Coaches who delivered less than {share} of the sessions expected of them to date."),
            share=f"{round(ON_SCHEDULE_SHARE * 100)}%",
        ),
    ),
    # Technical assistance and marketing
    (
        "technical_assistance",
        _("Technical assistance given"),
        COUNT,
        _(
            "Technical assistance records (expert advice, exchanges, equipment, institution building)."
        ),
    ),
    (
        "equipment_value",
        _("Value of equipment provided"),
        CURRENCY,
        _("Cost of the equipment and materials provided, all co-financing sources together."),
    ),
    (
        "products_improved",
        _("Products improved"),
        COUNT,
        _(
            "Distinct products of a cooperative that received packaging, labelling or branding support."
        ),
    ),
    (
        "certifications_valid",
        _("Certifications obtained and still valid"),
        COUNT,
        _("Certifications obtained and not expired on the day computed."),
    ),
    (
        "new_channels",
        _("New sales channels"),
        COUNT,
        _("New sales channels opened with marketing support."),
    ),
    (
        "sales_before",
        _("Yearly sales before support"),
        CURRENCY,
        _("Sum of yearly sales before support, for the records giving a figure before and after."),
    ),
    (
        "sales_after",
        _("Yearly sales after support"),
        CURRENCY,
        _("Sum of yearly sales after support, for the same records."),
    ),
    (
        "sales_change_percent",
        _("Change in sales"),
        PERCENT,
        _("Sales after minus sales before, in percent of sales before."),
    ),
    # Development plans and budget
    (
        "plan_actions",
        _("Plan actions"),
        COUNT,
        _("Actions of the development plans of the cooperatives supported, dropped ones excluded."),
    ),
    ("plan_actions_done", _("Plan actions done"), COUNT, _("Plan actions marked done.")),
    (
        "plan_actions_done_share",
        _("Share of plan actions done"),
        PERCENT,
        _("Plan actions done out of plan actions."),
    ),
    (
        "budget_committed_program",
        _("Budget committed by the program"),
        CURRENCY,
        _("Program share of the budgets of the plan actions."),
    ),
    (
        "budget_committed_cooperative",
        _("Budget committed by the cooperatives"),
        CURRENCY,
        _("Cooperatives' share of the budgets of the plan actions."),
    ),
    (
        "budget_committed_other",
        _("Budget committed by other partners"),
        CURRENCY,
        _("Other partners' share of the budgets of the plan actions."),
    ),
    (
        "budget_committed_total",
        _("Budget committed"),
        CURRENCY,
        _("Budgets of the plan actions, all sources together."),
    ),
    (
        "budget_executed_program",
        _("Budget executed by the program"),
        CURRENCY,
        _(
            "Program share of the budgets of the actions done, plus its share of technical assistance costs."
        ),
    ),
    (
        "budget_executed_cooperative",
        _("Budget executed by the cooperatives"),
        CURRENCY,
        _("Cooperatives' share of the same."),
    ),
    (
        "budget_executed_other",
        _("Budget executed by other partners"),
        CURRENCY,
        _("Other partners' share of the same."),
    ),
    (
        "budget_executed_total",
        _("Budget executed"),
        CURRENCY,
        _(
            "Budgets of the plan actions done plus technical assistance costs, all sources together."
        ),
    ),
    (
        "budget_execution_rate",
        _("Budget execution rate"),
        PERCENT,
        _("Budget executed out of budget committed."),
    ),
]

FIELD_KEYS = [key for key, _label, _unit, _description in FIELDS]
FIELD_UNITS = {key: unit for key, _label, unit, _description in FIELDS}
FIELD_LABELS = {key: label for key, label, _unit, _description in FIELDS}

# Describing the figures, not counted: which cohort and filters, when, in which currency.
CONTEXT_FIELDS = [
    ("cohort", _("Cohort"), _("Identifier of the cohort.")),
    ("program", _("Program"), _("Identifier of the program.")),
    ("phase", _("Phase"), _("Identifier of the phase filtered on, empty for all phases.")),
    ("region", _("Region"), _("Identifier of the region filtered on, empty for all regions.")),
    ("sector", _("Sector"), _("Identifier of the sector filtered on, empty for all sectors.")),
    ("currency", _("Currency"), _("ISO code of the program's currency, for every amount.")),
    ("computed_on", _("Computed on"), _("The day the figures were computed (figures to date).")),
    ("computed_at", _("Computed at"), _("When the figures were computed (ISO 8601).")),
]

SECTIONS = [
    (
        "cooperatives",
        _("Cooperatives and members"),
        [
            "cooperatives_supported",
            "members_reached",
            "women_members",
            "women_share",
            "youth_members",
            "youth_share",
        ],
    ),
    (
        "selection",
        _("Applications and selection"),
        ["applications_received", "applications_admitted", "selection_rate"],
    ),
    (
        "diagnostics",
        _("Strategic diagnostic: baseline → end-line"),
        ["cooperatives_compared", "score_baseline", "score_endline", "score_change"],
    ),
    (
        "training",
        _("Collective training"),
        [
            "training_sessions",
            "participants",
            "participants_women",
            "participants_men",
            "participants_youth",
            "participants_women_share",
            "participants_youth_share",
            "trainers_trained",
        ],
    ),
    (
        "coaching",
        _("Coaching"),
        [
            "coaching_sessions",
            "coaching_hours",
            "coaching_sessions_contracted",
            "coaching_sessions_expected",
            "coaching_sessions_delivered",
            "coaching_compliance",
            "coaches_behind",
        ],
    ),
    (
        "assistance",
        _("Technical assistance and marketing support"),
        [
            "technical_assistance",
            "equipment_value",
            "products_improved",
            "certifications_valid",
            "new_channels",
            "sales_before",
            "sales_after",
            "sales_change_percent",
        ],
    ),
    (
        "plans",
        _("Development plans and budget"),
        [
            "plan_actions",
            "plan_actions_done",
            "plan_actions_done_share",
            "budget_committed_program",
            "budget_committed_cooperative",
            "budget_committed_other",
            "budget_committed_total",
            "budget_executed_program",
            "budget_executed_cooperative",
            "budget_executed_other",
            "budget_executed_total",
            "budget_execution_rate",
        ],
    ),
]

HEADLINE_FIELDS = [
    ("cooperatives_supported", _("Cooperatives supported"), COUNT),
    ("members_reached", _("Members reached"), COUNT),
    ("women_share", _("Share of women among members"), PERCENT),
    ("training_sessions", _("Training sessions held"), COUNT),
    ("score_change", _("Mean change in capacity score"), POINTS),
]


def _id(value):
    return getattr(value, "pk", value) or None


def cohort_figures(cohort, *, phase=None, region=None, sector=None):
    """The figures of a cohort (optionally one phase, region, sector), as computed last.

    Returns the stored dict — every FIELDS key plus the context keys, `available: True` and
    `stale` (computed on an earlier day) — or `{"available": False, ...}` with the context keys
    when nothing was computed yet. A miss or stale figures schedule the task. At most one query.
    """
    cohort_id = _id(cohort)
    key = store.scope_key(_id(phase), _id(region), _id(sector))
    figures = store.read(cohort_id, key)
    if figures is None:
        store.request_scope(cohort_id, key)
        if store.in_process():
            # Without a broker the task has just run, in this process, after the commit.
            figures = store.read(cohort_id, key)
    if figures is None:
        return {
            "available": False,
            "stale": False,
            "cohort": cohort_id,
            "phase": _id(phase),
            "region": _id(region),
            "sector": _id(sector),
        }
    stale = store.is_stale(figures)
    if stale:
        store.schedule_recompute(cohort_id)
    return {**figures, "available": True, "stale": stale}


def open_data(figures):
    """The figures exactly as published in the CSV and JSON files: context and FIELDS keys."""
    keys = [key for key, _label, _description in CONTEXT_FIELDS] + FIELD_KEYS
    return {key: figures.get(key) for key in keys}


def _combine(cohorts):
    """Headline figures of several cohorts' whole-cohort figures."""
    total = dict.fromkeys(("cooperatives_supported", "members_reached", "training_sessions"), 0)
    women = women_base = compared = 0
    change_sum = Decimal(0)
    for figures in cohorts:
        for key in total:
            total[key] += figures.get(key) or 0
        women += figures.get("women_members") or 0
        women_base += figures.get("_women_base") or 0
        if figures.get("score_change") is not None and figures.get("cooperatives_compared"):
            compared += figures["cooperatives_compared"]
            change_sum += Decimal(str(figures["score_change"])) * figures["cooperatives_compared"]
    return {
        **total,
        "women_share": percent(women, women_base),
        "score_change": (
            float((change_sum / compared).quantize(Decimal("0.1"), ROUND_HALF_UP))
            if compared
            else None
        ),
    }


def headline_figures(program=None):
    """A few figures over every cohort of a program (or of all programs), for the home page
    and the program pages: cooperatives supported, members reached, share of women among
    members, training sessions held, mean change in capacity score (the cohorts' changes
    weighted by their cooperatives compared). Keys are those of HEADLINE_FIELDS plus
    `available` (False until a cohort has figures) and `cohorts` (how many are counted).

    Read from the cache; on a miss, combined from the cohorts' stored figures (two queries,
    no aggregation of records). Cohorts never computed are scheduled."""
    from django.core.cache import cache

    from accelerator.programs.models import Cohort

    from .models import ResultsSnapshot

    program_id = _id(program)
    key = store.headline_cache_key(program_id)
    headline = cache.get(key)
    if headline is not None:
        return headline
    cohorts = Cohort.objects.all()
    if program_id:
        cohorts = cohorts.filter(program_id=program_id)
    snapshots = {
        cohort_id: data
        for cohort_id, data in ResultsSnapshot.objects.filter(
            cohort__in=cohorts, key=store.ALL
        ).values_list("cohort_id", "data")
        if data.get("schema") == store.SCHEMA
    }
    missing = cohorts.exclude(pk__in=list(snapshots)).values_list("pk", flat=True)
    for cohort_id in missing:
        store.schedule_recompute(cohort_id)
    headline = {
        **_combine(snapshots.values()),
        "available": bool(snapshots),
        "cohorts": len(snapshots),
    }
    if snapshots:
        cache.set(key, headline, store.CACHE_TIMEOUT)
    return headline
