"""The weekly digests: what a coach is told about their cooperatives and the office about coaches
behind their contract, in each reader's language, once a week, never to someone who opted out or
has nothing to hear about."""

import re
from datetime import date, timedelta

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.utils import timezone
from wagtail.users.models import UserProfile

from accelerator.celery import app
from accelerator.notifications.models import Event, OutboxMessage
from accelerator.programs.models import Membership
from accelerator.support import digests, tasks
from accelerator.support.models import DigestPreference
from diagnostics.models import Diagnostic
from tests.admin.factories import CohortFactory, MembershipFactory
from tests.diagnostics.factories import (
    CoachAssignmentFactory,
    CohortMemberFactory,
    DiagnosticFactory,
)
from tests.factories import UserFactory
from tests.support.coaching import FollowUpFactory, VisitFactory

pytestmark = pytest.mark.django_db

#: A Wednesday of ISO week 24; the cohort runs 2026-03-01 → 2026-12-31.
TODAY = date(2026, 6, 10)
NEXT_WEEK = TODAY + timedelta(days=7)
ARABIC_INDIC_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


@pytest.fixture
def cohort(db):
    return CohortFactory(
        program__name_en="Cooperative support programme",
        program__name_ar="برنامج دعم التعاونيات",
        program__name_vi="Chương trình hỗ trợ hợp tác xã",
    )


@pytest.fixture
def coach(db):
    coach = UserFactory(username="hoa", first_name="Hoa", last_name="Trần")
    DigestPreference.objects.create(user=coach, language="vi")
    return coach


def assign(cohort, coach, name, *, baseline=Diagnostic.Status.COMPLETED):
    member = CohortMemberFactory(cohort=cohort, cooperative__legal_name=name)
    CoachAssignmentFactory(member=member, coach=coach)
    if baseline:
        DiagnosticFactory(member=member, coach=coach, status=baseline)
    return member


def visit(member, coach, visited_on, next_visit_on):
    return VisitFactory(
        member=member, coach=coach, visited_on=visited_on, next_visit_on=next_visit_on
    )


@pytest.fixture
def caseload(cohort, coach):
    """Three cooperatives: one with an overdue visit and a draft baseline, one with follow-ups,
    one with no diagnostic at all."""
    overdue = assign(cohort, coach, "HTX Chè Tân Cương", baseline=Diagnostic.Status.DRAFT)
    visit(overdue, coach, date(2026, 5, 1), date(2026, 6, 1))
    with_follow_ups = assign(cohort, coach, "HTX Mật ong Bắc Kạn")
    done = visit(with_follow_ups, coach, date(2026, 6, 5), date(2026, 7, 1))
    FollowUpFactory(visit=done, description="Send the price list", due_on=date(2026, 6, 15))
    FollowUpFactory(visit=done, description="Book the fair stand", due_on=date(2026, 6, 1))
    FollowUpFactory(visit=done, description="Print new labels", due_on=date(2026, 6, 30))
    FollowUpFactory(
        visit=done,
        description="Open a bank account",
        due_on=date(2026, 6, 2),
        done_on=date(2026, 6, 2),
    )
    assign(cohort, coach, "HTX Gạo Séng Cù", baseline=None)
    return coach


@pytest.fixture
def office(cohort):
    """An officer of the program reading Arabic (from their admin profile)."""
    person = MembershipFactory(
        program=cohort.program,
        role=Membership.Role.OFFICER,
        user__username="samira",
        user__first_name="Samira",
        user__last_name="Alaoui",
    ).user
    UserProfile.objects.create(user=person, preferred_language="ar")
    return person


def messages(event=None):
    queryset = OutboxMessage.objects.order_by("pk")
    return list(queryset.filter(event=event) if event else queryset)


# What a coach is told ------------------------------------------------------------------------


def test_the_coach_digest_lists_overdue_visits_follow_ups_due_and_pending_diagnostics(caseload):
    digests.send_weekly_digests(TODAY)

    (message,) = messages(Event.COACH_DIGEST)
    body = message.body
    assert message.recipient == caseload.email
    assert "HTX Chè Tân Cương: " in body
    assert "01/06/2026" in body
    assert "Send the price list" in body
    assert "15/06/2026" in body
    assert "Book the fair stand" in body
    assert "Print new labels" not in body
    assert "Open a bank account" not in body
    assert "HTX Gạo Séng Cù" in body
    assert body.count("HTX Mật ong Bắc Kạn") == 2


def test_the_coach_digest_is_in_vietnamese_with_latin_digits(caseload):
    digests.send_weekly_digests(TODAY)

    (message,) = messages(Event.COACH_DIGEST)
    assert message.language == "vi"
    assert message.body.startswith("Xin chào,")
    assert "Đầu kỳ" in message.body
    assert "08/06/2026" in message.subject
    assert "10/06/2026" in message.body
    assert not ARABIC_INDIC_DIGITS.search(message.body)


def test_the_coach_digest_ends_with_the_link_to_opt_out_in_their_language(caseload):
    digests.send_weekly_digests(TODAY)

    (message,) = messages(Event.COACH_DIGEST)
    assert message.body.rstrip().endswith("http://testserver/vi/workspace/e-mails/")


def test_a_coach_with_nothing_to_report_gets_no_email(cohort, coach):
    member = assign(cohort, coach, "HTX Rau sạch")
    visit(member, coach, date(2026, 6, 1), date(2026, 6, 20))

    assert digests.send_weekly_digests(TODAY) == 0
    assert messages() == []


def test_a_visit_made_after_the_due_date_is_no_longer_overdue(cohort, coach):
    member = assign(cohort, coach, "HTX Rau sạch")
    visit(member, coach, date(2026, 5, 1), date(2026, 6, 1))
    visit(member, coach, date(2026, 6, 3), None)

    assert digests.send_weekly_digests(TODAY) == 0


def test_an_ended_assignment_brings_no_digest(cohort, coach):
    member = assign(cohort, coach, "HTX Gạo", baseline=None)
    member.coach_assignments.update(ended_on=date(2026, 5, 1))

    assert digests.send_weekly_digests(TODAY) == 0


# What the program office is told -------------------------------------------------------------


def test_the_office_summary_lists_the_coaches_behind_their_contract_in_arabic(
    cohort, caseload, office
):
    on_schedule = UserFactory(username="minh", first_name="Minh", last_name="Lê")
    member = assign(cohort, on_schedule, "HTX Cà phê")
    for day in (1, 2, 3, 4):
        visit(member, on_schedule, date(2026, 4, day), date(2026, 7, 1))

    digests.send_weekly_digests(TODAY)

    (message,) = messages(Event.OFFICE_DIGEST)
    body = message.body
    assert message.language == "ar"
    assert body.startswith("مرحباً،")
    assert "برنامج دعم التعاونيات" in body
    assert "Hoa Trần" in body
    assert "Minh Lê" not in body
    (line,) = [line for line in body.splitlines() if "Hoa Trần" in line]
    # Three cooperatives, 12 sessions each: 2 delivered where 9 were due by 10 June.
    assert re.findall(r"\d+", line) == ["2", "9", "36", "3"]
    assert "10/06/2026" in body
    assert not ARABIC_INDIC_DIGITS.search(body)
    assert message.subject
    assert body.rstrip().endswith("http://testserver/ar/workspace/e-mails/")


def test_an_office_whose_coaches_are_on_schedule_gets_no_email(cohort, office):
    coach = UserFactory()
    member = assign(cohort, coach, "HTX Cà phê")
    for day in (1, 2, 3, 4):
        visit(member, coach, date(2026, 4, day), date(2026, 7, 1))

    digests.send_weekly_digests(TODAY)

    assert messages(Event.OFFICE_DIGEST) == []


def test_the_office_of_another_program_hears_nothing_of_this_one(caseload):
    other = MembershipFactory(role=Membership.Role.ADMINISTRATOR).user

    digests.send_weekly_digests(TODAY)

    assert other.email not in {message.recipient for message in messages()}


# Once a week, and only to those who want it --------------------------------------------------


def test_running_twice_in_a_week_sends_nothing_twice(caseload, office):
    first = digests.send_weekly_digests(TODAY)
    second = digests.send_weekly_digests(TODAY + timedelta(days=2))

    assert (first, second) == (2, 0)
    assert len(messages()) == 2
    assert {message.dedup_key for message in messages()} == {
        f"digest:coach:{caseload.pk}:2026-W24",
        f"digest:office:{office.pk}:2026-W24",
    }


def test_the_next_week_brings_new_digests(caseload, office):
    digests.send_weekly_digests(TODAY)

    assert digests.send_weekly_digests(NEXT_WEEK) == 2
    assert len(messages(Event.COACH_DIGEST)) == 2
    assert len(messages(Event.OFFICE_DIGEST)) == 2


def test_a_coach_who_opted_out_gets_nothing(caseload, office):
    DigestPreference.objects.filter(user=caseload).update(weekly_digest=False)

    digests.send_weekly_digests(TODAY)

    assert messages(Event.COACH_DIGEST) == []
    assert len(messages(Event.OFFICE_DIGEST)) == 1


def test_an_office_person_who_opted_out_gets_nothing(caseload, office):
    DigestPreference.objects.create(user=office, weekly_digest=False, language="ar")

    digests.send_weekly_digests(TODAY)

    assert messages(Event.OFFICE_DIGEST) == []


def test_the_weekly_task_is_scheduled_on_monday_morning_and_sends_the_digests(cohort, coach):
    today = timezone.localdate()
    member = assign(cohort, coach, "HTX Chè", baseline=None)
    member.coach_assignments.update(started_on=today - timedelta(days=30))

    assert tasks.send_weekly_digests.delay().get() == 1
    assert tasks.send_weekly_digests.delay().get() == 0
    entry = settings.CELERY_BEAT_SCHEDULE["weekly-digests"]
    assert entry["task"] == "accelerator.support.tasks.send_weekly_digests"
    assert entry["schedule"] == crontab(minute=0, hour=6, day_of_week="mon")
    assert entry["task"] in app.tasks


def test_the_digest_task_runs_a_bounded_number_of_queries(
    cohort, office, django_assert_max_num_queries
):
    def coaches(count):
        for _ in range(count):
            coach = UserFactory()
            member = assign(cohort, coach, "HTX", baseline=Diagnostic.Status.DRAFT)
            done = visit(member, coach, date(2026, 5, 1), date(2026, 6, 1))
            FollowUpFactory(visit=done, due_on=date(2026, 6, 12))

    coaches(2)
    with django_assert_max_num_queries(12):
        assert digests.send_weekly_digests(TODAY) == 3
    coaches(15)
    with django_assert_max_num_queries(12):
        assert digests.send_weekly_digests(NEXT_WEEK) == 18


# Language and preferences --------------------------------------------------------------------


def test_the_language_is_the_chosen_one_else_the_admin_profiles_else_english(db):
    chosen = UserFactory()
    DigestPreference.objects.create(user=chosen, language="ar")
    UserProfile.objects.create(user=chosen, preferred_language="vi")
    from_profile = UserFactory()
    UserProfile.objects.create(user=from_profile, preferred_language="vi")
    nothing = UserFactory()

    assert digests.recipient_language(chosen) == "ar"
    assert digests.recipient_language(from_profile) == "vi"
    assert digests.recipient_language(nothing) == "en"


def test_the_preferences_page_offers_the_admin_profile_language_first(client, office):
    client.force_login(office)

    response = client.get("/ar/workspace/e-mails/")

    assert response.status_code == 200
    assert response.context["form"].initial == {"weekly_digest": True, "language": "ar"}


def test_a_person_switches_the_digest_off_and_chooses_its_language(client, caseload, office):
    client.force_login(office)

    response = client.post("/en/workspace/e-mails/", {"language": "vi"})

    assert response.status_code == 302
    preference = DigestPreference.objects.get(user=office)
    assert (preference.weekly_digest, preference.language) == (False, "vi")
    digests.send_weekly_digests(TODAY)
    assert messages(Event.OFFICE_DIGEST) == []


def test_a_person_switches_the_digest_back_on(client, caseload):
    DigestPreference.objects.filter(user=caseload).update(weekly_digest=False)
    client.force_login(caseload)

    client.post("/vi/workspace/e-mails/", {"weekly_digest": "on", "language": "en"})

    digests.send_weekly_digests(TODAY)
    (message,) = messages(Event.COACH_DIGEST)
    assert message.language == "en"
    assert message.body.startswith("Hello,")


def test_the_preferences_page_asks_to_sign_in(client, db):
    response = client.get("/vi/workspace/e-mails/")

    assert response.status_code == 302
    assert response["Location"].startswith("/vi/workspace/login/")
