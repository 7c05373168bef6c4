"""The development plan: created from a completed diagnostic, suggested from its weakest domains,
validated, submitted and approved or returned by the program office, versioned once approved,
protected against stale saves, and open only to the people around the cooperative."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from accelerator.programs.models import Membership
from diagnostics import plans
from diagnostics.models import DevelopmentPlan, Diagnostic, PlanAction
from diagnostics.plan_forms import ActionForm
from tests.admin.factories import MembershipFactory
from tests.diagnostics.factories import CoachAssignmentFactory, DiagnosticFactory
from tests.diagnostics.plan_setup import *  # noqa: F403 — fixtures
from tests.diagnostics.plan_setup import action_data

pytestmark = pytest.mark.django_db


def plan_url(member, name="detail", *args, language="en"):
    with translation.override(language):
        return reverse(f"workspace:plans:{name}", args=[member.pk, *args])


def submitted(plan, coach):
    plans.save_action(plan, action_data(plan), user=coach)
    return plans.submit(plan, user=coach)


# Creating --------------------------------------------------------------------------------


def test_plan_starts_only_from_a_completed_diagnostic(member, coach, version):
    draft = DiagnosticFactory(member=member, coach=coach, version=version)

    with pytest.raises(plans.PlanError):
        plans.create_plan(draft, user=coach)
    assert not DevelopmentPlan.objects.exists()


def test_a_validated_diagnostic_also_starts_a_plan(diagnostic, coach):
    Diagnostic.objects.filter(pk=diagnostic.pk).update(status=Diagnostic.Status.VALIDATED)
    diagnostic.refresh_from_db()

    plan = plans.create_plan(diagnostic, user=coach)

    assert plan.diagnostic == diagnostic
    assert plan.status == DevelopmentPlan.Status.DRAFT


def test_another_coach_or_another_programs_office_cannot_start_the_plan(
    diagnostic, other_coach, other_office
):
    for person in (other_coach, other_office):
        with pytest.raises(plans.NotAllowed):
            plans.create_plan(diagnostic, user=person)
    assert not DevelopmentPlan.objects.exists()


def test_the_programs_office_can_start_the_plan(diagnostic, office):
    assert plans.create_plan(diagnostic, user=office).member == diagnostic.member


def test_a_cooperative_has_one_plan_even_when_started_twice(diagnostic, coach):
    first = plans.create_plan(diagnostic, user=coach)

    assert plans.create_plan(diagnostic, user=coach) == first
    assert DevelopmentPlan.objects.count() == 1


# Suggestions -----------------------------------------------------------------------------


def test_suggestions_come_from_the_three_weakest_domains(plan, library):
    weak = [item.code for item in plans.weak_domains(plan.diagnostic)]
    offered = plans.suggestions(plan)

    assert weak == ["finance", "marketing", "production"]
    assert [action.domain_code for action in offered] == ["finance", "finance", "marketing"]
    assert library["assembly"] not in offered
    assert library["retired"] not in offered


def test_accepted_suggestion_is_copied_in_the_coachs_language_and_no_longer_offered(
    plan, coach, library
):
    action = plans.accept_suggestion(plan, library["bookkeeping"], user=coach, language="vi")

    assert action.title == "Thiết lập sổ sách kế toán đơn giản"
    assert action.category == library["bookkeeping"].category
    assert action.domain_codes == ["finance"]
    assert library["bookkeeping"] not in plans.suggestions(plan)
    with pytest.raises(plans.PlanError):
        plans.accept_suggestion(plan, library["bookkeeping"], user=coach)


def test_a_suggestion_for_a_strong_domain_cannot_be_accepted(plan, coach, library):
    with pytest.raises(plans.PlanError):
        plans.accept_suggestion(plan, library["assembly"], user=coach)


def test_accepting_from_the_plan_page_opens_the_new_action_for_editing(
    client, plan, coach, library
):
    client.force_login(coach)
    page = client.get(plan_url(plan.member)).content.decode()
    assert "Set up simple bookkeeping" in page

    response = client.post(plan_url(plan.member, "accept", library["bookkeeping"].pk))

    action = plan.actions.get()
    assert response["Location"] == plan_url(plan.member, "action_edit", action.pk)
    page = client.get(plan_url(plan.member)).content.decode()
    assert plan_url(plan.member, "accept", library["bookkeeping"].pk) not in page
    assert plan_url(plan.member, "accept", library["audit"].pk) in page


# Validation ------------------------------------------------------------------------------


def form_data(plan, **changes):
    data = {
        "title": "Train the treasurer",
        "category": "training",
        "owner": "Treasurer",
        "start_date": "2026-05-01",
        "due_date": "2026-06-30",
        "budget_program": "1000",
        "budget_cooperative": "200",
        "budget_other": "0",
        "status": "planned",
        "progress": "0",
        "domain_codes": ["finance"],
        "revision": str(plan.revision),
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"start_date": "2026-07-01", "due_date": "2026-06-01"},
            "due_date",
            "The due date cannot come before the start date.",
        ),
        ({"progress": "101"}, "progress", "Progress is a percentage between 0 and 100."),
        ({"progress": "-5"}, "progress", "Progress is a percentage between 0 and 100."),
        ({"budget_other": "-1"}, "budget_other", "A budget cannot be negative."),
        (
            {"domain_codes": []},
            "swot_items",
            "Link this action to at least one SWOT item or weak domain it answers.",
        ),
    ],
)
def test_action_form_explains_what_is_wrong(plan, changes, field, message):
    with translation.override("en"):
        form = ActionForm(form_data(plan, **changes), plan=plan)

        assert not form.is_valid()
        assert form.errors[field] == [message]


def test_a_swot_item_alone_is_enough_to_link_an_action(plan, weakness):
    form = ActionForm(form_data(plan, domain_codes=[], swot_items=[weakness.pk]), plan=plan)

    assert form.is_valid(), form.errors


def test_the_service_refuses_what_the_form_refuses(plan, coach):
    with pytest.raises(ValidationError):
        plans.save_action(plan, action_data(plan, swot_items=[], domain_codes=[]), user=coach)
    assert not plan.actions.exists()


def test_an_invalid_action_keeps_what_was_typed_and_says_why(client, plan, coach):
    client.force_login(coach)

    response = client.post(
        plan_url(plan.member, "action_add"),
        form_data(plan, title="Bookkeeping course", progress="150"),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Progress is a percentage between 0 and 100." in page
    assert 'value="Bookkeeping course"' in page
    assert not plan.actions.exists()


def test_coach_adds_an_action_linked_to_a_weakness(client, plan, coach, weakness):
    client.force_login(coach)

    response = client.post(
        plan_url(plan.member, "action_add"),
        form_data(plan, domain_codes=[], swot_items=[weakness.pk]),
    )

    action = plan.actions.get()
    assert response.status_code == 302
    assert list(action.swot_items.all()) == [weakness]
    assert action.budget_total == Decimal("1200")


def test_action_dates_survive_editing_in_vietnamese(client, plan, coach, weakness):
    client.force_login(coach)
    client.post(
        plan_url(plan.member, "action_add"),
        form_data(plan, domain_codes=[], swot_items=[weakness.pk]),
    )
    action = plan.actions.get()

    page = client.get(plan_url(plan.member, "action_edit", action.pk, language="vi"))

    assert f'value="{action.start_date.isoformat()}"' in page.content.decode()


# Workflow --------------------------------------------------------------------------------


def test_an_empty_plan_cannot_be_submitted(plan, coach):
    with pytest.raises(plans.PlanError):
        plans.submit(plan, user=coach)


def test_submitted_plan_is_approved_by_its_programs_office(plan, coach, office):
    submitted(plan, coach)
    assert plan.status == DevelopmentPlan.Status.SUBMITTED
    assert plan.submitted_at is not None

    plans.approve(plan, user=office)

    plan.refresh_from_db()
    assert plan.status == DevelopmentPlan.Status.APPROVED
    assert plan.approved_by == office
    assert plan.approved_at is not None
    first = plan.versions.get()
    assert (first.number, first.created_by) == (1, office)
    assert first.snapshot["actions"][0]["title"] == "Train the treasurer in bookkeeping"


def test_a_submitted_plan_cannot_be_changed_until_decided(plan, coach):
    submitted(plan, coach)

    with pytest.raises(plans.PlanError):
        plans.save_action(plan, action_data(plan, title="Sneaked in"), user=coach)
    assert plan.actions.count() == 1


def test_only_the_programs_office_decides(plan, coach, other_office):
    submitted(plan, coach)

    for person in (coach, other_office):
        with pytest.raises(plans.NotAllowed):
            plans.approve(plan, user=person)
    plan.refresh_from_db()
    assert plan.status == DevelopmentPlan.Status.SUBMITTED


def test_a_suggestion_set_aside_is_no_longer_offered(client, plan, coach, library):
    client.force_login(coach)

    client.post(plan_url(plan.member, "dismiss", library["bookkeeping"].pk))

    assert library["bookkeeping"] not in plans.suggestions(plan)
    assert library["bookkeeping"] in plan.dismissed_suggestions.all()


def test_returning_needs_a_comment_which_the_coach_then_reads(client, plan, coach, office):
    submitted(plan, coach)
    with pytest.raises(ValidationError):
        plans.return_plan(plan, user=office, comment="   ")

    plans.return_plan(plan, user=office, comment="Add the co-financing of the district.")

    plan.refresh_from_db()
    assert plan.status == DevelopmentPlan.Status.RETURNED
    assert plan.returned_by == office
    assert plan.returned_at is not None
    client.force_login(coach)
    page = client.get(plan_url(plan.member)).content.decode()
    assert "Add the co-financing of the district." in page
    assert "Comments of the program office" in page


def test_a_returned_plan_is_corrected_and_submitted_again(plan, coach, office):
    submitted(plan, coach)
    plans.return_plan(plan, user=office, comment="Dates please")

    action = plan.actions.get()
    plans.save_action(
        plan, action_data(plan, due_date=datetime.date(2026, 9, 1)), user=coach, action=action
    )
    plans.submit(plan, user=coach)

    assert plan.status == DevelopmentPlan.Status.SUBMITTED


def test_office_approves_and_returns_from_the_admin(client, plan, coach, office):
    submitted(plan, coach)
    client.force_login(office)

    listing = client.get(reverse("diagnostics_plans:index")).content.decode()
    assert plan.member.cooperative.legal_name in listing
    response = client.post(reverse("diagnostics_plans:return", args=[plan.pk]), {"comment": ""})
    assert "Say what should change before returning the plan." in response.content.decode()

    client.post(reverse("diagnostics_plans:approve", args=[plan.pk]))

    plan.refresh_from_db()
    assert plan.status == DevelopmentPlan.Status.APPROVED
    assert plan.approved_by == office


def test_office_returns_from_the_admin_with_a_comment(client, plan, coach, office):
    submitted(plan, coach)
    client.force_login(office)

    client.post(reverse("diagnostics_plans:return", args=[plan.pk]), {"comment": "Budget too high"})

    plan.refresh_from_db()
    assert (plan.status, plan.review_comment) == ("returned", "Budget too high")


# Versions and conflicts ------------------------------------------------------------------


def test_each_change_to_an_approved_plan_is_kept_as_a_version(client, plan, coach, office):
    submitted(plan, coach)
    plans.approve(plan, user=office)
    action = plan.actions.get()

    plans.save_action(plan, action_data(plan, progress=40), user=coach, action=action)
    plans.save_objective(plan, "Keep accounts every month", user=coach)

    versions = list(plan.versions.order_by("number"))
    assert [version.number for version in versions] == [1, 2, 3]
    assert versions[1].created_by == coach
    assert versions[1].snapshot["actions"][0]["progress"] == 40
    assert versions[2].snapshot["objectives"][0]["title"] == "Keep accounts every month"
    assert plan.status == DevelopmentPlan.Status.APPROVED
    client.force_login(coach)
    history = client.get(plan_url(plan.member, "history")).content.decode()
    assert "Version 3" in history and "Version 1" in history


def test_changes_before_approval_make_no_version(plan, coach):
    plans.save_action(plan, action_data(plan), user=coach)

    assert not plan.versions.exists()


def test_a_save_from_a_stale_copy_is_refused_and_changes_nothing(plan, coach):
    action = plans.save_action(plan, action_data(plan), user=coach)
    opened_at = plan.revision
    plans.save_action(
        plan,
        action_data(plan, title="Saved by the co-coach"),
        user=coach,
        action=action,
        expected_revision=opened_at,
    )

    with pytest.raises(plans.PlanConflict):
        plans.save_action(
            plan,
            action_data(plan, title="Typed on the phone"),
            user=coach,
            action=action,
            expected_revision=opened_at,
        )

    action.refresh_from_db()
    assert action.title == "Saved by the co-coach"


def test_the_edit_page_shows_the_conflict_and_keeps_what_was_typed(client, plan, coach):
    action = plans.save_action(plan, action_data(plan), user=coach)
    stale = plan.revision
    plans.save_action(
        plan, action_data(plan, title="Saved by the co-coach"), user=coach, action=action
    )
    client.force_login(coach)

    response = client.post(
        plan_url(plan.member, "action_edit", action.pk),
        form_data(plan, title="Typed on the phone", revision=str(stale)),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone else saved this development plan after you opened it" in page
    assert "Saved by the co-coach" in page
    assert 'value="Typed on the phone"' in page
    action.refresh_from_db()
    assert action.title == "Saved by the co-coach"


# Budget ----------------------------------------------------------------------------------


def test_budget_totals_per_source_leave_dropped_actions_out(plan, coach):
    plans.save_action(plan, action_data(plan), user=coach)
    plans.save_action(
        plan,
        action_data(plan, budget_program=Decimal("500"), budget_other=Decimal("250.50")),
        user=coach,
    )
    plans.save_action(
        plan, action_data(plan, budget_program=Decimal("9999"), status="dropped"), user=coach
    )

    budget = plans.budget_totals(DevelopmentPlan.objects.get(pk=plan.pk))

    assert budget.program == Decimal("1500")
    assert budget.cooperative == Decimal("400")
    assert budget.other == Decimal("250.50")
    assert budget.total == Decimal("2150.50")
    assert budget.currency == plan.member.cohort.program.currency


def test_budget_is_written_in_the_programs_currency_per_language(client, plan, coach):
    plans.save_action(plan, action_data(plan, budget_program=Decimal("1234567")), user=coach)
    client.force_login(coach)

    page = client.get(plan_url(plan.member, language="vi")).content.decode()

    assert "1.234.567,00 MAD" in page


# Access ----------------------------------------------------------------------------------


@pytest.fixture
def people(coach, other_coach, office, other_office):
    return {
        "coach": coach,
        "other_coach": other_coach,
        "office": office,
        "other_office": other_office,
    }


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        ("coach", 200),
        ("office", 200),
        ("other_coach", 404),
        ("other_office", 404),
        ("anonymous", 302),
    ],
)
def test_who_opens_the_plan_pages(client, plan, coach, people, person, expected):
    action = plans.save_action(plan, action_data(plan), user=coach)
    if person != "anonymous":
        client.force_login(people[person])

    for url in (
        plan_url(plan.member),
        plan_url(plan.member, "action_edit", action.pk),
        plan_url(plan.member, "history"),
    ):
        response = client.get(url)
        assert response.status_code == expected, url
        if expected == 302:
            assert response["Location"].startswith(reverse("workspace:login"))


@pytest.mark.parametrize("person", ["other_coach", "other_office"])
def test_strangers_cannot_change_the_plan(client, plan, coach, people, person, library):
    action = plans.save_action(plan, action_data(plan), user=coach)
    client.force_login(people[person])

    responses = [
        client.post(plan_url(plan.member, "action_delete", action.pk)),
        client.post(plan_url(plan.member, "accept", library["audit"].pk)),
        client.post(plan_url(plan.member, "submit")),
    ]

    assert [response.status_code for response in responses] == [404, 404, 404]
    assert plan.actions.count() == 1


def test_a_coach_whose_assignment_ended_no_longer_sees_the_plan(client, plan, coach, assignment):
    assignment.ended_on = datetime.date(2026, 6, 1)
    assignment.save()
    client.force_login(coach)

    assert client.get(plan_url(plan.member)).status_code == 404


@pytest.mark.parametrize(("person", "expected"), [("office", 200), ("other_office", 404)])
def test_who_opens_the_plan_in_the_admin(client, plan, coach, people, person, expected):
    submitted(plan, coach)
    client.force_login(people[person])

    assert client.get(reverse("diagnostics_plans:detail", args=[plan.pk])).status_code == expected
    listing = client.get(reverse("diagnostics_plans:index")).content.decode()
    assert (plan.member.cooperative.legal_name in listing) == (expected == 200)


def test_a_coach_with_admin_access_gets_404_on_the_office_screens(client, plan, coach):
    MembershipFactory(program=plan.member.cohort.program, user=coach, role=Membership.Role.COACH)
    submitted(plan, coach)
    client.force_login(coach)

    assert client.get(reverse("diagnostics_plans:detail", args=[plan.pk])).status_code == 404
    assert client.post(reverse("diagnostics_plans:approve", args=[plan.pk])).status_code == 404
    plan.refresh_from_db()
    assert plan.status == DevelopmentPlan.Status.SUBMITTED


# Speed -----------------------------------------------------------------------------------


def test_plan_page_runs_a_bounded_number_of_queries(
    client, plan, coach, weakness, library, django_assert_max_num_queries
):
    objective = plans.save_objective(plan, "Sound accounts", user=coach)
    for number in range(12):
        plans.save_action(
            plan,
            action_data(
                plan, title=f"Action {number}", objective=objective if number % 2 else None
            ),
            user=coach,
        )
    client.force_login(coach)

    with django_assert_max_num_queries(20):
        response = client.get(plan_url(plan.member, language="ar"))

    assert response.status_code == 200
    assert response.content.decode().count('class="card plan-action"') == 12


def test_a_new_plan_page_offers_the_finished_diagnostics(client, member, coach, diagnostic):
    client.force_login(coach)

    page = client.get(plan_url(member)).content.decode()

    assert plan_url(member, "create") in page
    client.post(plan_url(member, "create"), {"diagnostic": diagnostic.pk})
    assert DevelopmentPlan.objects.get().diagnostic == diagnostic


def test_a_plan_cannot_be_started_for_another_cooperative(client, diagnostic, other_coach):
    CoachAssignmentFactory(coach=other_coach)
    client.force_login(other_coach)

    response = client.post(plan_url(diagnostic.member, "create"), {"diagnostic": diagnostic.pk})

    assert response.status_code == 404
    assert not PlanAction.objects.exists() and not DevelopmentPlan.objects.exists()
