import datetime

import pytest

from accelerator.programs.models import Membership
from tests.admin.factories import CallFactory, MembershipFactory


@pytest.fixture
def call(db):
    """A call closing on 31 March 2026 (Casablanca time): the deadline the rules measure to."""
    return CallFactory(
        closes_at=datetime.datetime(2026, 3, 31, 17, 0, tzinfo=datetime.UTC),
        timezone="Africa/Casablanca",
    )


@pytest.fixture
def office_member(db):
    def make(program, role=Membership.Role.OFFICER):
        return MembershipFactory(program=program, role=role).user

    return make
