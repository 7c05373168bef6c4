"""Contract compliance, coaching hours and cooperatives waiting for a visit, counted from visits."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from accelerator.support.compliance import (
    ComplianceStatus,
    coach_compliance,
    coaching_hours_per_cohort,
    expected_sessions_to_date,
    not_visited_since,
    region_compliance,
)
from tests.admin.factories import CohortFactory, CooperativeFactory, ProgramFactory, RegionFactory
from tests.diagnostics.factories import CoachAssignmentFactory, CohortMemberFactory
from tests.factories import UserFactory
from tests.support.coaching import CoachContractFactory, VisitFactory

pytestmark = pytest.mark.django_db

# The contract runs 2026-01-01 → 2027-12-31: 729 days; a year in, 365 of them have passed.
A_YEAR_IN = date(2027, 1, 1)


@pytest.fixture
def program():
    return ProgramFactory()


@pytest.fixture
def cohort(program):
    return CohortFactory(program=program)


def assign(cohort, coach, *, contract=None, region=None, sessions=12, started_on=date(2026, 1, 1)):
    cooperative = CooperativeFactory(region=region) if region else CooperativeFactory()
    member = CohortMemberFactory(cohort=cohort, cooperative=cooperative)
    return CoachAssignmentFactory(
        member=member,
        coach=coach,
        contract=contract,
        contracted_sessions=sessions,
        started_on=started_on,
    )


def visits(assignment, count, *, minutes=120, on=date(2026, 6, 1)):
    for _ in range(count):
        VisitFactory(
            member=assignment.member,
            coach=assignment.coach,
            visited_on=on,
            duration_minutes=minutes,
        )


def test_expected_sessions_are_prorated_over_the_contract_and_rounded_down(cohort, program):
    coach = UserFactory()
    contract = CoachContractFactory(program=program, coach=coach)
    assignment = assign(cohort, coach, contract=contract)

    assert expected_sessions_to_date(assignment, date(2025, 12, 1)) == 0
    assert expected_sessions_to_date(assignment, date(2026, 1, 1)) == 0
    assert expected_sessions_to_date(assignment, A_YEAR_IN) == 6  # 12 × 365 / 729 = 6.008
    assert expected_sessions_to_date(assignment, date(2026, 12, 31)) == 5  # 12 × 364 / 729
    assert expected_sessions_to_date(assignment, date(2027, 12, 31)) == 12
    assert expected_sessions_to_date(assignment, date(2029, 1, 1)) == 12


def test_without_a_contract_the_cohort_end_closes_the_period(cohort):
    # The cohort ends 2026-12-31: from 2026-03-01 that is 305 days; by 2026-06-01, 92 have passed.
    assignment = assign(cohort, UserFactory(), started_on=date(2026, 3, 1))

    assert expected_sessions_to_date(assignment, date(2026, 6, 1)) == 3  # 12 × 92 / 305 = 3.6


def test_an_assignment_that_ended_owes_nothing_after_its_end(cohort, program):
    coach = UserFactory()
    assignment = assign(cohort, coach, contract=CoachContractFactory(program=program, coach=coach))
    assignment.ended_on = date(2026, 6, 30)  # 180 days in

    assert expected_sessions_to_date(assignment, A_YEAR_IN) == 2  # 12 × 180 / 729 = 2.96


def test_a_coach_below_nine_tenths_of_the_expected_sessions_is_behind(cohort, program):
    punctual, late = UserFactory(), UserFactory()
    for coach, delivered in ((punctual, 11), (late, 10)):
        contract = CoachContractFactory(program=program, coach=coach)
        for _ in range(2):
            visits(assign(cohort, coach, contract=contract), delivered // 2 + delivered % 2)
    # Each coach owes 6 + 6 = 12 sessions by a year in; 90% of that is 10.8.
    rows = {row.coach: row for row in coach_compliance(program, A_YEAR_IN)}
    assert rows[punctual].expected_to_date == 12
    assert rows[punctual].delivered_to_date == 12
    assert rows[punctual].status == ComplianceStatus.ON_SCHEDULE
    assert rows[late].delivered_to_date == 10
    assert rows[late].status == ComplianceStatus.BEHIND
    assert rows[late].is_behind


def test_exactly_nine_tenths_is_on_schedule(cohort, program):
    coach = UserFactory()
    contract = CoachContractFactory(
        program=program, coach=coach, starts_on=date(2026, 1, 1), ends_on=date(2026, 1, 11)
    )
    visits(assign(cohort, coach, contract=contract, sessions=10), 9, on=date(2026, 1, 5))

    (row,) = coach_compliance(program, date(2026, 2, 1))

    assert (row.expected_to_date, row.delivered_to_date) == (10, 9)
    assert row.status == ComplianceStatus.ON_SCHEDULE


def test_compliance_per_coach_counts_cooperatives_contracted_sessions_and_hours(cohort, program):
    coach = UserFactory()
    contract = CoachContractFactory(program=program, coach=coach)
    first = assign(cohort, coach, contract=contract)
    second = assign(cohort, coach, contract=contract, sessions=8)
    visits(first, 3, minutes=90)
    visits(second, 1, minutes=45)
    visits(second, 1, on=A_YEAR_IN + timedelta(days=1))  # not yet done on the day

    (row,) = coach_compliance(program, A_YEAR_IN)

    assert row.coach == coach
    assert row.cooperatives == 2
    assert row.sessions_contracted == 20
    assert row.expected_to_date == 6 + 4  # 8 × 365 / 729 = 4.005
    assert row.delivered_to_date == 4
    assert row.hours_delivered == Decimal("5.3")  # 315 minutes


def test_visits_by_another_coach_do_not_count_for_the_assigned_coach(cohort, program):
    coach = UserFactory()
    assignment = assign(cohort, coach)
    VisitFactory(member=assignment.member, coach=UserFactory())

    (row,) = coach_compliance(program, A_YEAR_IN)

    assert row.delivered_to_date == 0


def test_other_programs_are_left_out(cohort, program):
    assign(CohortFactory(), UserFactory())

    assert coach_compliance(program, A_YEAR_IN) == []


def test_compliance_per_region_adds_up_the_coaches_working_there(cohort, program):
    north, south = RegionFactory(name_en="North"), RegionFactory(name_en="South")
    one, two = UserFactory(), UserFactory()
    first = CoachContractFactory(program=program, coach=one)
    second = CoachContractFactory(program=program, coach=two)
    visits(assign(cohort, one, contract=first, region=north), 6)
    visits(assign(cohort, two, contract=second, region=north), 2)
    visits(assign(cohort, two, contract=second, region=south), 6)

    rows = region_compliance(program, A_YEAR_IN)

    assert [row.region for row in rows] == [north, south]
    north_row, south_row = rows
    assert (north_row.coach_count, north_row.cooperatives) == (2, 2)
    assert (north_row.expected_to_date, north_row.delivered_to_date) == (12, 8)
    assert north_row.status == ComplianceStatus.BEHIND
    assert (south_row.coach_count, south_row.delivered_to_date) == (1, 6)
    assert south_row.status == ComplianceStatus.ON_SCHEDULE


def test_coaching_hours_are_summed_per_cohort(program, cohort):
    later = CohortFactory(program=program, start_date=date(2027, 1, 1), end_date=date(2027, 12, 31))
    first = assign(cohort, UserFactory())
    visits(first, 2, minutes=90)
    visits(assign(cohort, UserFactory()), 1, minutes=30)
    assign(later, UserFactory())

    rows = coaching_hours_per_cohort(program, A_YEAR_IN)

    assert [row.cohort for row in rows] == [cohort, later]
    assert (rows[0].visits, rows[0].hours, rows[0].cooperatives_visited) == (3, Decimal("3.5"), 2)
    assert (rows[1].visits, rows[1].hours, rows[1].cooperatives) == (0, Decimal("0.0"), 1)


def test_cooperatives_not_visited_for_n_days_include_the_never_visited(program, cohort):
    today = date(2026, 9, 1)
    recent = assign(cohort, UserFactory())
    visits(recent, 1, on=today - timedelta(days=10))
    old = assign(cohort, UserFactory())
    visits(old, 1, on=today - timedelta(days=61))
    on_the_edge = assign(cohort, UserFactory())
    visits(on_the_edge, 1, on=today - timedelta(days=60))
    never = assign(cohort, UserFactory())

    waiting = list(not_visited_since(program, 60, today))

    assert waiting == [never.member, old.member]
    assert waiting[0].last_visited_on is None
    assert waiting[1].last_visited_on == today - timedelta(days=61)
    assert [m.pk for m in not_visited_since(program, 5, today)] == [
        never.member.pk,
        old.member.pk,
        on_the_edge.member.pk,
        recent.member.pk,
    ]
