"""Scoring grids, reviewers and reviews, on top of the back-office factories."""

import factory

from accelerator.programs.models import Membership
from accelerator.reviews.models import Criterion, Review
from tests.admin.factories import CallFactory, MembershipFactory


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    call = factory.SubFactory(CallFactory)
    name_en = factory.Sequence(lambda n: f"Criterion {n}")
    name_vi = factory.Sequence(lambda n: f"Tiêu chí {n}")
    name_ar = factory.Sequence(lambda n: f"معيار {n}")
    description_en = "How convincing the plan is."
    weight = 50
    scale_max = 5


class ReviewerFactory(MembershipFactory):
    """A reviewer's role in a program; `.user` is the person."""

    role = Membership.Role.REVIEWER


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    application = factory.SubFactory("tests.admin.factories.ApplicationFactory")
    reviewer = factory.LazyAttribute(
        lambda review: ReviewerFactory(program=review.application.call.program).user
    )


def grid(call, *weights_and_scales):
    """The call's criteria from (weight, scale_max) pairs, in order."""
    return [
        CriterionFactory(call=call, weight=weight, scale_max=scale_max, sort_order=position)
        for position, (weight, scale_max) in enumerate(weights_and_scales)
    ]
