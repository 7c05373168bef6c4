"""What happens to a development plan, whoever asks (workspace, admin, demo data).

A plan starts from a completed or validated diagnostic; actions are suggested for its weakest
domains from the office's library of standard actions; the coach edits it, submits it, and the
program office approves it or returns it with comments. Once approved, every saved change is
kept as a numbered version (who, when, what). Every change claims the plan's `revision`: a save
made from an older copy of the plan is refused with a conflict, never applied over newer work.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Prefetch
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accelerator.core import audit
from accelerator.programs.models import Currency, Program
from accelerator.selection.models import CohortMember

from . import scoring
from .models import (
    ActionCategory,
    DevelopmentPlan,
    Diagnostic,
    Objective,
    PlanAction,
    PlanVersion,
    StandardAction,
    SwotItem,
)

#: Suggestions start from this many lowest-scoring domains (fewer when the instrument is small).
WEAK_DOMAINS = 3
FINISHED = (Diagnostic.Status.COMPLETED, Diagnostic.Status.VALIDATED)
#: A submitted plan waits for the office's decision; every other state can be changed.
CHANGEABLE = (
    DevelopmentPlan.Status.DRAFT,
    DevelopmentPlan.Status.RETURNED,
    DevelopmentPlan.Status.APPROVED,
)
#: SWOT items an action most often answers come first in the choices.
QUADRANT_ORDER = (
    SwotItem.Quadrant.WEAKNESS,
    SwotItem.Quadrant.OPPORTUNITY,
    SwotItem.Quadrant.THREAT,
    SwotItem.Quadrant.STRENGTH,
)
#: Currencies written without decimals.
WHOLE_CURRENCIES = {Currency.VND}

ACTION_FIELDS = (
    "objective",
    "title",
    "description",
    "category",
    "owner",
    "start_date",
    "due_date",
    "budget_program",
    "budget_cooperative",
    "budget_other",
    "status",
    "progress",
)


class PlanError(Exception):
    """The plan cannot do this now; the message says why, in the reader's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotAllowed(PlanError):
    """This person may not do this to this plan (views answer 404)."""

    def __init__(self):
        super().__init__(_("You cannot change this development plan."))


class PlanConflict(PlanError):
    """Someone saved the plan since this copy was opened; nothing was changed."""

    def __init__(self, current_revision):
        super().__init__(
            _(
                "Someone else saved this development plan after you opened it, so your changes "
                "were not saved. Check the current version below, then save again."
            )
        )
        self.current_revision = current_revision


# Who may do what -------------------------------------------------------------------------


def planning_members(user):
    """Cooperatives whose plan this person may see and change: their coach's (current
    assignment) and the office staff of the program (the one visibility rule of members)."""
    return CohortMember.objects.visible_to(user)


def can_plan(user, member):
    return planning_members(user).filter(pk=member.pk).exists()


def is_program_office(user, member):
    return Program.objects.managed_by(user).filter(pk=member.cohort.program_id).exists()


def plans_of_office(user):
    """Plans of the programs whose office this person is part of."""
    return DevelopmentPlan.objects.filter(
        member__cohort__program__in=Program.objects.managed_by(user)
    )


# Reading ---------------------------------------------------------------------------------


def with_contents(plans):
    """Plans with everything their page shows, in a fixed number of queries."""
    return plans.select_related(
        "member__cooperative",
        "member__cohort__program",
        "diagnostic__version",
        "approved_by",
    ).prefetch_related(
        "objectives",
        Prefetch(
            "actions",
            queryset=PlanAction.objects.select_related("objective").prefetch_related(
                Prefetch("swot_items", queryset=SwotItem.objects.select_related("domain"))
            ),
        ),
    )


def weak_domains(diagnostic, *, scores=None):
    """The diagnostic's lowest-scoring domains (DomainScore), weakest first."""
    _strongest, weakest = scoring.strongest_and_weakest(diagnostic, n=WEAK_DOMAINS, scores=scores)
    return weakest


def suggestions(plan, *, weak=None):
    """Active standard actions for the weak domains, weakest domain first, minus those the plan
    has already taken up."""
    weak = weak_domains(plan.diagnostic) if weak is None else weak
    rank = {item.code: position for position, item in enumerate(weak)}
    taken = PlanAction.objects.filter(plan=plan, standard_action__isnull=False).values(
        "standard_action_id"
    )
    offered = (
        StandardAction.objects.filter(is_active=True, domain_code__in=rank)
        .exclude(pk__in=taken)
        .exclude(pk__in=plan.dismissed_suggestions.values("pk"))
    )
    return sorted(offered, key=lambda action: (rank[action.domain_code], action.title))


def swot_choices(diagnostic):
    """The diagnostic's SWOT items, weaknesses and opportunities first."""
    items = list(diagnostic.swot_items.select_related("domain"))
    return sorted(items, key=lambda item: (QUADRANT_ORDER.index(item.quadrant), item.position))


def domain_labels(diagnostic):
    """code → name (in the reader's language) of the domains of the diagnostic's version."""
    return {domain.code: domain.name for domain in scoring.domains_of(diagnostic.version)}


def decimals_for(currency):
    return 0 if currency in WHOLE_CURRENCIES else 2


@dataclass(frozen=True)
class Budget:
    """Planned money per co-financing source, in the program's currency. Dropped actions do
    not count."""

    program: Decimal
    cooperative: Decimal
    other: Decimal
    currency: str

    @property
    def total(self):
        return self.program + self.cooperative + self.other

    @property
    def decimals(self):
        return decimals_for(self.currency)

    def share(self, amount):
        """Percentage of the total, or None when the total is nothing."""
        return (amount * 100 / self.total) if self.total else None

    @property
    def sources(self):
        """(label, amount, share of the total) per co-financing source."""
        return [
            (_("Program"), self.program, self.share(self.program)),
            (_("Cooperative"), self.cooperative, self.share(self.cooperative)),
            (_("Other partners"), self.other, self.share(self.other)),
        ]


def budget_totals(plan):
    """Uses the plan's prefetched actions when there are some; one query otherwise."""
    sums = {"program": Decimal(0), "cooperative": Decimal(0), "other": Decimal(0)}
    for action in plan.actions.all():
        if action.status == PlanAction.Status.DROPPED:
            continue
        sums["program"] += action.budget_program
        sums["cooperative"] += action.budget_cooperative
        sums["other"] += action.budget_other
    return Budget(currency=plan.member.cohort.program.currency, **sums)


# Rules -----------------------------------------------------------------------------------


def check_action(plan, data):
    """ValidationError (messages per field) when an action's values break the plan's rules."""
    errors = {}
    start, due = data.get("start_date"), data.get("due_date")
    if start and due and due < start:
        errors["due_date"] = _("The due date cannot come before the start date.")
    progress = data.get("progress")
    if progress is not None and not 0 <= progress <= 100:
        errors["progress"] = _("Progress is a percentage between 0 and 100.")
    for name in ("budget_program", "budget_cooperative", "budget_other"):
        amount = data.get(name)
        if amount is not None and amount < 0:
            errors[name] = _("A budget cannot be negative.")
    swot_items = list(data.get("swot_items") or [])
    domain_codes = list(data.get("domain_codes") or [])
    if not swot_items and not domain_codes:
        errors["swot_items"] = _(
            "Link this action to at least one SWOT item or weak domain it answers."
        )
    if any(item.diagnostic_id != plan.diagnostic_id for item in swot_items):
        errors["swot_items"] = _("Choose SWOT items of this cooperative's diagnostic.")
    if set(domain_codes) - set(domain_labels(plan.diagnostic)):
        errors["domain_codes"] = _("Choose domains of this cooperative's diagnostic.")
    objective = data.get("objective")
    if objective is not None and objective.plan_id != plan.pk:
        errors["objective"] = _("Choose an objective of this plan.")
    if errors:
        raise ValidationError(errors)


# Changing --------------------------------------------------------------------------------


def create_plan(diagnostic, *, user):
    """The cooperative's plan, started from this diagnostic; its existing plan if it has one
    (one plan per cooperative in a cohort, so a double click creates nothing twice)."""
    if not can_plan(user, diagnostic.member):
        raise NotAllowed
    if diagnostic.status not in FINISHED:
        raise PlanError(_("A development plan starts from a completed diagnostic."))
    existing = DevelopmentPlan.objects.filter(member=diagnostic.member_id).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            plan = DevelopmentPlan.objects.create(member=diagnostic.member, diagnostic=diagnostic)
            audit.record(plan, "wagtail.create", user, diagnostic=diagnostic.pk)
            return plan
    except IntegrityError:
        return DevelopmentPlan.objects.get(member=diagnostic.member_id)


def claim_change(plan, *, user, expected_revision, statuses=CHANGEABLE):
    """Inside a transaction: raise the plan's revision, or refuse (conflict, state, person).

    `user=None` is for the platform itself (demo data, commands): no person to check."""
    if user is not None and not can_plan(user, plan.member):
        raise NotAllowed
    claimed = DevelopmentPlan.objects.filter(pk=plan.pk, status__in=statuses)
    if expected_revision is not None:
        claimed = claimed.filter(revision=expected_revision)
    if claimed.update(revision=F("revision") + 1, updated_at=timezone.now()):
        plan.refresh_from_db(fields=["revision", "status", "updated_at"])
        return
    current = DevelopmentPlan.objects.get(pk=plan.pk)
    if current.status not in statuses:
        raise PlanError(
            _(
                "This plan is waiting for the program office's decision; it can be changed "
                "again once approved or returned."
            )
        )
    raise PlanConflict(current.revision)


def after_change(plan, *, user, note):
    if plan.status == DevelopmentPlan.Status.APPROVED:
        record_version(plan, user=user, note=note)


def save_action(plan, data, *, user, action=None, expected_revision=None):
    """Add an action (action=None) or change one, from a form's cleaned data."""
    check_action(plan, data)
    with transaction.atomic():
        claim_change(plan, user=user, expected_revision=expected_revision)
        before = audit.values_of(action, ACTION_FIELDS) if action else dict.fromkeys(ACTION_FIELDS)
        if action is None:
            action = PlanAction(plan=plan, position=_next_position(plan.actions))
        elif action.plan_id != plan.pk:
            raise NotAllowed
        for name in ACTION_FIELDS:
            if name in data:
                setattr(action, name, data[name])
        action.domain_codes = list(data.get("domain_codes") or [])
        action.save()
        action.swot_items.set(data.get("swot_items") or [])
        audit.record(
            plan, "wagtail.edit", user, audit.model_changes(action, before, f"action_{action.pk}.")
        )
        after_change(plan, user=user, note=_("Action saved: %(title)s") % {"title": action.title})
    return action


def delete_action(plan, action, *, user, expected_revision=None):
    with transaction.atomic():
        claim_change(plan, user=user, expected_revision=expected_revision)
        if action.plan_id != plan.pk:
            raise NotAllowed
        title = action.title
        audit.record(plan, "wagtail.edit", user, [f"action_{action.pk}.deleted"])
        action.delete()
        after_change(plan, user=user, note=_("Action removed: %(title)s") % {"title": title})


def save_objective(plan, title, *, user, objective=None, expected_revision=None):
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Write the objective.")})
    with transaction.atomic():
        claim_change(plan, user=user, expected_revision=expected_revision)
        if objective is None:
            objective = Objective(plan=plan, position=_next_position(plan.objectives))
        elif objective.plan_id != plan.pk:
            raise NotAllowed
        objective.title = title
        objective.save()
        audit.record(plan, "wagtail.edit", user, [f"objective_{objective.pk}.title"])
        after_change(plan, user=user, note=_("Objective saved: %(title)s") % {"title": title})
    return objective


def delete_objective(plan, objective, *, user, expected_revision=None):
    """Its actions stay in the plan, without an objective."""
    with transaction.atomic():
        claim_change(plan, user=user, expected_revision=expected_revision)
        if objective.plan_id != plan.pk:
            raise NotAllowed
        title = objective.title
        audit.record(plan, "wagtail.edit", user, [f"objective_{objective.pk}.deleted"])
        objective.delete()
        after_change(plan, user=user, note=_("Objective removed: %(title)s") % {"title": title})


def accept_suggestion(plan, standard_action, *, user, language=None):
    """A new action copied from a standard action, in the coach's language, for them to edit."""
    if standard_action.pk not in {suggested.pk for suggested in suggestions(plan)}:
        raise PlanError(_("This suggestion is no longer offered for this plan."))
    with translation.override(language or translation.get_language()):
        title, description = standard_action.title, standard_action.description
    with transaction.atomic():
        claim_change(plan, user=user, expected_revision=None)
        action = PlanAction.objects.create(
            plan=plan,
            title=title,
            description=description,
            category=standard_action.category,
            domain_codes=[standard_action.domain_code],
            standard_action=standard_action,
            position=_next_position(plan.actions),
        )
        audit.record(plan, "wagtail.edit", user, [f"action_{action.pk}"])
        after_change(plan, user=user, note=_("Action saved: %(title)s") % {"title": title})
    return action


def dismiss_suggestion(plan, standard_action):
    """The coach sets a suggestion aside: it is no longer offered for this plan."""
    plan.dismissed_suggestions.add(standard_action)


def submit(plan, *, user=None, expected_revision=None):
    """Send the plan to the program office. Submitting twice changes nothing."""
    if plan.status == DevelopmentPlan.Status.SUBMITTED:
        return plan
    if plan.status == DevelopmentPlan.Status.APPROVED:
        raise PlanError(_("This plan is already approved."))
    if not plan.actions.exists():
        raise PlanError(_("Add at least one action before submitting the plan."))
    with transaction.atomic():
        claim_change(
            plan,
            user=user,
            expected_revision=expected_revision,
            statuses=(DevelopmentPlan.Status.DRAFT, DevelopmentPlan.Status.RETURNED),
        )
        previous, plan.status = plan.status, DevelopmentPlan.Status.SUBMITTED
        plan.submitted_at = timezone.now()
        plan.save(update_fields=["status", "submitted_at", "updated_at"])
        audit.record(plan, "accelerator.submit", user, {"status": (previous, plan.status)})
    return plan


def _decide(plan, *, user):
    if not is_program_office(user, plan.member):
        raise NotAllowed
    locked = DevelopmentPlan.objects.filter(pk=plan.pk, status=DevelopmentPlan.Status.SUBMITTED)
    if not locked.update(revision=F("revision") + 1):
        raise PlanError(_("Only a plan submitted for approval can be approved or returned."))
    plan.refresh_from_db(fields=["revision"])


def approve(plan, *, user):
    """The program office approves the plan; this state is kept as its first version."""
    with transaction.atomic():
        _decide(plan, user=user)
        plan.status = DevelopmentPlan.Status.APPROVED
        plan.approved_at = timezone.now()
        plan.approved_by = user
        plan.save(update_fields=["status", "approved_at", "approved_by", "updated_at"])
        audit.record(plan, "accelerator.approve", user, {"status": ("submitted", plan.status)})
        record_version(plan, user=user, note=_("Approved"))
    return plan


def return_plan(plan, *, user, comment):
    """The program office sends the plan back to the coach with its comments."""
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": _("Say what should change before returning the plan.")})
    with transaction.atomic():
        _decide(plan, user=user)
        plan.status = DevelopmentPlan.Status.RETURNED
        plan.review_comment = comment
        plan.returned_by = user
        plan.returned_at = timezone.now()
        plan.save(
            update_fields=["status", "review_comment", "returned_by", "returned_at", "updated_at"]
        )
        audit.record(
            plan,
            "accelerator.return",
            user,
            {"status": ("submitted", plan.status), "review_comment": None},
        )
    return plan


def _next_position(related):
    highest = related.aggregate(highest=Max("position"))["highest"]
    return 0 if highest is None else highest + 1


# Versions --------------------------------------------------------------------------------


def snapshot(plan):
    """The plan's objectives and actions as plain JSON, read fresh from the database."""
    objectives = [
        {"id": objective.pk, "title": objective.title, "position": objective.position}
        for objective in plan.objectives.order_by("position", "pk")
    ]
    actions = [
        {
            "id": action.pk,
            "objective_id": action.objective_id,
            "title": action.title,
            "description": action.description,
            "category": action.category,
            "owner": action.owner,
            "start_date": action.start_date.isoformat() if action.start_date else None,
            "due_date": action.due_date.isoformat() if action.due_date else None,
            "budget_program": str(action.budget_program),
            "budget_cooperative": str(action.budget_cooperative),
            "budget_other": str(action.budget_other),
            "status": action.status,
            "progress": action.progress,
            "swot_item_ids": sorted(item.pk for item in action.swot_items.all()),
            "domain_codes": list(action.domain_codes),
        }
        for action in plan.actions.order_by("position", "pk").prefetch_related("swot_items")
    ]
    return {"status": plan.status, "objectives": objectives, "actions": actions}


def record_version(plan, *, user, note=""):
    """Keep the plan as it stands now as its next numbered version."""
    highest = plan.versions.aggregate(highest=Max("number"))["highest"] or 0
    return PlanVersion.objects.create(
        plan=plan,
        number=highest + 1,
        snapshot=snapshot(plan),
        created_by=user if user is not None and user.is_authenticated else None,
        note=note[:300],
    )


# Display ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionLine:
    """An action with the names of the domains it strengthens, in the reader's language."""

    action: PlanAction
    domains: list
    swot_items: list


@dataclass(frozen=True)
class ObjectiveGroup:
    objective: Objective | None
    lines: list


def outline(plan, *, labels=None):
    """The plan's actions under their objectives, then those without one; from the prefetch."""
    labels = domain_labels(plan.diagnostic) if labels is None else labels
    lines = {}
    for action in plan.actions.all():
        line = ActionLine(
            action=action,
            domains=[labels.get(code, code) for code in action.domain_codes],
            swot_items=list(action.swot_items.all()),
        )
        lines.setdefault(action.objective_id, []).append(line)
    groups = [
        ObjectiveGroup(objective=objective, lines=lines.get(objective.pk, []))
        for objective in plan.objectives.all()
    ]
    if lines.get(None):
        groups.append(ObjectiveGroup(objective=None, lines=lines[None]))
    return groups


def version_lines(version):
    """A version's actions, readable: labels instead of codes, and each action's total."""
    categories = dict(ActionCategory.choices)
    statuses = dict(PlanAction.Status.choices)
    objectives = {item["id"]: item["title"] for item in version.snapshot.get("objectives", [])}
    return [
        {
            "title": item["title"],
            "objective": objectives.get(item.get("objective_id"), ""),
            "category": categories.get(item["category"], item["category"]),
            "status": statuses.get(item["status"], item["status"]),
            "progress": item["progress"],
            "due_date": date.fromisoformat(item["due_date"]) if item.get("due_date") else None,
            "total": sum(
                Decimal(item[name])
                for name in ("budget_program", "budget_cooperative", "budget_other")
            ),
        }
        for item in version.snapshot.get("actions", [])
    ]
