"""Who changed what and when: entries in Wagtail's audit log, and the per-program report of the
program administrators."""

from datetime import date

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accelerator.eligibility.services import override
from accelerator.programs.models import Membership
from accelerator.selection.models import Outcome
from accelerator.selection.services import decide
from accelerator.support.models import CoachAssignment
from accelerator.support.visits import save_visit
from diagnostics import plans
from tests.diagnostics.factories import CoachAssignmentFactory
from tests.diagnostics.plan_setup import *  # noqa: F403 — fixtures
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_a_decision_is_logged_with_who_the_program_and_the_status_change(
    officer, applicant, regions
):
    application = applicant(regions[0], 90)

    decision = decide(application, Outcome.ADMIT, by=officer)

    entry = ModelLogEntry.objects.get(action="accelerator.decide")
    assert entry.object_id == str(decision.pk)
    assert entry.user == officer
    assert entry.data["program"] == application.call.program_id
    assert entry.data["values"]["application_status"] == ["submitted", "admitted"]


def test_an_eligibility_override_is_logged_without_its_justification(officer, applicant, regions):
    application = applicant(regions[0], 90)

    override(application, eligible=False, justification="Statutes forged", user=officer)

    entry = ModelLogEntry.objects.get(action="accelerator.eligibility_override")
    assert entry.data["values"] == {"eligibility": ["eligible", "ineligible"]}
    assert "forged" not in str(entry.data)


def test_a_visit_is_logged_with_the_fields_saved_but_never_their_text(db):
    assignment = CoachAssignmentFactory()
    member = assignment.member

    save_visit(
        member,
        {
            "visited_on": date(2026, 5, 4),
            "duration_minutes": 90,
            "topics": "Conflict between Mrs Amina and the treasurer",
        },
        user=assignment.coach,
    )

    entry = ModelLogEntry.objects.get(action="wagtail.create")
    assert entry.data["program"] == member.cohort.program_id
    assert {"topics", "duration_minutes", "visited_on"} <= set(entry.data["fields"])
    assert entry.data["values"]["duration_minutes"] == [None, 90]
    assert "Amina" not in str(entry.data)


def test_a_plan_submitted_and_approved_is_logged(plan, coach, office, weakness):  # noqa: F405
    plans.save_action(
        plan,
        {"title": "Bookkeeping training", "category": "training", "swot_items": [weakness]},
        user=coach,
    )
    plans.submit(plan, user=coach)
    plans.approve(plan, user=office)

    entries = ModelLogEntry.objects.filter(object_id=str(plan.pk)).order_by("timestamp", "pk")
    assert [entry.action for entry in entries] == [
        "wagtail.create",
        "wagtail.edit",
        "accelerator.submit",
        "accelerator.approve",
    ]
    assert entries[3].data["values"]["status"] == ["submitted", "approved"]


def test_the_assignment_screen_logs_the_fields_changed(client, db):
    assignment = CoachAssignmentFactory(contracted_sessions=12)
    program = assignment.member.cohort.program
    officer = assignment.coach.__class__.objects.create(username="desk", is_staff=True)
    Membership.objects.create(program=program, user=officer, role=Membership.Role.OFFICER)
    Membership.objects.get_or_create(
        program=program, user=assignment.coach, role=Membership.Role.COACH
    )
    client.force_login(officer)

    response = client.post(
        reverse("coach_assignments:edit", args=[assignment.pk]),
        {
            "member": assignment.member_id,
            "coach": assignment.coach_id,
            "is_lead": "on",
            "contract": "",
            "contracted_sessions": "10",
            "started_on": assignment.started_on.isoformat(),
            "ended_on": "",
        },
    )

    assert response.status_code == 302
    assert CoachAssignment.objects.get().contracted_sessions == 10
    entry = ModelLogEntry.objects.get(action="wagtail.edit")
    assert entry.data["program"] == program.pk
    assert entry.data["values"] == {"contracted_sessions": [12, 10]}


# The report ---------------------------------------------------------------------------------


def test_administrators_see_the_entries_of_their_programs_only(
    client, administrator, other_administrator, officer, applicant, regions
):
    application = applicant(regions[0], 90)
    decide(application, Outcome.WAITLIST, by=officer)
    url = reverse("privacy:audit_log")

    client.force_login(administrator)
    page = client.get(url).content.decode()
    assert str(application) in page
    assert "application_status" in page

    client.force_login(other_administrator)
    assert str(application) not in client.get(url).content.decode()


def test_officers_have_no_audit_log(client, officer):
    client.force_login(officer)

    assert client.get(reverse("privacy:audit_log")).status_code == 404


def test_the_report_filters_by_action_and_person(
    client, administrator, officer, applicant, regions
):
    waitlisted, rejected = applicant(regions[0], 90), applicant(regions[1], 40)
    decide(waitlisted, Outcome.WAITLIST, by=officer)
    override(rejected, eligible=False, justification="Outside the area", user=administrator)
    client.force_login(administrator)
    url = reverse("privacy:audit_log")

    by_action = client.get(url, {"action": "accelerator.eligibility_override"})
    by_person = client.get(url, {"user": officer.pk})

    assert [entry.label for entry in by_action.context["object_list"]] == [str(rejected)]
    assert [entry.user for entry in by_person.context["object_list"]] == [officer]


def test_the_report_pages_its_entries_in_a_bounded_number_of_queries(
    client, administrator, officer, applicant, regions, django_assert_max_num_queries
):
    for score in range(12):
        decide(applicant(regions[score % 3], score), Outcome.WAITLIST, by=officer)
    client.force_login(administrator)

    with django_assert_max_num_queries(40):
        response = client.get(reverse("privacy:audit_log"))
    assert len(response.context["object_list"]) == 12


def test_wagtails_site_history_across_programs_is_for_superusers_only(
    client, administrator, officer, applicant, regions
):
    override(applicant(regions[0], 90), eligible=False, justification="x", user=officer)
    client.force_login(administrator)

    assert client.get(reverse("wagtailadmin_reports:site_history")).status_code == 404
    assert client.get(reverse("wagtailadmin_reports:site_history_results")).status_code == 404
    client.force_login(StaffFactory(username="root"))
    assert client.get(reverse("wagtailadmin_reports:site_history")).status_code == 200
