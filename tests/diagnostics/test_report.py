"""The printable report of a cooperative: every section in each language, right-to-left in
Arabic, opened only by its own unguessable link, in a bounded number of queries."""

import re
from decimal import Decimal

import pytest
from django.utils.http import int_to_base36

from accelerator.core.signed_links import sign
from diagnostics import links, plans
from diagnostics.models import Diagnostic
from tests.diagnostics.factories import CoachAssignmentFactory
from tests.diagnostics.plan_setup import *  # noqa: F403 — fixtures
from tests.diagnostics.plan_setup import action_data, finished_diagnostic

pytestmark = pytest.mark.django_db

SECTIONS = ('id="profile"', 'id="scores"', 'id="swot"', 'id="plan"')
QUADRANTS = ("strength", "weakness", "opportunity", "threat")


@pytest.fixture
def full_plan(plan, coach, weakness):
    objective = plans.save_objective(plan, "Accounts the members can trust", user=coach)
    plans.save_action(
        plan,
        action_data(
            plan,
            title="Train the treasurer in bookkeeping",
            objective=objective,
            swot_items=[weakness],
            budget_program=Decimal("12000"),
            budget_cooperative=Decimal("3000"),
        ),
        user=coach,
    )
    return plan


def report(client, member, language):
    return client.get(links.report_path(member, language))


def assert_every_section(page):
    for section in SECTIONS:
        assert section in page, section
    assert "<svg" in page and 'class="radar-chart"' in page
    for quadrant in QUADRANTS:
        assert f"swot-quadrant--{quadrant}" in page, quadrant
    assert "Train the treasurer in bookkeeping" in page
    assert "Accounts the members can trust" in page


def test_arabic_report_reads_right_to_left_with_every_section(client, full_plan):
    response = report(client, full_plan.member, "ar")

    page = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<html lang="ar" dir="rtl">', page)
    assert_every_section(page)
    assert 'direction="rtl"' in page  # the chart is mirrored
    assert "نقاط القوة" in page or "Strengths" in page
    assert full_plan.member.cooperative.legal_name in page


def test_vietnamese_report_has_every_section(client, full_plan):
    response = report(client, full_plan.member, "vi")

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi" dir="ltr">' in page
    assert_every_section(page)
    assert "12.000,00 MAD" in page  # the budget, grouped the Vietnamese way


def test_report_shows_profile_scores_and_the_co_financing_split(client, full_plan):
    page = report(client, full_plan.member, "en").content.decode()

    assert full_plan.member.cooperative.registration_number in page
    assert "Finance" in page  # a domain of the scores table
    assert "12,000.00 MAD" in page and "3,000.00 MAD" in page and "15,000.00 MAD" in page
    assert full_plan.get_status_display() in page


def test_report_links_only_its_own_stylesheets_and_fonts(client, full_plan):
    page = report(client, full_plan.member, "ar").content.decode()

    urls = re.findall(r'(?:src|href)="([^"]+)"', page)
    external = [
        url
        for url in urls
        if re.match(r"^(https?:)?//", url) and not url.startswith("http://testserver/")
    ]
    assert external == []
    assert "/static/css/print-report.css" in page


def test_report_compares_the_end_line_with_the_baseline(client, full_plan, coach, version):
    finished_diagnostic(
        full_plan.member,
        coach,
        version,
        phase=Diagnostic.Phase.ENDLINE,
        levels=dict.fromkeys(("governance", "management", "finance"), 4)
        | dict.fromkeys(("production", "marketing", "digital"), 3),
    )

    page = report(client, full_plan.member, "en").content.decode()

    assert "radar-series-2" in page  # baseline and end-line on one chart
    assert "+100" in page  # finance went from 0 to 100


def test_report_of_a_cooperative_without_diagnostic_or_plan_still_opens(client, member):
    page = report(client, member, "en").content.decode()

    assert 'id="profile"' in page
    assert "No diagnostic of this cooperative is completed yet." in page
    assert "The development plan is not drawn up yet." in page


# The link ---------------------------------------------------------------------------------


def test_a_forged_or_altered_link_is_404(client, full_plan):
    token = links.make_token(full_plan.member)
    altered = token[:-1] + ("0" if token[-1] != "0" else "1")

    for bad in (altered, "1-" + "a" * 40, "nothing", token + "-1"):
        assert client.get(f"/en/report/{bad}/").status_code == 404, bad


def test_another_cooperatives_link_opens_only_that_cooperative(client, full_plan):
    other = CoachAssignmentFactory().member
    other_token = links.make_token(other)
    # This report's signature on the other cooperative's id: a forgery.
    spliced = f"{int_to_base36(other.pk)}-{links.make_token(full_plan.member).split('-')[1]}"

    assert client.get(f"/en/report/{spliced}/").status_code == 404
    page = client.get(f"/en/report/{other_token}/").content.decode()
    assert other.cooperative.legal_name in page
    assert full_plan.member.cooperative.legal_name not in page
    assert "Train the treasurer in bookkeeping" not in page


def test_a_link_signed_for_another_purpose_does_not_open_a_report(client, full_plan):
    token = sign("calls.application-access", int_to_base36(full_plan.member.pk))

    assert client.get(f"/en/report/{token}/").status_code == 404


def test_the_coach_and_the_office_find_the_link(client, full_plan, coach, office):
    path = links.report_path(full_plan.member, "en")
    client.force_login(coach)
    plan_page = client.get(f"/en/workspace/cooperatives/{full_plan.member.pk}/plan/")
    assert path in plan_page.content.decode()

    plans.submit(full_plan, user=coach)
    client.force_login(office)
    admin_page = client.get(f"/admin/plans/{full_plan.pk}/").content.decode()
    assert links.make_token(full_plan.member) in admin_page


def test_the_report_is_not_cached_or_indexed(client, full_plan):
    response = report(client, full_plan.member, "en")

    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_report_runs_a_bounded_number_of_queries(
    client, full_plan, coach, weakness, django_assert_max_num_queries
):
    for number in range(15):
        plans.save_action(
            plan=full_plan, data=action_data(full_plan, title=f"A{number}"), user=coach
        )

    with django_assert_max_num_queries(20):
        response = report(client, full_plan.member, "ar")

    assert response.status_code == 200
