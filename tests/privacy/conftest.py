import pytest

from accelerator.programs.models import Membership
from tests.admin.factories import ProgramFactory
from tests.factories import StaffFactory
from tests.selection.conftest import applicant, call, cohort, officer, regions  # noqa: F401


def staff(program, role, username):
    user = StaffFactory(is_superuser=False, username=username)
    Membership.objects.create(program=program, user=user, role=role)
    return user


@pytest.fixture
def administrator(call):  # noqa: F811 — the fixture imported above
    return staff(call.program, Membership.Role.ADMINISTRATOR, "administrator")


@pytest.fixture
def other_administrator(db):
    """The administrator of another program."""
    return staff(ProgramFactory(), Membership.Role.ADMINISTRATOR, "elsewhere")
