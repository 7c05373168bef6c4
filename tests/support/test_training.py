"""Figures of training sessions: disaggregation by sex and youth (youth as each program defines
it), attendance rates, test scores; totals per cohort and per module; the module catalogue."""

from decimal import Decimal

import pytest

from accelerator.support import training
from accelerator.support.models import Attendance, TrainingModule
from accelerator.support.training_seed import MODULES, ensure_training_modules
from tests.admin.factories import CohortFactory, ProgramFactory
from tests.support.training_factories import (
    AttendanceFactory,
    TrainingModuleFactory,
    TrainingSessionFactory,
    invite,
)

pytestmark = pytest.mark.django_db

WOMAN, MAN = Attendance.Sex.FEMALE, Attendance.Sex.MALE


def session_in_program(youth_age_limit, **kwargs):
    program = ProgramFactory(youth_age_limit=youth_age_limit)
    return TrainingSessionFactory(cohort=CohortFactory(program=program), **kwargs)


def figures(session):
    return training.session_figures([session])[session.pk]


def test_a_32_year_old_is_young_where_the_limit_is_35_and_not_where_it_is_30():
    generous, strict = session_in_program(35), session_in_program(30)
    for session in (generous, strict):
        AttendanceFactory(session=session, age=32)

    assert figures(generous).youth == 1
    assert figures(strict).youth == 0


def test_youth_limit_is_included():
    session = session_in_program(30)
    AttendanceFactory(session=session, age=30)
    AttendanceFactory(session=session, age=31)

    assert figures(session).youth == 1


def test_each_session_counts_youth_by_its_own_program_in_one_listing():
    generous, strict = session_in_program(35), session_in_program(30)
    AttendanceFactory(session=generous, age=32)
    AttendanceFactory(session=strict, age=32)

    result = training.session_figures([generous, strict])

    assert (result[generous.pk].youth, result[strict.pk].youth) == (1, 0)


def test_present_participants_are_disaggregated_by_sex_and_youth():
    session = session_in_program(35)
    AttendanceFactory(session=session, sex=WOMAN, age=22)
    AttendanceFactory(session=session, sex=WOMAN, age=50)
    AttendanceFactory(session=session, sex=MAN, age=29)
    AttendanceFactory(session=session, sex=MAN, age=None)
    AttendanceFactory(session=session, sex=WOMAN, age=20, present=False)

    result = figures(session)

    assert (result.present, result.women, result.men) == (4, 2, 2)
    assert (result.youth, result.young_women, result.age_unknown) == (2, 1, 1)
    assert result.women_share == Decimal("50.0")


def test_unknown_age_is_never_counted_as_youth():
    session = session_in_program(35)
    AttendanceFactory(session=session, age=None)

    result = figures(session)

    assert (result.youth, result.age_unknown) == (0, 1)


def test_attendance_rate_is_present_over_registered():
    session = session_in_program(35)
    AttendanceFactory.create_batch(3, session=session)
    AttendanceFactory(session=session, present=False)

    result = figures(session)

    assert (result.registered, result.present) == (4, 3)
    assert result.attendance_rate == Decimal("75.0")


def test_cooperative_rate_is_invited_cooperatives_with_someone_present():
    session = session_in_program(35)
    first, second, _third, _fourth = invite(session, 4)
    AttendanceFactory(session=session, member=first)
    AttendanceFactory(session=session, member=first)
    AttendanceFactory(session=session, member=second, present=False)

    result = figures(session)

    assert (result.invited, result.cooperatives_present) == (4, 1)
    assert result.cooperative_rate == Decimal("25.0")


def test_invitations_do_not_inflate_the_participant_counts():
    session = session_in_program(35)
    members = invite(session, 3)
    AttendanceFactory(session=session, member=members[0])

    assert figures(session).present == 1


def test_rates_of_an_empty_session_are_none_not_zero_division():
    result = figures(session_in_program(35))

    assert result.attendance_rate is None
    assert result.cooperative_rate is None
    assert result.pre_test_mean is None


def test_test_score_means_and_the_mean_gain_of_those_who_sat_both():
    session = session_in_program(35)
    AttendanceFactory(session=session, pre_test=40, post_test=70)
    AttendanceFactory(session=session, pre_test=60, post_test=80)
    AttendanceFactory(session=session, pre_test=50, post_test=None)
    AttendanceFactory(session=session, pre_test=10, post_test=90, present=False)

    result = figures(session)

    assert result.pre_test_mean == Decimal("50.0")
    assert result.post_test_mean == Decimal("75.0")
    assert result.gain_mean == Decimal("25.0")


def test_cohort_totals_add_up_its_sessions():
    cohort = CohortFactory()
    first = TrainingSessionFactory(cohort=cohort)
    second = TrainingSessionFactory(cohort=cohort)
    TrainingSessionFactory()  # another cohort's
    invite(first, 2)
    AttendanceFactory(session=first, sex=WOMAN, pre_test=40)
    AttendanceFactory(session=second, sex=MAN, pre_test=60)
    AttendanceFactory(session=second, present=False)

    result = training.cohort_figures(cohort)

    assert (result.sessions, result.invited, result.registered, result.present) == (2, 2, 3, 2)
    assert (result.women, result.men) == (1, 1)
    assert result.pre_test_mean == Decimal("50.0")


def test_module_totals_count_only_the_sessions_given():
    module = TrainingModuleFactory()
    mine = TrainingSessionFactory(module=module)
    elsewhere = TrainingSessionFactory(module=module)
    AttendanceFactory(session=mine)
    AttendanceFactory.create_batch(2, session=elsewhere)

    assert training.module_figures(module).present == 3
    narrowed = training.module_figures(module, sessions=type(mine).objects.filter(pk=mine.pk))
    assert narrowed.present == 1


def test_figures_by_module_group_the_sessions():
    governance, marketing = TrainingModuleFactory(), TrainingModuleFactory()
    for module, people in ((governance, 2), (governance, 1), (marketing, 4)):
        AttendanceFactory.create_batch(people, session=TrainingSessionFactory(module=module))

    grouped = dict(training.figures_by_module(type(governance.sessions.first()).objects.all()))

    assert (grouped[governance].present, grouped[governance].sessions) == (3, 2)
    assert grouped[marketing].present == 4


def test_figures_of_many_sessions_take_a_fixed_number_of_queries(django_assert_num_queries):
    sessions = [TrainingSessionFactory() for _index in range(5)]
    for session in sessions:
        invite(session, 2)
        AttendanceFactory.create_batch(3, session=session)

    with django_assert_num_queries(3):
        training.session_figures(sessions)


def test_module_catalogue_is_seeded_in_three_languages_and_idempotent():
    ensure_training_modules()
    ensure_training_modules()

    assert TrainingModule.objects.count() == len(MODULES)
    meetings = TrainingModule.objects.get(code="management-meetings")
    assert meetings.title_vi and meetings.title_ar and meetings.objectives_ar
    assert meetings.duration_hours > 0
    codes = set(TrainingModule.objects.values_list("code", flat=True))
    assert {"governance", "marketing", "digital-transformation", "management-inventory"} <= codes
