import pytest

from accelerator.programs.models import Membership
from tests.factories import StaffFactory

from .factories import MembershipFactory


@pytest.fixture
def superuser(db):
    return StaffFactory()


@pytest.fixture
def office_member(db):
    """Someone on the office of the given program, with the admin group their role brings."""

    def make(program, role=Membership.Role.OFFICER):
        return MembershipFactory(program=program, role=role).user

    return make
