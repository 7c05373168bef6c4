"""A coach logs a visit in Arabic on a phone: the caseload and the form fit the screen right to
left, the visit saves itself as it is typed, follow-up rows are added in place."""

import pytest
from playwright.sync_api import expect

from accelerator.support.models import CoachingVisit
from tests.diagnostics.factories import CoachAssignmentFactory
from tests.e2e.conftest import PHONE
from tests.factories import build_home_pages
from tests.support.coaching_people import build_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OVERFLOW = "document.documentElement.scrollWidth > document.documentElement.clientWidth"


@pytest.fixture
def assignment():
    build_home_pages()
    assignment = CoachAssignmentFactory(
        coach__username="amina", member__cooperative__legal_name="تعاونية تيفاوين للأركان"
    )
    build_plan(assignment.member, assignment.coach, "Hold the general assembly")
    return assignment


def test_a_visit_is_logged_on_a_phone_right_to_left_and_saves_as_it_is_typed(
    open_page, live_server, assignment, third_party_requests
):
    member = assignment.member
    page = open_page(PHONE)
    page.goto(f"{live_server.url}/ar/workspace/login/")
    page.fill("#id_username", "amina")
    page.fill("#id_password", "correct horse battery")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/ar/workspace/")

    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator(".caseload-card").count() == 1
    assert not page.evaluate(OVERFLOW)

    page.click(f'a[href="/ar/workspace/cooperatives/{member.pk}/visits/new/"]')
    page.wait_for_selector("#id_topics")
    assert not page.evaluate(OVERFLOW)
    page.fill("#id_topics", "تحضير الجمع العام")
    page.wait_for_selector('.autosave-status[data-state="saved"]')
    visit = CoachingVisit.objects.get()
    assert visit.topics == "تحضير الجمع العام"
    assert page.evaluate("location.pathname") == f"/ar/workspace/visits/{visit.pk}/"

    page.select_option("#id_actions-0-status", "in_progress")
    assert page.is_checked("#id_actions-0-worked_on")
    assert not page.locator("[data-remove-check]").first.is_visible()
    page.click("[data-add-follow-up]")
    page.fill("#id_follow_ups-3-description", "إعداد محضر الاجتماع")
    page.fill("#id_follow_ups-3-owner", "الكاتبة")
    page.fill("#id_follow_ups-3-due_on", "2026-06-01")
    expect(page.locator('input[name="follow_ups-3-id"]')).not_to_have_value("")

    visit.refresh_from_db()
    assert visit.follow_ups.get().description == "إعداد محضر الاجتماع"
    assert visit.plan_actions.get().status == "in_progress"
    page.locator("form[data-visit-autosave] button[value=list]").click()
    page.wait_for_url(f"**/ar/workspace/cooperatives/{member.pk}/visits/")
    assert CoachingVisit.objects.count() == 1
    assert visit.follow_ups.count() == 1
    assert third_party_requests == []
