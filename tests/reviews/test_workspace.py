"""The reviewer's own screens in the admin."""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from accelerator.programs.models import Membership
from accelerator.reviews.models import Review
from tests.admin.factories import ApplicationFileFactory, CallFactory, ProgramFactory

from .factories import ReviewerFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def final_status(client, url, method="get", **data):
    # Outside i18n_patterns a 404 first redirects to a language prefix, which answers 404.
    return getattr(client, method)(url, data, follow=True).status_code


@pytest.fixture
def reviewer(make_reviewer, client):
    person = make_reviewer()
    client.force_login(person)
    return person


@pytest.fixture
def review(reviewer, make_application, criteria):
    return ReviewFactory(
        application=make_application(legal_name="تعاونية الأمل"), reviewer=reviewer
    )


def grid_data(review, criteria, values, action="save", **extra):
    data = {"version": review.version, "overall_comment": "Promising.", "action": action}
    for criterion, value in zip(criteria, values, strict=True):
        data[f"score_{criterion.pk}"] = "" if value is None else str(value)
        data[f"comment_{criterion.pk}"] = f"About {criterion.name_en}"
    data.update(extra)
    return data


def test_my_reviews_lists_what_is_still_to_score_first(client, reviewer, make_application):
    done = ReviewFactory(
        application=make_application(reference="DONE-1"),
        reviewer=reviewer,
        status=Review.Status.SUBMITTED,
    )
    todo = ReviewFactory(application=make_application(reference="TODO-1"), reviewer=reviewer)

    response = client.get(reverse("reviews:mine"))

    assert response.status_code == 200
    assert list(response.context["object_list"]) == [todo, done]
    assert "<bdi>" in response.content.decode()


def test_my_reviews_shows_only_my_own(client, reviewer, make_application, make_reviewer):
    ReviewFactory(application=make_application(reference="MINE-1"), reviewer=reviewer)
    ReviewFactory(application=make_application(reference="THEIRS-1"), reviewer=make_reviewer())

    content = client.get(reverse("reviews:mine")).content.decode()

    assert "MINE-1" in content
    assert "THEIRS-1" not in content


def test_the_menu_offers_my_reviews_to_reviewers_only(client, reviewer, office_member, call):
    assert reverse("reviews:mine") in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(office_member(call.program))

    assert reverse("reviews:mine") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_my_reviews_runs_a_bounded_number_of_queries(
    client, reviewer, make_application, django_assert_max_num_queries
):
    for _ in range(5):
        ReviewFactory(application=make_application(), reviewer=reviewer)
    with django_assert_max_num_queries(20):
        client.get(reverse("reviews:mine"))

    for _ in range(35):
        ReviewFactory(application=make_application(), reviewer=reviewer)
    with django_assert_max_num_queries(20):
        client.get(reverse("reviews:mine"))


def test_the_scoring_screen_shows_the_application_and_the_grid(client, review, criteria):
    response = client.get(reverse("reviews:review", args=[review.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "<bdi>تعاونية الأمل</bdi>" in content
    for criterion in criteria:
        assert criterion.name_en in content
        assert f'name="score_{criterion.pk}"' in content
    assert "reviews/scoring.js" in content
    assert "<script>" not in content.split("</header>")[-1]


def test_the_grid_reads_in_the_reviewers_language(client, review, criteria):
    profile = UserProfile.get_for_user(review.reviewer)
    profile.preferred_language = "ar"
    profile.save()

    content = client.get(reverse("reviews:review", args=[review.pk])).content.decode()

    assert criteria[0].name_ar in content
    assert 'dir="rtl"' in content


def test_a_reviewer_saves_a_draft_then_submits(client, review, criteria):
    url = reverse("reviews:review", args=[review.pk])

    client.post(url, grid_data(review, criteria, [4, None]))
    review.refresh_from_db()
    assert review.status == Review.Status.ASSIGNED
    assert review.scores.get(criterion=criteria[0]).value == 4

    response = client.post(url, grid_data(review, criteria, [4, 3], action="submit"))

    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == Review.Status.SUBMITTED
    assert str(review.total) == "78.00"
    review.application.refresh_from_db()
    assert review.application.score == review.total


def test_submitting_an_incomplete_grid_shows_the_error_next_to_the_criterion(
    client, review, criteria
):
    response = client.post(
        reverse("reviews:review", args=[review.pk]),
        grid_data(review, criteria, [4, None], action="submit"),
    )

    assert response.status_code == 200
    assert f"score_{criteria[1].pk}" in response.context["form"].errors
    assert "About" in response.content.decode()  # what was typed is kept
    review.refresh_from_db()
    assert review.status == Review.Status.ASSIGNED


def test_a_second_tab_gets_a_conflict_message_and_overwrites_nothing(client, review, criteria):
    url = reverse("reviews:review", args=[review.pk])
    stale = grid_data(review, criteria, [1, 1])
    client.post(url, grid_data(review, criteria, [4, 3]))

    response = client.post(url, stale)

    assert response.status_code == 409
    assert "another tab or window" in response.content.decode()
    review.refresh_from_db()
    assert sorted(review.scores.values_list("value", flat=True)) == [3, 4]


def test_a_submitted_review_is_read_only(client, review, criteria):
    url = reverse("reviews:review", args=[review.pk])
    client.post(url, grid_data(review, criteria, [4, 3], action="submit"))
    review.refresh_from_db()

    content = client.get(url).content.decode()
    client.post(url, grid_data(review, criteria, [0, 0], action="submit"))

    assert f'name="score_{criteria[0].pk}"' not in content
    review.refresh_from_db()
    assert str(review.total) == "78.00"


def test_declaring_a_conflict_takes_the_application_off_the_reviewer(client, review, criteria):
    attachment = ApplicationFileFactory(application=review.application)
    url = reverse("reviews:review", args=[review.pk])
    assert client.get(reverse("reviews:attachment", args=[attachment.pk])).status_code == 200

    client.post(url, {"action": "conflict", "reason": "I am a member of it."})

    review.refresh_from_db()
    assert review.status == Review.Status.CONFLICT
    assert review.conflict_reason == "I am a member of it."
    assert final_status(client, reverse("reviews:attachment", args=[attachment.pk])) == 404
    assert "reviews-profile" not in client.get(url).content.decode()


def test_a_conflict_without_a_reason_is_refused(client, review):
    response = client.post(
        reverse("reviews:review", args=[review.pk]), {"action": "conflict", "reason": ""}
    )

    assert response.context["conflict_form"].errors
    review.refresh_from_db()
    assert review.status == Review.Status.ASSIGNED


def test_a_reviewer_cannot_open_someone_elses_review(client, reviewer, make_application):
    theirs = ReviewFactory(application=make_application())

    assert final_status(client, reverse("reviews:review", args=[theirs.pk])) == 404
    assert (
        final_status(client, reverse("reviews:review", args=[theirs.pk]), "post", action="save")
        == 404
    )


def test_a_reviewer_cannot_open_an_attachment_of_an_application_they_do_not_review(
    client, reviewer, make_application
):
    attachment = ApplicationFileFactory(application=make_application())

    assert final_status(client, reverse("reviews:attachment", args=[attachment.pk])) == 404


def test_a_reviewer_sees_nothing_of_a_program_where_they_no_longer_review(
    client, reviewer, make_application, call
):
    review = ReviewFactory(application=make_application(), reviewer=reviewer)
    other_program = ProgramFactory()
    ReviewerFactory(program=other_program, user=reviewer)
    Membership.objects.filter(program=call.program, user=reviewer).delete()

    assert final_status(client, reverse("reviews:review", args=[review.pk])) == 404
    assert review not in client.get(reverse("reviews:mine")).context["object_list"]


def test_a_reviewer_cannot_reach_the_offices_screens(client, reviewer, review):
    other_call = CallFactory(program=ProgramFactory())

    for call in (review.application.call, other_call):
        assert final_status(client, reverse("reviews:call", args=[call.pk])) == 404
        assert (
            final_status(client, reverse("reviews:assign_balanced", args=[call.pk]), "post") == 404
        )
    assert (
        final_status(
            client,
            reverse("reviews:assign", args=[review.application.pk]),
            "post",
            reviewers=[reviewer.pk],
        )
        == 404
    )
