from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accelerator.calls.models import Application
from accelerator.notifications.models import OutboxMessage
from accelerator.notifications.tasks import deliver, deliver_pending
from accelerator.selection.models import CohortMember, Decision, Outcome, RejectionReason
from accelerator.selection.services import DecisionError, decide, decide_many

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a decision as a committed request would: its notice goes out after commit."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


def test_admission_makes_the_cooperative_a_member_of_the_cohort_and_its_phase(
    applicant, regions, officer, cohort, committed
):
    application = applicant(regions[0], 80)

    decision = committed(decide, application, Outcome.ADMIT, by=officer)

    application.refresh_from_db()
    member = CohortMember.objects.get(application=application)
    assert application.status == Application.Status.ADMITTED
    assert member.cohort == cohort
    assert member.phase.name == "North phase"
    assert member.cooperative == application.cooperative
    assert decision.decided_by == officer
    assert decision.decided_at is not None


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "is admitted to"), ("vi", "được chọn vào"), ("ar", "بقبول")],
)
def test_each_decision_is_notified_once_in_the_language_applied_in(
    applicant, regions, officer, committed, language, words
):
    application = applicant(regions[0], 80, language=language)

    committed(decide, application, Outcome.ADMIT, by=officer)

    assert len(mail.outbox) == 1
    assert words in mail.outbox[0].body
    assert mail.outbox[0].to == [application.email]


def test_notice_is_never_sent_twice(applicant, regions, officer, committed):
    application = applicant(regions[0], 80)
    committed(decide, application, Outcome.WAITLIST, by=officer)
    message = OutboxMessage.objects.get()

    deliver.apply(args=[message.pk])
    deliver_pending.apply()

    assert len(mail.outbox) == 1


def test_notice_waits_in_the_outbox_while_the_broker_is_down(
    applicant, regions, officer, committed, monkeypatch
):
    application = applicant(regions[1], 70, language="vi")

    def broker_down(*args, **kwargs):
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(deliver, "delay", broker_down)
    committed(decide, application, Outcome.ADMIT, by=officer)
    monkeypatch.undo()

    application.refresh_from_db()
    assert application.status == Application.Status.ADMITTED
    assert mail.outbox == []
    message = OutboxMessage.objects.get()
    assert message.status == OutboxMessage.Status.PENDING
    OutboxMessage.objects.update(created_at=timezone.now() - timedelta(minutes=5))
    deliver_pending.apply()
    deliver_pending.apply()
    assert len(mail.outbox) == 1


def test_cohort_capacity_is_never_exceeded(applicant, regions, officer, cohort):
    cohort.capacity = 2
    cohort.save()
    first, second, third = (applicant(regions[1 + n % 2], 90 - n) for n in range(3))
    decide(first, Outcome.ADMIT, by=officer)
    decide(second, Outcome.ADMIT, by=officer)

    with pytest.raises(DecisionError, match="The cohort is full"):
        decide(third, Outcome.ADMIT, by=officer)

    assert CohortMember.objects.active().count() == 2


def test_phase_capacity_is_never_exceeded(applicant, regions, officer):
    first, second, third = (applicant(regions[0], 90 - n) for n in range(3))
    decide(first, Outcome.ADMIT, by=officer)
    decide(second, Outcome.ADMIT, by=officer)

    with pytest.raises(DecisionError, match="North phase is full"):
        decide(third, Outcome.ADMIT, by=officer)


def test_a_cooperative_is_admitted_only_into_a_phase_covering_its_region(
    applicant, regions, officer, cohort
):
    application = applicant(regions[0], 90)
    south = cohort.phases.get(name_en="South phase")

    with pytest.raises(DecisionError, match="not among the regions"):
        decide(application, Outcome.ADMIT, by=officer, phase=south)


def test_an_ineligible_application_cannot_be_admitted(applicant, regions, officer):
    application = applicant(regions[0], 90, eligible=False)

    with pytest.raises(DecisionError, match="Only an eligible application"):
        decide(application, Outcome.ADMIT, by=officer)


def test_not_selecting_needs_a_reason(applicant, regions, officer):
    application = applicant(regions[0], 40)

    with pytest.raises(DecisionError, match="Choose the reason"):
        decide(application, Outcome.REJECT, by=officer)

    decision = decide(application, Outcome.REJECT, by=officer, reason=RejectionReason.SCORE)
    assert decision.get_reason_display().startswith("The score is below")


def test_a_withdrawal_moves_the_best_waitlisted_cooperative_of_that_phase_up(
    applicant, regions, officer, committed
):
    admitted = [applicant(regions[0], 90), applicant(regions[0], 85)]
    for application in admitted:
        decide(application, Outcome.ADMIT, by=officer)
    lower = applicant(regions[0], 60)
    better = applicant(regions[0], 75)
    other_phase = applicant(regions[1], 95)
    for application in (lower, better, other_phase):
        decide(application, Outcome.WAITLIST, by=officer)

    committed(decide, admitted[0], Outcome.WITHDRAW, by=officer)

    better.refresh_from_db()
    lower.refresh_from_db()
    assert better.status == Application.Status.ADMITTED
    assert lower.status == Application.Status.WAITLISTED
    assert Decision.objects.filter(application=better, from_waitlist=True).exists()
    assert any("moves up from the waiting list" in m.body for m in mail.outbox)


def test_every_decision_is_kept_with_who_and_when(applicant, regions, officer):
    application = applicant(regions[0], 70)
    decide(application, Outcome.WAITLIST, by=officer)
    decide(application, Outcome.ADMIT, by=officer)

    history = list(application.decisions.order_by("decided_at", "pk"))

    assert [d.outcome for d in history] == [Outcome.WAITLIST, Outcome.ADMIT]
    assert all(d.decided_by == officer for d in history)


def test_bulk_decision_applies_to_each_and_reports_refusals(applicant, regions, officer):
    applications = [applicant(regions[0], 80 - n) for n in range(3)]

    decided, refused = decide_many(applications, Outcome.ADMIT, by=officer)

    assert decided == 2
    assert len(refused) == 1
    assert "North phase is full" in refused[0][1]
