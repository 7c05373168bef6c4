"""Decisions on applications: admission within the cohort's capacity and its phases' capacity
and regions, the waiting list, withdrawals, and the notice each decision sends."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from accelerator.calls.links import application_url
from accelerator.calls.models import Application
from accelerator.cooperatives.services import represent_admitted
from accelerator.core import audit
from accelerator.notifications.models import Event
from accelerator.notifications.services import notify
from accelerator.programs.models import Cohort

from .models import OUTCOME_STATUS, CohortMember, Decision, Outcome

DECIDABLE = (
    Application.Status.SUBMITTED,
    Application.Status.ADMITTED,
    Application.Status.WAITLISTED,
    Application.Status.REJECTED,
)


class DecisionError(Exception):
    """The decision cannot be taken; the message says why, in the reader's language."""


class DecisionConflict(DecisionError):
    """Another decision was recorded on the application since the form was opened."""

    def __init__(self):
        super().__init__(
            _(
                "Another decision was recorded on this application after you opened this page, "
                "so yours was not recorded. Check the decisions shown, then decide again."
            )
        )


def latest_decision_id(application):
    """The version a decision form is opened on: the last decision recorded so far (0: none)."""
    return application.decisions.aggregate(latest=Max("pk"))["latest"] or 0


def places_taken(cohort, phase=None):
    members = CohortMember.objects.active().filter(cohort=cohort)
    if phase is not None:
        members = members.filter(phase=phase)
    return members.count()


def _check_room(application, cohort, phase):
    """Raise unless the application fits the cohort and, where there are phases, its phase."""
    if places_taken(cohort) >= cohort.capacity:
        raise DecisionError(
            _("The cohort is full: its %(capacity)s places are taken.")
            % {"capacity": cohort.capacity}
        )
    if not cohort.phases.exists():
        return
    if phase is None:
        raise DecisionError(_("The cooperative's region is in none of the cohort's phases."))
    if not phase.regions.filter(pk=application.region_id).exists():
        raise DecisionError(
            _("The cooperative's region is not among the regions of %(phase)s.")
            % {"phase": phase.name}
        )
    if places_taken(cohort, phase) >= phase.capacity:
        raise DecisionError(
            _("%(phase)s is full: its %(capacity)s places are taken.")
            % {"phase": phase.name, "capacity": phase.capacity}
        )


def decide(
    application,
    outcome,
    *,
    by,
    reason="",
    note="",
    phase=None,
    now=None,
    from_waitlist=False,
    request_key=None,
    seen_decision=None,
):
    """Record a decision, move the cooperative in or out of the cohort, notify the applicant.

    The notice goes to the outbox in the same transaction and is sent after commit, once.
    `request_key` (from the form): a decision already recorded with it is returned, nothing
    more is done. `seen_decision` (from the form, see `latest_decision_id`): DecisionConflict
    when another decision was recorded since.
    """
    now = now or timezone.now()
    with transaction.atomic():
        application = (
            Application.objects.select_for_update(of=("self",))
            .select_related("call__cohort", "phase", "cooperative")
            .get(pk=application.pk)
        )
        # Locking the cohort row serialises admissions: two officers cannot both take the
        # last place.
        cohort = Cohort.objects.select_for_update().get(pk=application.call.cohort_id)
        if request_key:
            earlier = Decision.objects.filter(request_key=request_key).first()
            if earlier is not None:
                return earlier
        if seen_decision is not None and latest_decision_id(application) != seen_decision:
            raise DecisionConflict
        member = CohortMember.objects.filter(application=application).first()
        was_in = member is not None and member.status == CohortMember.Status.ACTIVE
        if outcome == Outcome.WITHDRAW:
            if application.status not in (
                Application.Status.ADMITTED,
                Application.Status.WAITLISTED,
            ):
                raise DecisionError(_("Only an admitted or waitlisted cooperative can withdraw."))
        elif application.status not in DECIDABLE:
            raise DecisionError(_("This application cannot be decided in its current state."))
        if outcome == Outcome.REJECT and not reason:
            raise DecisionError(_("Choose the reason for not selecting this application."))

        phase = phase or application.phase
        if outcome == Outcome.ADMIT:
            if application.eligibility != Application.Eligibility.ELIGIBLE:
                raise DecisionError(_("Only an eligible application can be admitted."))
            if not was_in:
                _check_room(application, cohort, phase)
            member = _admit(application, cohort, phase, member, now)
            represent_admitted(application)
        elif was_in:
            member.status = CohortMember.Status.WITHDRAWN
            member.withdrawn_at = now
            member.save(update_fields=["status", "withdrawn_at"])

        decision = Decision.objects.create(
            application=application,
            outcome=outcome,
            reason=reason if outcome == Outcome.REJECT else "",
            note=note,
            phase=phase if outcome == Outcome.ADMIT else None,
            decided_by=by,
            decided_at=now,
            from_waitlist=from_waitlist,
            request_key=request_key or None,
        )
        previous_status, application.status = application.status, OUTCOME_STATUS[outcome]
        application.decided_at = application.decided_at or now
        application.save(update_fields=["status", "decided_at"])
        audit.record(
            decision,
            "accelerator.decide",
            by,
            {
                "application_status": (previous_status, application.status),
                "outcome": (None, outcome),
            },
            application=application.pk,
        )
        _send_notice(application, decision)
        if was_in and outcome != Outcome.ADMIT:
            promote_from_waitlist(cohort, member.phase, by=by, now=now)
    return decision


def _admit(application, cohort, phase, member, now):
    if member is None:
        return CohortMember.objects.create(
            cohort=cohort,
            phase=phase,
            cooperative=application.cooperative,
            application=application,
            admitted_at=now,
        )
    member.status = CohortMember.Status.ACTIVE
    member.phase = phase
    member.admitted_at = now
    member.withdrawn_at = None
    member.save(update_fields=["status", "phase", "admitted_at", "withdrawn_at"])
    return member


def _send_notice(application, decision):
    notify(
        Event.DECISION,
        recipient=application.email,
        language=application.language,
        context={
            "application": application,
            "decision": decision,
            "cohort": application.call.cohort,
            "link": application_url(application, verified=True),
        },
        dedup_key=f"decision:{decision.pk}",
    )


def promote_from_waitlist(cohort, phase, *, by, now=None):
    """Admit the best-ranked waitlisted cooperative that fits the place just freed."""
    waiting = Application.objects.filter(
        call__cohort=cohort, status=Application.Status.WAITLISTED
    ).order_by("-score", "submitted_at", "pk")
    if phase is not None:
        waiting = waiting.filter(phase=phase)
    for candidate in waiting:
        try:
            return decide(candidate, Outcome.ADMIT, by=by, phase=phase, now=now, from_waitlist=True)
        except DecisionError:
            continue
    return None


def decide_many(applications, outcome, *, by, reason="", note="", request_key=None):
    """The same decision for each application; returns (decided, [(application, error)]).
    With `request_key`, the same list posted again decides nothing twice."""
    decided, refused = 0, []
    for application in applications:
        key = f"{request_key}:{application.pk}" if request_key else None
        try:
            decide(application, outcome, by=by, reason=reason, note=note, request_key=key)
        except DecisionError as error:
            refused.append((application, str(error)))
        else:
            decided += 1
    return decided, refused
