"""A coached cooperative with a development plan, the people around it, and builders of
technical assistance and marketing support records. Imported by the assistance, marketing and
digest tests."""

from datetime import date
from decimal import Decimal

import factory
import pytest

from accelerator.programs.models import Currency, Membership
from accelerator.support.models import MarketingSupport, TechnicalAssistance
from diagnostics.models import ActionCategory, DevelopmentPlan, PlanAction
from tests.admin.factories import MembershipFactory
from tests.diagnostics.factories import CoachAssignmentFactory, DiagnosticFactory


class TechnicalAssistanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TechnicalAssistance
        skip_postgeneration_save = True

    kind = TechnicalAssistance.Kind.EXPERT_ADVICE
    title = factory.Sequence(lambda n: f"Assistance {n}")
    delivered_on = date(2026, 5, 4)

    @factory.post_generation
    def plan_actions(self, create, extracted, **kwargs):
        if create and extracted:
            self.plan_actions.set(extracted)


class MarketingSupportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MarketingSupport
        skip_postgeneration_save = True

    product = "Argan oil"
    kind = MarketingSupport.Kind.PACKAGING
    supported_on = date(2026, 5, 4)

    @factory.post_generation
    def plan_actions(self, create, extracted, **kwargs):
        if create and extracted:
            self.plan_actions.set(extracted)


def plan_with_actions(member, coach, *titles):
    diagnostic = DiagnosticFactory(member=member, coach=coach)
    plan = DevelopmentPlan.objects.create(member=member, diagnostic=diagnostic)
    return [
        PlanAction.objects.create(
            plan=plan, title=title, category=ActionCategory.MARKETING, position=position
        )
        for position, title in enumerate(titles)
    ]


@pytest.fixture
def assignment(db):
    return CoachAssignmentFactory(
        coach__username="coach",
        member__cohort__program__currency=Currency.VND,
        member__cooperative__legal_name="HTX Mật ong Bắc Kạn",
    )


@pytest.fixture
def coach(assignment):
    return assignment.coach


@pytest.fixture
def member(assignment):
    return assignment.member


@pytest.fixture
def actions(member, coach):
    return plan_with_actions(member, coach, "New honey jars and labels", "OCOP certification")


@pytest.fixture
def other_coach(db):
    return CoachAssignmentFactory(coach__username="elsewhere").coach


@pytest.fixture
def office(member):
    return MembershipFactory(
        program=member.cohort.program, role=Membership.Role.OFFICER, user__username="office"
    ).user


@pytest.fixture
def other_office(db):
    return MembershipFactory(role=Membership.Role.OFFICER, user__username="otheroffice").user


def amounts(**values):
    return {name: Decimal(value) for name, value in values.items()}
