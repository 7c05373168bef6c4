from decimal import Decimal

import pytest
from django.urls import reverse

from accelerator.calls.models import Call
from accelerator.reviews.models import Criterion, weighted_total
from tests.admin.factories import CohortFactory
from tests.admin.test_call_form import call_form_data

from .factories import CriterionFactory, ReviewFactory, grid

pytestmark = pytest.mark.django_db


def criterion_rows(criteria, prefix="criteria"):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(criteria)),
        f"{prefix}-INITIAL_FORMS": str(sum(1 for c in criteria if c.get("id"))),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, criterion in enumerate(criteria):
        row = {
            "id": "",
            "name_en": "Criterion",
            "name_vi": "",
            "name_ar": "",
            "description_en": "",
            "description_vi": "",
            "description_ar": "",
            "scale_max": "5",
            "ORDER": str(index + 1),
            **criterion,
        }
        for name, value in row.items():
            data[f"{prefix}-{index}-{name}"] = value
    return data


def every_formset_empty(staff_client, url):
    """The other tabs' inline formsets, posted empty, whatever tabs the call form has."""
    form = staff_client.get(url).context["form"]
    data = {}
    for name, formset in form.formsets.items():
        management = formset.management_form
        data.update(
            {
                f"{name}-TOTAL_FORMS": str(management.initial.get("TOTAL_FORMS", 0)),
                f"{name}-INITIAL_FORMS": str(management.initial.get("INITIAL_FORMS", 0)),
                f"{name}-MIN_NUM_FORMS": "0",
                f"{name}-MAX_NUM_FORMS": "1000",
            }
        )
    return data


def post_call(staff_client, criteria):
    cohort = CohortFactory()
    url = reverse("call:add")
    data = {**call_form_data(cohort), **every_formset_empty(staff_client, url)}
    data.update(criterion_rows(criteria))
    return staff_client.post(url, data)


def test_a_grid_whose_weights_add_up_to_100_is_saved(staff_client):
    response = post_call(
        staff_client,
        [
            {"name_en": "Business plan", "name_ar": "خطة العمل", "weight": "60"},
            {"name_en": "Team", "weight": "40", "scale_max": "4"},
        ],
    )

    assert response.status_code == 302
    call = Call.objects.get()
    assert [(c.name_en, c.weight, c.scale_max) for c in call.criteria.all()] == [
        ("Business plan", 60, 5),
        ("Team", 40, 4),
    ]
    assert call.criteria.first().name_ar == "خطة العمل"


def test_weights_must_add_up_to_100_and_the_error_gives_the_current_sum(staff_client):
    response = post_call(
        staff_client, [{"name_en": "Plan", "weight": "60"}, {"name_en": "Team", "weight": "30"}]
    )

    assert response.status_code == 200
    errors = response.context["form"].formsets["criteria"].non_form_errors()
    assert errors == ["The weights of the criteria must add up to 100; they now add up to 90."]
    assert not Call.objects.exists()


def test_a_criterion_already_scored_cannot_be_removed(staff_client, superuser):
    review = ReviewFactory()
    call = review.application.call
    plan, team = grid(call, (60, 5), (40, 5))
    review.scores.create(criterion=plan, value=4)
    url = reverse("call:edit", args=[call.pk])
    form = staff_client.get(url).context["form"]
    data = {
        **call_form_data(call.cohort, reference_prefix=call.reference_prefix),
        **every_formset_empty(staff_client, url),
        "program": call.program.pk,
    }
    data.update(
        criterion_rows(
            [
                {"id": str(plan.pk), "name_en": "Plan", "weight": "60", "DELETE": "on"},
                {"id": str(team.pk), "name_en": "Team", "weight": "40"},
            ]
        )
    )
    assert "criteria" in form.formsets

    response = staff_client.post(url, data)

    assert response.status_code == 200
    assert "cannot be removed" in str(
        response.context["form"].formsets["criteria"].non_form_errors()
    )
    assert Criterion.objects.filter(pk=plan.pk).exists()


def test_total_weighs_each_criterion_by_its_share_of_its_own_scale():
    plan = CriterionFactory.build(weight=60, scale_max=5)
    team = CriterionFactory.build(weight=40, scale_max=4)

    assert weighted_total([(plan, 4), (team, 3)]) == Decimal("78.00")
    assert weighted_total([(plan, 5), (team, 4)]) == Decimal("100.00")
    assert weighted_total([(plan, 0), (team, 0)]) == Decimal("0.00")


def test_total_rounds_to_two_decimals():
    only = CriterionFactory.build(weight=100, scale_max=3)

    assert weighted_total([(only, 2)]) == Decimal("66.67")


def test_running_total_of_a_draft_counts_only_what_is_scored():
    plan = CriterionFactory.build(weight=60, scale_max=5)
    team = CriterionFactory.build(weight=40, scale_max=4)

    assert weighted_total([(plan, 5), (team, None)]) == Decimal("60.00")
