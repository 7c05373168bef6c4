"""Coaching records for the tests: contracts, visits and follow-ups, built directly."""

from datetime import date

import factory

from accelerator.support.models import CoachContract, CoachingVisit, FollowUp
from tests.admin.factories import ProgramFactory
from tests.factories import UserFactory


class CoachContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoachContract

    program = factory.SubFactory(ProgramFactory)
    coach = factory.SubFactory(UserFactory)
    lot = factory.Sequence(lambda n: f"Lot {n}")
    cooperatives = 10
    sessions_per_cooperative = 12
    starts_on = date(2026, 1, 1)
    ends_on = date(2027, 12, 31)


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoachingVisit

    member = None
    coach = None
    visited_on = date(2026, 4, 1)
    duration_minutes = 120


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    visit = factory.SubFactory(VisitFactory)
    description = "Prepare the general assembly minutes"
    owner = "Chairwoman"
    due_on = date(2026, 5, 1)
