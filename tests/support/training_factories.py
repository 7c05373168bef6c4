"""Training modules, sessions and attendance, and the people around a session: its trainer, the
office of its program, a trainer and an office elsewhere."""

from datetime import date

import factory
import pytest

from accelerator.programs.models import Membership
from accelerator.support.models import Attendance, TrainingModule, TrainingSession
from tests.admin.factories import CohortFactory, MembershipFactory
from tests.diagnostics.factories import CohortMemberFactory
from tests.factories import UserFactory


class TrainingModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingModule
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"module-{n}")
    title_en = factory.Sequence(lambda n: f"Module {n}")
    title_vi = factory.Sequence(lambda n: f"Mô-đun {n}")
    title_ar = factory.Sequence(lambda n: f"وحدة {n}")


class TrainingSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingSession
        skip_postgeneration_save = True

    module = factory.SubFactory(TrainingModuleFactory)
    cohort = factory.SubFactory(CohortFactory)
    trainer = factory.SubFactory(UserFactory)
    place = "Tiznit"
    starts_on = date(2026, 5, 4)
    ends_on = date(2026, 5, 5)

    @factory.post_generation
    def invited(self, create, members, **kwargs):
        if create and members:
            self.invited.set(members)


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    session = factory.SubFactory(TrainingSessionFactory)
    full_name = factory.Sequence(lambda n: f"Participant {n}")
    sex = Attendance.Sex.FEMALE
    age = 40
    role = Attendance.Role.MEMBER
    present = True


def invite(session, count=1, **cooperative):
    """`count` cooperatives of the session's cohort, invited to it."""
    members = [CohortMemberFactory(cohort=session.cohort, **cooperative) for _index in range(count)]
    session.invited.add(*members)
    return members


@pytest.fixture
def session(db):
    return TrainingSessionFactory(trainer__username="trainer")


@pytest.fixture
def trainer(session):
    MembershipFactory(
        program=session.cohort.program, user=session.trainer, role=Membership.Role.TRAINER
    )
    return session.trainer


@pytest.fixture
def office(session):
    return MembershipFactory(
        program=session.cohort.program, role=Membership.Role.OFFICER, user__username="office"
    ).user


@pytest.fixture
def other_trainer(db):
    """A trainer of the same trade, giving a session of another program."""
    other = TrainingSessionFactory(trainer__username="othertrainer")
    MembershipFactory(
        program=other.cohort.program, user=other.trainer, role=Membership.Role.TRAINER
    )
    return other.trainer


@pytest.fixture
def other_office(db):
    return MembershipFactory(role=Membership.Role.OFFICER, user__username="otheroffice").user
