"""What happens to a coaching visit, whoever asks (the workspace form, its autosave, demo data).

A visit is saved as the coach types: the first save creates it (once, even when retried), later
saves claim its `revision`, so a save made from an older copy is refused with a conflict and
never applied over newer work. Saving a visit also records the progress of the plan actions
worked on, through the plan's own revision and versions, and the follow-ups agreed.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from accelerator.core import audit
from accelerator.selection.models import CohortMember
from diagnostics import plans
from diagnostics.models import DevelopmentPlan, PlanAction

from .models import CoachAssignment, CoachingVisit, FollowUp, VisitAttachment

VISIT_FIELDS = (
    "visited_on",
    "mode",
    "duration_minutes",
    "attendees_women",
    "attendees_men",
    "attendees_youth",
    "topics",
    "advice",
    "decisions",
    "next_visit_on",
)


AUDIT_ACTIONS = {True: "wagtail.create", False: "wagtail.edit"}


class VisitError(Exception):
    """The visit cannot be saved as asked; the message says why, in the reader's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotAllowed(VisitError):
    """This person may not change this visit (views answer 404)."""

    def __init__(self):
        super().__init__(_("You cannot change this visit."))


class VisitConflict(VisitError):
    """Someone saved the visit since this copy was opened; nothing was changed."""

    def __init__(self, current):
        super().__init__(
            _(
                "Someone else saved this visit after you opened it, so your changes were not "
                "saved. What they saved is shown next to your text: check it, then save again."
            )
        )
        self.current = current


class ActionConflict(VisitError):
    """A plan action was changed elsewhere since the form showed it."""

    def __init__(self, actions):
        super().__init__(
            _(
                "The status or progress of these plan actions was changed elsewhere since you "
                "opened the form, so nothing was saved: %(actions)s. Check them, then save again."
            )
            % {"actions": ", ".join(action.title for action in actions)}
        )
        self.actions = actions


# Who may do what -------------------------------------------------------------------------


def coached_members(user):
    """Cooperatives whose visits this person logs and edits: those currently assigned to them."""
    if not user.is_authenticated:
        return CohortMember.objects.none()
    return CohortMember.objects.active().filter(
        pk__in=CoachAssignment.objects.for_coach(user).values("member")
    )


def visible_members(user):
    """Cooperatives whose visits this person reads: their coaches' and their program office's."""
    return CohortMember.objects.visible_to(user)


def visible_visits(user):
    return CoachingVisit.objects.visible_to(user)


def editable_visits(user):
    return CoachingVisit.objects.filter(member__in=coached_members(user))


def can_log_visits(user, member):
    return coached_members(user).filter(pk=member.pk).exists()


# Reading ---------------------------------------------------------------------------------


def plan_actions(member):
    """The actions of the cooperative's plan, in plan order (none without a plan)."""
    return PlanAction.objects.filter(plan__member=member).order_by("position", "pk")


def visits_of(member):
    """A cooperative's visits, newest first, with what the list shows, in a fixed number of
    queries."""
    return (
        CoachingVisit.objects.filter(member=member)
        .select_related("coach")
        .prefetch_related(
            "plan_actions",
            "attachments",
            Prefetch("follow_ups", queryset=FollowUp.objects.order_by("due_on", "pk")),
        )
    )


def follow_ups_of(member):
    return FollowUp.objects.filter(visit__member=member).select_related("visit")


def open_follow_ups_of(member):
    return follow_ups_of(member).filter(done_on__isnull=True)


# Changing --------------------------------------------------------------------------------


@dataclass
class ActionUpdate:
    """A plan action as the form returns it: its status and progress as shown when the form was
    opened (`initial_*`), as the coach left them, and whether it was worked on."""

    action_id: int
    worked_on: bool
    status: str
    progress: int
    initial_status: str
    initial_progress: int

    @property
    def changed(self):
        return (self.status, self.progress) != (self.initial_status, self.initial_progress)


@dataclass
class FollowUpRow:
    """A follow-up as the form returns it: `follow_up_id` None for a new one."""

    key: str
    follow_up_id: int | None
    description: str
    owner: str
    due_on: object
    done: bool = False
    delete: bool = False


@dataclass
class Saved:
    visit: CoachingVisit
    #: form key → id of each follow-up saved, so the form can name them in its next save
    follow_up_ids: dict
    #: action id → (status, progress) as stored now
    actions: dict


def check_visit(data):
    """ValidationError (messages per field) when a visit's values break the rules."""
    errors = {}
    visited_on, next_visit_on = data.get("visited_on"), data.get("next_visit_on")
    if visited_on and visited_on > timezone.localdate():
        errors["visited_on"] = _("Log a visit once it has taken place: this date is to come.")
    if visited_on and next_visit_on and next_visit_on <= visited_on:
        errors["next_visit_on"] = _("The next visit comes after this one.")
    attendees = (data.get("attendees_women") or 0) + (data.get("attendees_men") or 0)
    if (data.get("attendees_youth") or 0) > attendees:
        errors["attendees_youth"] = _(
            "Young people are counted among the women and men attending: there cannot be more."
        )
    if errors:
        raise ValidationError(errors)


def _claim(visit, expected_revision):
    claimed = CoachingVisit.objects.filter(pk=visit.pk)
    if expected_revision is not None:
        claimed = claimed.filter(revision=expected_revision)
    if not claimed.update(revision=F("revision") + 1, updated_at=timezone.now()):
        raise VisitConflict(CoachingVisit.objects.get(pk=visit.pk))
    visit.revision = CoachingVisit.objects.values_list("revision", flat=True).get(pk=visit.pk)


def _create(member, coach, data, draft_key):
    """The visit, created once per draft key: a retried first save returns the first one."""
    if draft_key:
        existing = CoachingVisit.objects.filter(draft_key=draft_key).first()
        if existing is not None:
            if existing.member_id != member.pk:
                raise NotAllowed
            return existing, False
    try:
        with transaction.atomic():
            visit = CoachingVisit(member=member, coach=coach, draft_key=draft_key or None)
            for name in VISIT_FIELDS:
                if name in data:
                    setattr(visit, name, data[name])
            visit.save()
            return visit, True
    except IntegrityError:
        return CoachingVisit.objects.get(draft_key=draft_key), False


def _update_actions(visit, updates, *, user):
    """Apply the status and progress the coach changed, and record which actions were worked
    on; refuse the whole save when an action changed elsewhere meanwhile."""
    actions = {action.pk: action for action in plan_actions(visit.member)}
    updates = [update for update in updates if update.action_id in actions]
    changed = [update for update in updates if update.changed]
    conflicts = [
        actions[update.action_id]
        for update in changed
        if (actions[update.action_id].status, actions[update.action_id].progress)
        not in {
            (update.initial_status, update.initial_progress),
            (update.status, update.progress),
        }
    ]
    if conflicts:
        raise ActionConflict(conflicts)
    applying = [
        update
        for update in changed
        if (actions[update.action_id].status, actions[update.action_id].progress)
        != (update.status, update.progress)
    ]
    if applying:
        plan = DevelopmentPlan.objects.get(member=visit.member_id)
        try:
            # The plan's own claim: an open plan screen sees the change as a newer revision.
            plans.claim_change(plan, user=user, expected_revision=None)
        except plans.PlanError as error:
            raise VisitError(error.message) from None
        for update in applying:
            action = actions[update.action_id]
            action.status, action.progress = update.status, update.progress
            action.save(update_fields=["status", "progress"])
        plans.after_change(
            plan,
            user=user,
            note=_("Progress recorded at the coaching visit of %(date)s")
            % {"date": visit.visited_on.isoformat()},
        )
    worked_on = {update.action_id for update in updates if update.worked_on or update.changed}
    visit.plan_actions.set(sorted(worked_on))
    return {pk: (action.status, action.progress) for pk, action in actions.items()}


def _same_follow_up(kept, row, *, taken):
    return next(
        (
            follow_up
            for follow_up in kept.values()
            if follow_up.pk not in taken
            and (follow_up.description, follow_up.owner, follow_up.due_on)
            == (row.description, row.owner, row.due_on)
        ),
        None,
    )


def _save_follow_ups(visit, rows):
    kept = {follow_up.pk: follow_up for follow_up in visit.follow_ups.all()}
    ids = {}
    today = timezone.localdate()
    for row in rows:
        follow_up = kept.get(row.follow_up_id) if row.follow_up_id else None
        if row.follow_up_id is None and row.description and not row.delete:
            # A retried save (double click, answer lost on the way) sends its new rows again.
            follow_up = _same_follow_up(kept, row, taken=ids.values())
        if row.delete or not row.description:
            if follow_up is not None:
                follow_up.delete()
            continue
        if follow_up is None:
            follow_up = FollowUp(visit=visit)
        follow_up.description = row.description
        follow_up.owner = row.owner
        follow_up.due_on = row.due_on
        if row.done and follow_up.done_on is None:
            follow_up.done_on = today
        elif not row.done:
            follow_up.done_on = None
        follow_up.save()
        ids[row.key] = follow_up.pk
    return ids


def save_visit(
    member,
    data,
    *,
    user,
    visit=None,
    expected_revision=None,
    actions=(),
    follow_ups=None,
    draft_key=None,
):
    """Create (visit=None) or change a visit from a form's cleaned data, with the plan actions
    worked on and the follow-ups; all or nothing."""
    if not can_log_visits(user, member):
        raise NotAllowed
    if visit is not None and visit.member_id != member.pk:
        raise NotAllowed
    check_visit(data)
    with transaction.atomic():
        created = False
        if visit is None:
            visit, created = _create(member, user, data, draft_key)
            if not created:
                _claim(visit, expected_revision)
        else:
            _claim(visit, expected_revision)
        before = dict.fromkeys(VISIT_FIELDS) if created else audit.values_of(visit, VISIT_FIELDS)
        for name in VISIT_FIELDS:
            if name in data:
                setattr(visit, name, data[name])
        visit.save()
        stored = _update_actions(visit, actions, user=user)
        ids = _save_follow_ups(visit, follow_ups) if follow_ups is not None else {}
        changes = audit.model_changes(visit, before)
        if created or changes:
            audit.record(visit, AUDIT_ACTIONS[created], user, changes)
    return Saved(visit=visit, follow_up_ids=ids, actions=stored)


def mark_follow_up_done(follow_up, *, user, done=True):
    if not can_log_visits(user, follow_up.visit.member):
        raise NotAllowed
    FollowUp.objects.filter(pk=follow_up.pk).update(done_on=timezone.localdate() if done else None)


def add_attachment(visit, uploaded, content_type, *, user):
    """Keep a checked upload with the visit (checking is the form's: by content and size)."""
    if not can_log_visits(user, visit.member):
        raise NotAllowed
    attachment = VisitAttachment.objects.create(
        visit=visit,
        file=uploaded,
        original_name=uploaded.name[:255],
        content_type=content_type,
        size=uploaded.size,
    )
    audit.record(visit, "wagtail.edit", user, [f"attachment_{attachment.pk}"])
    return attachment


def remove_attachment(attachment, *, user):
    if not can_log_visits(user, attachment.visit.member):
        raise NotAllowed
    audit.record(attachment.visit, "wagtail.edit", user, [f"attachment_{attachment.pk}.deleted"])
    attachment.file.delete(save=False)
    attachment.delete()
