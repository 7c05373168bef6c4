import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from accelerator.calls.models import Application
from accelerator.programs.models import Phase
from accelerator.reviews.services import ranking
from tests.admin.factories import ApplicationFactory

pytestmark = pytest.mark.django_db


def scored(make_application, score, **fields):
    return make_application(score=Decimal(score), reviews_completed=2, **fields)


def test_ranking_puts_the_best_score_first_and_breaks_ties_by_earlier_submission(
    call, make_application
):
    now = timezone.now()
    late = scored(make_application, "80", submitted_at=now)
    early = scored(make_application, "80", submitted_at=now - datetime.timedelta(days=2))
    best = scored(make_application, "91.5")

    assert list(ranking(call)) == [best, early, late]


def test_ranking_leaves_out_unscored_ineligible_and_withdrawn_applications(call, make_application):
    kept = scored(make_application, "70")
    make_application()
    scored(make_application, "95", eligibility=Application.Eligibility.INELIGIBLE)
    scored(make_application, "99", status=Application.Status.WITHDRAWN)

    assert list(ranking(call)) == [kept]


def test_ranking_per_phase_keeps_the_applications_of_that_phase(call, make_application):
    first = Phase.objects.create(cohort=call.cohort, name_en="Phase 1", capacity=10)
    second = Phase.objects.create(cohort=call.cohort, name_en="Phase 2", capacity=10)
    a = scored(make_application, "60", phase=first)
    b = scored(make_application, "90", phase=second)
    c = scored(make_application, "75", phase=first)

    assert list(ranking(call, first)) == [c, a]
    assert list(ranking(call, second)) == [b]
    assert list(ranking(call)) == [b, c, a]


def test_ranking_is_per_call(call, make_application):
    mine = scored(make_application, "50")
    ApplicationFactory(
        score=Decimal("90"), eligibility=Application.Eligibility.ELIGIBLE, reviews_completed=1
    )

    assert list(ranking(call)) == [mine]
