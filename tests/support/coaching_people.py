"""Who stands around a coached cooperative: its coach, a co-coach, another coach, the office of
its program and of another program; and its development plan. Imported by the coaching tests."""

import pytest

from accelerator.programs.models import Membership
from diagnostics.models import ActionCategory, DevelopmentPlan, PlanAction
from tests.admin.factories import MembershipFactory
from tests.diagnostics.factories import CoachAssignmentFactory, DiagnosticFactory


@pytest.fixture
def assignment(db):
    return CoachAssignmentFactory(coach__username="coach", coach__first_name="Hoa")


@pytest.fixture
def coach(assignment):
    return assignment.coach


@pytest.fixture
def member(assignment):
    return assignment.member


@pytest.fixture
def co_coach(member):
    return CoachAssignmentFactory(member=member, coach__username="cocoach", is_lead=False).coach


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


def build_plan(member, coach, *titles, status=DevelopmentPlan.Status.APPROVED):
    plan = DevelopmentPlan.objects.create(
        member=member, diagnostic=DiagnosticFactory(member=member, coach=coach), status=status
    )
    return [
        PlanAction.objects.create(
            plan=plan,
            title=title,
            category=ActionCategory.COACHING,
            domain_codes=["governance"],
            position=position,
        )
        for position, title in enumerate(titles)
    ]


@pytest.fixture
def actions(member, coach):
    return build_plan(member, coach, "Hold the general assembly", "Keep a stock register")
