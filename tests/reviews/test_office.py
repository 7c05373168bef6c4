"""The program office's review screens: the application panel and the call's reviews."""

import pytest
from django.urls import reverse

from accelerator.programs.models import Phase
from accelerator.reviews.models import Review
from accelerator.reviews.services import save_scores
from tests.admin.factories import CallFactory, ProgramFactory, RegionFactory

from .factories import ReviewFactory

pytestmark = pytest.mark.django_db


def final_status(client, url, method="get", **data):
    return getattr(client, method)(url, data, follow=True).status_code


def submitted(application, criteria, values, reviewer=None):
    review = ReviewFactory(application=application, **({"reviewer": reviewer} if reviewer else {}))
    return save_scores(
        review,
        {criterion.pk: value for criterion, value in zip(criteria, values, strict=True)},
        {criteria[0].pk: "Realistic budget"},
        "Good",
        version=review.version,
        submit=True,
    )


@pytest.fixture
def officer_client(client, office_member, call):
    client.force_login(office_member(call.program))
    return client


def test_the_application_page_shows_each_review_the_mean_and_the_flag(
    officer_client, make_application, criteria
):
    application = make_application()
    submitted(application, criteria, [5, 4])  # 100
    submitted(application, criteria, [3, 2])  # 56
    declined = ReviewFactory(application=application)
    declined.status, declined.conflict_reason = Review.Status.CONFLICT, "Cousin of the chair"
    declined.save()

    content = officer_client.get(reverse("application:inspect", args=[application.pk]))
    content = content.content.decode()

    assert "100.00" in content
    assert "56.00" in content
    assert "78.00" in content  # the mean
    assert "44.00" in content  # the spread
    assert "Reviewers disagree" in content
    assert "Realistic budget" in content
    assert "Cousin of the chair" in content


def test_office_assigns_a_reviewer_from_the_application_page(
    officer_client, make_application, make_reviewer
):
    application = make_application()
    reviewer = make_reviewer(region=RegionFactory())
    page = officer_client.get(reverse("application:inspect", args=[application.pk]))
    assert f'value="{reviewer.pk}"' in page.content.decode()

    officer_client.post(
        reverse("reviews:assign", args=[application.pk]), {"reviewers": [reviewer.pk]}
    )

    assert list(application.reviews.values_list("reviewer", flat=True)) == [reviewer.pk]


def test_the_application_page_does_not_offer_a_reviewer_of_the_same_region(
    officer_client, make_application, make_reviewer
):
    application = make_application()
    neighbour = make_reviewer(region=application.region)

    response = officer_client.post(
        reverse("reviews:assign", args=[application.pk]), {"reviewers": [neighbour.pk]}
    )

    assert response.status_code == 302
    assert not application.reviews.exists()


def test_the_calls_reviews_screen_assigns_in_balanced_batches(
    officer_client, call, make_application, make_reviewer
):
    for _ in range(3):
        make_application()
    for _ in range(3):
        make_reviewer()

    response = officer_client.post(reverse("reviews:assign_balanced", args=[call.pk]), follow=True)

    assert Review.objects.for_call(call).count() == 6
    assert "6 reviews assigned." in response.content.decode()


def test_the_calls_reviews_screen_shows_progress_and_rankings_per_phase(
    officer_client, call, make_application, make_reviewer, criteria
):
    phase = Phase.objects.create(cohort=call.cohort, name_en="Phase North", capacity=5)
    busy = make_reviewer()
    top = make_application(reference="TOP-1", phase=phase)
    low = make_application(reference="LOW-1")
    submitted(top, criteria, [5, 4], reviewer=busy)
    submitted(low, criteria, [1, 1])
    ReviewFactory(application=low, reviewer=busy)

    response = officer_client.get(reverse("reviews:call", args=[call.pk]))

    assert response.status_code == 200
    progress = {row.user: row for row in response.context["progress"]}
    assert (progress[busy].submitted, progress[busy].to_score) == (1, 1)
    assert [app.reference for _, app, _ in response.context["ranking"]] == ["TOP-1", "LOW-1"]
    assert [
        (phase.name, [app.reference for _, app, _ in rows])
        for phase, rows in response.context["phases"]
    ] == [("Phase North", ["TOP-1"])]


def test_the_call_form_links_to_the_calls_reviews(officer_client, call):
    content = officer_client.get(reverse("call:edit", args=[call.pk])).content.decode()

    assert reverse("reviews:call", args=[call.pk]) in content


def test_office_staff_see_nothing_of_another_programs_reviews(officer_client, make_application):
    other_call = CallFactory(program=ProgramFactory())

    assert final_status(officer_client, reverse("reviews:call", args=[other_call.pk])) == 404
    assert (
        final_status(
            officer_client, reverse("reviews:assign_balanced", args=[other_call.pk]), "post"
        )
        == 404
    )
    assert not Review.objects.exists()
