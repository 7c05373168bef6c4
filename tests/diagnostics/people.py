"""Who stands around a diagnostic: its coach, another coach, the office of its program and of
another program. Imported by the tests of filling, workflow and access."""

import pytest

from accelerator.programs.models import Membership
from diagnostics import services
from tests.admin.factories import MembershipFactory
from tests.diagnostics.factories import CoachAssignmentFactory, build_instrument


@pytest.fixture
def version(db):
    return build_instrument((("governance", 2), ("finance", 2)))


@pytest.fixture
def assignment(version):
    return CoachAssignmentFactory(coach__username="coach", coach__first_name="Hoa")


@pytest.fixture
def coach(assignment):
    return assignment.coach


@pytest.fixture
def member(assignment):
    return assignment.member


@pytest.fixture
def diagnostic(member, coach, version):
    return services.start_diagnostic(member, "baseline", coach=coach)


@pytest.fixture
def questions(diagnostic):
    """The questions of the diagnostic's version, domain by domain, in order."""
    return [
        question
        for domain in diagnostic.version.domains.order_by("sort_order")
        for question in domain.questions.order_by("sort_order")
    ]


@pytest.fixture
def second_coach(member):
    """A co-coach assigned to the same cooperative: two people filling one diagnostic."""
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
