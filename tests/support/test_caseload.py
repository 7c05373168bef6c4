"""My cooperatives: the coach's caseload, what needs attention first, in a bounded number of
queries whatever its size."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from accelerator.selection.models import CohortMember
from accelerator.support.compliance import Attention, caseload
from diagnostics.models import PlanAction
from tests.diagnostics.factories import CoachAssignmentFactory
from tests.factories import UserFactory
from tests.support.coaching import FollowUpFactory, VisitFactory
from tests.support.coaching_people import build_plan

pytestmark = pytest.mark.django_db

TODAY = date(2026, 9, 1)


def days_ago(days, today=TODAY):
    return today - timedelta(days=days)


@pytest.fixture
def coach():
    return UserFactory(username="coach")


def assigned(coach, name, **extra):
    return CoachAssignmentFactory(coach=coach, member__cooperative__legal_name=name, **extra).member


def visit(member, coach, days, **extra):
    return VisitFactory(member=member, coach=coach, visited_on=days_ago(days), **extra)


def test_overdue_visits_and_follow_ups_come_first_then_never_visited_then_oldest_visit(coach):
    recent = assigned(coach, "Recent")
    visit(recent, coach, 5, next_visit_on=days_ago(-20))
    older = assigned(coach, "Older")
    visit(older, coach, 40)
    never = assigned(coach, "Never")
    late_visit = assigned(coach, "Late visit")
    visit(late_visit, coach, 10, next_visit_on=days_ago(1))
    late_follow_up = assigned(coach, "Late follow-up")
    FollowUpFactory(
        visit=visit(late_follow_up, coach, 3, next_visit_on=days_ago(-30)), due_on=days_ago(2)
    )

    members = list(caseload(coach, TODAY))

    assert members == [late_visit, late_follow_up, never, older, recent]
    assert [member.attention for member in members] == [
        Attention.OVERDUE,
        Attention.OVERDUE,
        Attention.NEVER_VISITED,
        Attention.UP_TO_DATE,
        Attention.UP_TO_DATE,
    ]


def test_each_cooperative_carries_its_visits_sessions_follow_ups_and_plan_progress(coach):
    member = assigned(coach, "Hợp tác xã Tân Phú", contracted_sessions=12)
    for days in (60, 30):
        visit(member, coach, days)
    visit(member, UserFactory(), 20)  # a co-coach's visit: the last visit, not this coach's session
    latest = visit(member, coach, 10, next_visit_on=days_ago(3))
    FollowUpFactory(visit=latest, due_on=days_ago(1))
    FollowUpFactory(visit=latest, due_on=days_ago(-5))
    FollowUpFactory(visit=latest, due_on=days_ago(9), done_on=days_ago(8))
    visit(member, coach, -2)  # logged ahead: not delivered yet
    first, second, dropped = build_plan(member, coach, "Assembly", "Stock", "Dropped")
    PlanAction.objects.filter(pk=first.pk).update(progress=100, status="done")
    PlanAction.objects.filter(pk=second.pk).update(progress=50)
    PlanAction.objects.filter(pk=dropped.pk).update(progress=0, status="dropped")

    (row,) = caseload(coach, TODAY)

    assert row.last_visited_on == days_ago(10)
    assert (row.sessions_delivered, row.sessions_contracted) == (3, 12)
    assert row.next_visit_on == days_ago(3)
    assert row.next_visit_overdue
    assert (row.open_follow_ups, row.overdue_follow_ups) == (2, 1)
    assert row.plan_progress == 75


def test_a_cooperative_without_visits_or_plan_is_never_visited_with_no_progress(coach):
    assigned(coach, "New")

    (row,) = caseload(coach, TODAY)

    assert row.last_visited_on is None
    assert row.next_visit_on is None
    assert not row.next_visit_overdue
    assert (row.sessions_delivered, row.open_follow_ups, row.overdue_follow_ups) == (0, 0, 0)
    assert row.plan_progress is None
    assert row.attention == Attention.NEVER_VISITED


def test_only_current_assignments_of_active_cooperatives_are_listed(coach):
    mine = assigned(coach, "Mine")
    assigned(coach, "Ended", ended_on=days_ago(10))
    withdrawn = assigned(coach, "Withdrawn")
    CohortMember.objects.filter(pk=withdrawn.pk).update(status=CohortMember.Status.WITHDRAWN)
    assigned(UserFactory(), "Someone else's")

    assert list(caseload(coach, TODAY)) == [mine]


# The page --------------------------------------------------------------------------------------


def build_caseload(coach, size):
    today = timezone.localdate()
    for index in range(size):
        member = assigned(coach, f"Cooperative {index:02d}")
        if index % 3:
            latest = VisitFactory(
                member=member,
                coach=coach,
                visited_on=today - timedelta(days=index + 1),
                next_visit_on=today + timedelta(days=10 - index),
            )
            FollowUpFactory(visit=latest, due_on=today - timedelta(days=index % 2))
        if index % 5 == 0:
            build_plan(member, coach, "Assembly", "Stock")


@pytest.mark.parametrize("size", [3, 30])
def test_the_caseload_page_runs_a_bounded_number_of_queries(
    client, coach, size, django_assert_max_num_queries
):
    build_caseload(coach, size)
    client.force_login(coach)

    with django_assert_max_num_queries(7):
        response = client.get("/en/workspace/")

    assert response.status_code == 200
    assert len(response.context["members"]) == min(size, 25)
    assert response.context["page"].paginator.count == size


def test_a_large_caseload_comes_a_page_at_a_time_in_attention_order(client, coach):
    today = timezone.localdate()
    for number in range(30):
        member = assigned(coach, f"Cooperative {number:02d}")
        if number < 3:
            VisitFactory(
                member=member,
                coach=coach,
                visited_on=today - timedelta(days=20),
                next_visit_on=today - timedelta(days=1),
            )
    client.force_login(coach)

    first = client.get("/vi/workspace/")
    second = client.get("/vi/workspace/", {"page": 2})

    names = [m.cooperative.legal_name for m in first.context["members"]]
    assert len(names) == 25
    assert names[:3] == ["Cooperative 00", "Cooperative 01", "Cooperative 02"]  # overdue first
    later = [m.cooperative.legal_name for m in second.context["members"]]
    assert len(later) == 5
    assert not set(names) & set(later)
    page = first.content.decode()
    assert "30 hợp tác xã" in page
    assert 'rel="next" href="?page=2"' in page


def test_a_coach_finds_one_of_their_cooperatives_by_name_and_never_another_coachs(client, coach):
    mine = assigned(coach, "Hợp tác xã Sen Vàng")
    assigned(coach, "Coopérative Tifawin")
    assigned(UserFactory(), "Hợp tác xã Sen Hồng")  # another coach's
    client.force_login(coach)

    found = client.get("/en/workspace/", {"q": "sen"})
    nothing = client.get("/ar/workspace/", {"q": "Hồng"})

    assert list(found.context["members"]) == [mine]
    assert 'value="sen"' in found.content.decode()
    assert list(nothing.context["members"]) == []
    assert "Sen Hồng" not in nothing.content.decode().replace("“Hồng”", "")
    assert 'href="/ar/workspace/"' in nothing.content.decode()


def test_a_card_shows_sessions_flags_and_progress_in_the_readers_language(client, coach):
    today = timezone.localdate()
    member = assigned(coach, "Coopérative Tifawin", contracted_sessions=12)
    for days in range(5, 10):
        latest = VisitFactory(
            member=member,
            coach=coach,
            visited_on=today - timedelta(days=days * 10),
            next_visit_on=today - timedelta(days=2),
        )
    FollowUpFactory(visit=latest, due_on=today - timedelta(days=1))
    build_plan(member, coach, "Assembly")
    PlanAction.objects.filter(plan__member=member).update(progress=40)
    client.force_login(coach)

    english = client.get("/en/workspace/").content.decode()
    arabic = client.get("/ar/workspace/").content.decode()

    assert "5 of 12" in english
    assert english.count('class="flag flag--overdue"') == 2
    assert '<progress max="100" value="40"' in english
    assert f'href="/en/workspace/cooperatives/{member.pk}/visits/new/"' in english
    assert f'href="/en/workspace/cooperatives/{member.pk}/"' in english
    assert 'dir="rtl"' in arabic
    assert "<bdi>Coopérative Tifawin</bdi>" in arabic
