"""The program office's dashboard on the Wagtail admin home page."""

from datetime import date
from unittest import mock

import pytest

from accelerator.calls.models import Application
from accelerator.programs.models import Membership
from accelerator.results.tasks import recompute_cohort
from diagnostics.models import DevelopmentPlan
from tests.admin.factories import ApplicationFactory, CohortFactory
from tests.factories import StaffFactory

TODAY = date(2026, 11, 23)


@pytest.fixture
def officer(scenario):
    user = StaffFactory(is_superuser=False, username="officer")
    Membership.objects.create(program=scenario.program, user=user, role=Membership.Role.OFFICER)
    return user


@pytest.fixture
def waiting(scenario):
    """One eligible application short of reviews, one plan submitted for approval."""
    call = scenario.members["A"].application.call
    ApplicationFactory(
        call=call,
        status=Application.Status.SUBMITTED,
        eligibility=Application.Eligibility.ELIGIBLE,
        reviews_completed=1,
    )
    ApplicationFactory(  # reviewed enough: not waiting
        call=call,
        status=Application.Status.SUBMITTED,
        eligibility=Application.Eligibility.ELIGIBLE,
        reviews_completed=2,
    )
    DevelopmentPlan.objects.filter(member=scenario.members["B"]).update(
        status=DevelopmentPlan.Status.SUBMITTED
    )
    return call


def admin_home(client, user):
    client.force_login(user)
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_office_staff_see_their_programs_figures_and_what_waits_for_them(
    client, scenario, officer, waiting
):
    recompute_cohort(scenario.cohort.pk)
    content = admin_home(client, officer)

    assert "Your programs" in content
    assert scenario.program.name in content
    assert '<th scope="row">Cooperatives supported</th><td><bdi>3</bdi></td>' in content
    assert "1 application awaiting review" in content
    assert f'href="/admin/reviews/calls/{waiting.pk}/"' in content
    # B's two, C's and withdrawn D's two diagnostics are completed, not validated yet.
    assert "5 diagnostics pending validation" in content
    assert 'href="/admin/diagnostic-validation/"' in content
    assert "1 development plan awaiting approval" in content
    assert 'href="/admin/plans/"' in content
    # X delivered 2 of the 10 sessions due by then; Y, 1 of 0.
    assert "1 coach behind contract" in content


def test_office_staff_see_nothing_of_other_programs(client, scenario, officer):
    other = CohortFactory(program__name_en="Someone else's program").program
    content = admin_home(client, officer)
    assert other.name not in content


def test_people_outside_the_office_do_not_get_the_panel(client, scenario):
    reviewer = StaffFactory(is_superuser=False, username="reviewer")
    Membership.objects.create(
        program=scenario.program, user=reviewer, role=Membership.Role.REVIEWER
    )
    assert "Your programs" not in admin_home(client, reviewer)


def test_dashboard_queries_do_not_grow_with_the_records(
    client, scenario, officer, waiting, django_assert_max_num_queries
):
    recompute_cohort(scenario.cohort.pk)
    client.force_login(officer)
    client.get("/admin/")
    with django_assert_max_num_queries(60) as before:
        client.get("/admin/")
    count = len(before)
    for _extra in range(5):
        ApplicationFactory(
            call=waiting,
            status=Application.Status.SUBMITTED,
            eligibility=Application.Eligibility.ELIGIBLE,
        )
    recompute_cohort(scenario.cohort.pk)
    client.get("/admin/")
    with django_assert_max_num_queries(count):
        client.get("/admin/")
