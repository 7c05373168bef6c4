from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from accelerator.calls.models import Application
from accelerator.reviews.models import Review
from accelerator.reviews.services import (
    ConflictError,
    ReviewClosed,
    declare_conflict,
    is_spread_flagged,
    save_scores,
    spread_flagged,
)

from .factories import ReviewFactory

pytestmark = pytest.mark.django_db


def score(review, criteria, values, *, submit=True, version=None, comments=None):
    return save_scores(
        review,
        {criterion.pk: value for criterion, value in zip(criteria, values, strict=True)},
        comments or {},
        "Solid cooperative.",
        version=review.version if version is None else version,
        submit=submit,
    )


def test_a_submitted_review_gets_its_weighted_total(make_application, criteria):
    review = ReviewFactory(application=make_application())

    review = score(review, criteria, [4, 3])

    assert review.status == Review.Status.SUBMITTED
    assert review.total == Decimal("78.00")
    assert review.submitted_at is not None


def test_a_draft_keeps_partial_scores_and_comments(make_application, criteria):
    review = ReviewFactory(application=make_application())
    plan, team = criteria

    review = score(review, criteria, [5, None], submit=False, comments={plan.pk: "Clear plan"})

    assert review.status == Review.Status.ASSIGNED
    assert review.total == Decimal("60.00")
    assert review.scores.get(criterion=plan).comment == "Clear plan"
    assert review.scores.get(criterion=team).value is None


def test_submitting_needs_every_criterion_scored(make_application, criteria):
    review = ReviewFactory(application=make_application())
    plan, team = criteria

    with pytest.raises(ValidationError) as error:
        score(review, criteria, [5, None])

    assert list(error.value.error_dict) == [team.pk]
    review.refresh_from_db()
    assert review.status == Review.Status.ASSIGNED


def test_a_score_above_the_scale_is_refused(make_application, criteria):
    review = ReviewFactory(application=make_application())
    plan, team = criteria

    with pytest.raises(ValidationError) as error:
        score(review, criteria, [5, 5])

    assert list(error.value.error_dict) == [team.pk]
    assert not review.scores.exists()


def test_a_stale_version_raises_a_conflict_and_keeps_the_stored_scores(make_application, criteria):
    review = ReviewFactory(application=make_application())
    opened_version = review.version
    score(review, criteria, [4, 3], submit=False)

    with pytest.raises(ConflictError):
        score(review, criteria, [1, 1], submit=False, version=opened_version)

    review.refresh_from_db()
    assert review.version == opened_version + 1
    assert sorted(review.scores.values_list("value", flat=True)) == [3, 4]
    assert review.total == Decimal("78.00")


def test_a_submitted_review_cannot_be_saved_again(make_application, criteria):
    review = score(ReviewFactory(application=make_application()), criteria, [4, 3])

    with pytest.raises(ReviewClosed):
        score(review, criteria, [1, 1])


def test_mean_and_spread_come_from_submitted_reviews(make_application, criteria):
    application = make_application()
    score(ReviewFactory(application=application), criteria, [5, 4])  # 100
    score(ReviewFactory(application=application), criteria, [3, 2])  # 36 + 20 = 56
    ReviewFactory(application=application)  # still to score: not counted

    application.refresh_from_db()
    assert application.score == Decimal("78.00")
    assert application.score_spread == Decimal("44.00")
    assert application.reviews_completed == 2


def test_a_conflict_removes_the_review_from_the_mean(make_application, criteria):
    application = make_application()
    score(ReviewFactory(application=application), criteria, [5, 4])  # 100
    second = score(ReviewFactory(application=application), criteria, [0, 0])

    declare_conflict(second, "My brother chairs this cooperative.")

    application.refresh_from_db()
    second.refresh_from_db()
    assert second.status == Review.Status.CONFLICT
    assert application.score == Decimal("100.00")
    assert application.score_spread == Decimal("0.00")
    assert application.reviews_completed == 1


def test_a_conflict_needs_a_reason(make_application):
    review = ReviewFactory(application=make_application())

    with pytest.raises(ValidationError):
        declare_conflict(review, "   ")

    review.refresh_from_db()
    assert review.status == Review.Status.ASSIGNED


def test_no_submitted_review_means_no_score(make_application, criteria):
    application = make_application()
    review = score(ReviewFactory(application=application), criteria, [5, 4])

    declare_conflict(review, "I advised them last year.")

    application.refresh_from_db()
    assert application.score is None
    assert application.score_spread is None
    assert application.reviews_completed == 0


def test_a_spread_above_the_calls_threshold_is_flagged(make_application, criteria):
    wide, narrow = make_application(), make_application()
    for application, values in ((wide, [[5, 4], [3, 2]]), (narrow, [[5, 4], [5, 3]])):
        for scores in values:
            score(ReviewFactory(application=application), criteria, scores)
    wide.refresh_from_db()
    narrow.refresh_from_db()

    assert is_spread_flagged(wide)  # 44 points apart, threshold 20
    assert not is_spread_flagged(narrow)  # 10 points apart
    assert list(spread_flagged(Application.objects.all())) == [wide]
