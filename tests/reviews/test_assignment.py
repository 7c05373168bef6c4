from collections import Counter

import pytest
from django.core.exceptions import ValidationError

from accelerator.calls.models import Application
from accelerator.reviews.models import Review
from accelerator.reviews.services import assign, assign_balanced, declare_conflict
from tests.admin.factories import ProgramFactory, RegionFactory
from tests.factories import UserFactory

from .factories import ReviewerFactory

pytestmark = pytest.mark.django_db


def reviews_per_reviewer(call):
    return Counter(Review.objects.for_call(call).values_list("reviewer_id", flat=True))


def test_balanced_assignment_seats_n_reviewers_per_application(
    call, make_application, make_reviewer, superuser
):
    applications = [make_application() for _ in range(5)]
    for _ in range(4):
        make_reviewer()

    summary = assign_balanced(call, by=superuser)

    assert summary.assigned == 10
    assert summary.understaffed == []
    for application in applications:
        assert application.reviews.count() == call.reviewers_per_application


def test_balanced_assignment_spreads_the_load_evenly(
    call, make_application, make_reviewer, superuser
):
    for _ in range(7):
        make_application()
    reviewers = [make_reviewer() for _ in range(3)]

    assign_balanced(call, by=superuser)

    load = reviews_per_reviewer(call)
    assert set(load) == {reviewer.pk for reviewer in reviewers}
    assert max(load.values()) - min(load.values()) <= 1


def test_balanced_assignment_keeps_reviewers_off_their_own_region(
    call, make_application, make_reviewer, superuser
):
    north, south = RegionFactory(), RegionFactory()
    for region in (north, south, north, south):
        make_application(region=region)
    home = {make_reviewer(region=north).pk: north.pk for _ in range(2)}
    home |= {make_reviewer(region=south).pk: south.pk for _ in range(2)}

    assign_balanced(call, by=superuser)

    reviews = list(Review.objects.for_call(call).select_related("application"))
    assert len(reviews) == 8
    assert all(home[review.reviewer_id] != review.application.region_id for review in reviews)


def test_balanced_assignment_skips_ineligible_and_already_staffed_applications(
    call, make_application, make_reviewer, superuser
):
    make_application(eligibility=Application.Eligibility.INELIGIBLE)
    make_application(eligibility=Application.Eligibility.PENDING)
    staffed = make_application()
    for _ in range(3):
        make_reviewer()
    assign_balanced(call, by=superuser)

    again = assign_balanced(call, by=superuser)

    assert again.assigned == 0
    assert Review.objects.for_call(call).count() == 2
    assert staffed.reviews.count() == 2


def test_balanced_assignment_replaces_a_reviewer_who_declared_a_conflict(
    call, make_application, make_reviewer, superuser
):
    application = make_application()
    for _ in range(3):
        make_reviewer()
    assign_balanced(call, by=superuser)
    withdrawn = application.reviews.first()
    declare_conflict(withdrawn, "I worked there.")

    summary = assign_balanced(call, by=superuser)

    assert summary.assigned == 1
    assert application.reviews.active().count() == 2
    assert withdrawn.reviewer_id not in application.reviews.active().values_list(
        "reviewer_id", flat=True
    )


def test_balanced_assignment_reports_what_it_could_not_staff(
    call, make_application, make_reviewer, superuser
):
    application = make_application()
    make_reviewer()

    summary = assign_balanced(call, by=superuser)

    assert summary.assigned == 1
    assert [(item.application, item.missing) for item in summary.understaffed] == [(application, 1)]


def test_manual_assignment_refuses_someone_who_is_not_a_reviewer(call, make_application, superuser):
    application = make_application()
    outsider = UserFactory()
    reviewer_elsewhere = ReviewerFactory(program=ProgramFactory()).user

    with pytest.raises(ValidationError):
        assign(application, [outsider], by=superuser)
    with pytest.raises(ValidationError):
        assign(application, [reviewer_elsewhere], by=superuser)

    assert not application.reviews.exists()


def test_manual_assignment_refuses_a_reviewer_from_the_cooperatives_region(
    call, make_application, make_reviewer, superuser
):
    application = make_application()
    neighbour = make_reviewer(region=application.region)
    outsider = make_reviewer(region=RegionFactory())

    with pytest.raises(ValidationError) as error:
        assign(application, [outsider, neighbour], by=superuser)

    assert "region" in str(error.value)
    assert not application.reviews.exists()


def test_manual_assignment_allows_the_own_region_when_the_call_allows_it(
    call, make_application, make_reviewer, superuser
):
    call.exclude_own_region = False
    call.save()
    application = make_application()
    neighbour = make_reviewer(region=application.region)

    created = assign(application, [neighbour], by=superuser)

    assert [review.reviewer for review in created] == [neighbour]
    assert created[0].assigned_by == superuser


def test_balanced_assignment_says_when_the_program_has_no_reviewers(
    call, make_application, superuser
):
    make_application()

    summary = assign_balanced(call, by=superuser)

    assert summary.assigned == 0
    assert [item.reason for item in summary.understaffed] == ["The program has no reviewers."]
