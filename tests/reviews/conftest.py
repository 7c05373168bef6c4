import pytest

from accelerator.calls.models import Application
from accelerator.programs.models import Membership
from tests.admin.factories import ApplicationFactory, CallFactory, MembershipFactory, RegionFactory
from tests.factories import StaffFactory

from .factories import ReviewerFactory, grid


@pytest.fixture
def call(db):
    return CallFactory(reviewers_per_application=2, exclude_own_region=True, spread_threshold=20)


@pytest.fixture
def criteria(call):
    """Plan 60 points on a 0–5 scale, team 40 points on a 0–4 scale."""
    return grid(call, (60, 5), (40, 4))


@pytest.fixture
def make_application(call):
    def make(**fields):
        fields.setdefault("eligibility", Application.Eligibility.ELIGIBLE)
        return ApplicationFactory(call=call, **fields)

    return make


@pytest.fixture
def make_reviewer(call):
    def make(region=None, program=None):
        return ReviewerFactory(program=program or call.program, region=region).user

    return make


@pytest.fixture
def region(db):
    return RegionFactory()


@pytest.fixture
def superuser(db):
    return StaffFactory()


@pytest.fixture
def staff_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def office_member(db):
    def make(program, role=Membership.Role.OFFICER):
        return MembershipFactory(program=program, role=role).user

    return make
