"""Starting, completing, validating and reopening a diagnostic."""

import pytest
from django.core.exceptions import ValidationError

from diagnostics import services
from diagnostics.models import Diagnostic, Reopening
from tests.diagnostics.factories import (
    AnswerFactory,
    CoachAssignmentFactory,
    InstrumentVersionFactory,
    answer_all,
    build_instrument,
    complete_swot,
)
from tests.diagnostics.people import *  # noqa: F403 — fixtures


@pytest.fixture
def filled(diagnostic):
    answer_all(diagnostic)
    complete_swot(diagnostic)
    return diagnostic


@pytest.fixture
def completed(filled, coach):
    return services.complete(filled, coach)


def test_starting_pins_the_current_published_version_and_freezes_it(member, coach, version):
    newer = build_instrument(version=InstrumentVersionFactory(instrument=version.instrument))
    InstrumentVersionFactory(instrument=version.instrument, is_published=False)

    diagnostic = services.start_diagnostic(member, "baseline", coach=coach)

    assert diagnostic.version == newer
    newer.refresh_from_db()
    assert newer.is_frozen
    assert diagnostic.status == Diagnostic.Status.DRAFT


def test_end_line_keeps_the_baselines_version_while_it_is_offered(diagnostic, member, coach):
    build_instrument(version=InstrumentVersionFactory(instrument=diagnostic.version.instrument))

    endline = services.start_diagnostic(member, "endline", coach=coach)

    assert endline.version == diagnostic.version


def test_a_second_diagnostic_for_the_same_moment_is_refused(diagnostic, member, coach):
    with pytest.raises(services.AlreadyStarted) as raised:
        services.start_diagnostic(member, "baseline", coach=coach)

    assert raised.value.existing == diagnostic
    assert "baseline" in raised.value.message


def test_only_an_assigned_coach_or_the_office_may_start(member, other_coach, office, version):
    with pytest.raises(services.NotAllowed):
        services.start_diagnostic(member, "baseline", coach=other_coach)

    assert services.start_diagnostic(member, "baseline", coach=office).phase == "baseline"


def test_starting_without_a_published_instrument_says_so(db):
    assignment = CoachAssignmentFactory()
    InstrumentVersionFactory(is_published=False)

    with pytest.raises(services.NoInstrument):
        services.start_diagnostic(assignment.member, "baseline", coach=assignment.coach)


def test_the_start_button_opens_the_next_moment(client, diagnostic, member, coach):
    client.force_login(coach)

    response = client.post(
        f"/en/workspace/cooperatives/{member.pk}/diagnostics/start/", {"phase": "midterm"}
    )

    midterm = member.diagnostics.get(phase="midterm")
    assert response["Location"] == f"/en/workspace/diagnostics/{midterm.pk}/"


def test_completing_requires_every_question_and_every_quadrant(diagnostic, coach, questions):
    AnswerFactory(diagnostic=diagnostic, question=questions[0])
    AnswerFactory(diagnostic=diagnostic, question=questions[1])
    AnswerFactory(diagnostic=diagnostic, question=questions[2], level=None)

    with pytest.raises(services.Incomplete) as raised:
        services.complete(diagnostic, coach)

    messages = [message for _anchor, message in raised.value.problems]
    assert messages == [
        "Finance: 2 questions are not answered yet.",
        "Add at least one strength to the SWOT matrix.",
        "Add at least one weakness to the SWOT matrix.",
        "Add at least one opportunity to the SWOT matrix.",
        "Add at least one threat to the SWOT matrix.",
    ]
    diagnostic.refresh_from_db()
    assert diagnostic.status == Diagnostic.Status.DRAFT


def test_completing_a_filled_diagnostic_records_when(filled, coach):
    services.complete(filled, coach)

    filled.refresh_from_db()
    assert filled.status == Diagnostic.Status.COMPLETED
    assert filled.completed_at is not None


def test_the_complete_button_lists_what_is_missing_with_links(client, diagnostic, coach):
    client.force_login(coach)

    response = client.post(f"/en/workspace/diagnostics/{diagnostic.pk}/complete/")

    assert response.status_code == 400
    content = response.content.decode()
    assert "Governance: 2 questions are not answered yet." in content
    assert f"/en/workspace/diagnostics/{diagnostic.pk}/swot/#threat" in content


def test_a_completed_diagnostic_cannot_be_changed(completed, coach, questions):
    with pytest.raises(services.ReadOnly):
        services.save(
            completed,
            {"answers": {questions[0].pk: {"level": 0}}},
            revision=completed.revision,
            user=coach,
        )


def test_a_completed_diagnostic_shows_its_results_read_only(client, completed, coach, questions):
    client.force_login(coach)

    overview = client.get(f"/en/workspace/diagnostics/{completed.pk}/")
    domain = client.get(
        f"/en/workspace/diagnostics/{completed.pk}/domains/{questions[0].domain_id}/"
    )

    assert "results__overall" in overview.content.decode()
    assert "Complete the diagnostic" not in overview.content.decode()
    assert 'type="radio"' not in domain.content.decode()
    assert "data-autosave-url" not in domain.content.decode()


def test_office_validates_a_completed_diagnostic(completed, office):
    services.validate(completed, office)

    completed.refresh_from_db()
    assert completed.status == Diagnostic.Status.VALIDATED
    assert completed.validated_by == office


def test_a_draft_cannot_be_validated(diagnostic, office):
    with pytest.raises(services.WrongStatus):
        services.validate(diagnostic, office)


def test_the_coach_cannot_validate(completed, coach):
    with pytest.raises(services.NotAllowed):
        services.validate(completed, coach)


def test_reopening_is_recorded_with_who_and_why_and_returns_to_draft(completed, office):
    services.validate(completed, office)

    reopening = services.reopen(completed, office, "  Finance answers need the 2025 accounts.  ")

    completed.refresh_from_db()
    assert completed.status == Diagnostic.Status.DRAFT
    assert completed.validated_at is None
    assert (reopening.reopened_by, reopening.reason, reopening.previous_status) == (
        office,
        "Finance answers need the 2025 accounts.",
        "validated",
    )


def test_reopening_needs_a_reason(completed, office):
    with pytest.raises(ValidationError) as raised:
        services.reopen(completed, office, "   ")

    assert raised.value.message_dict["reason"] == ["Say why the diagnostic is reopened."]
    assert not Reopening.objects.exists()


def test_a_reopened_diagnostic_can_be_changed_again_and_shows_why(
    client, completed, office, coach, questions
):
    services.reopen(completed, office, "Wrong cooperative members counted")

    services.save(
        completed,
        {"answers": {questions[0].pk: {"level": 4}}},
        revision=completed.revision,
        user=coach,
    )
    client.force_login(coach)
    response = client.get(f"/en/workspace/diagnostics/{completed.pk}/")

    assert "Wrong cooperative members counted" in response.content.decode()


def test_office_screen_lists_diagnostics_awaiting_validation(client, completed, office):
    client.force_login(office)

    response = client.get("/admin/diagnostic-validation/")

    assert response.status_code == 200
    assert completed.member.cooperative.legal_name in response.content.decode()


def test_office_validates_and_reopens_from_the_admin(client, completed, office):
    client.force_login(office)
    base = f"/admin/diagnostic-validation/{completed.pk}/"

    client.post(base + "validate/")
    completed.refresh_from_db()
    assert completed.status == Diagnostic.Status.VALIDATED

    refused = client.post(base + "reopen/", {"reason": ""})
    assert refused.status_code == 400
    client.post(base + "reopen/", {"reason": "Threats are missing the drought"})
    completed.refresh_from_db()
    assert completed.status == Diagnostic.Status.DRAFT
    assert completed.reopenings.get().reopened_by == office
