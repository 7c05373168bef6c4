"""Who may see and change a diagnostic: its assigned coach fills it in; the office of its
program reads, validates and reopens it; everyone else gets a 404 (anonymous: the sign-in)."""

import json

import pytest

from diagnostics import services
from diagnostics.models import Answer
from tests.diagnostics.factories import answer_all, complete_swot
from tests.diagnostics.people import *  # noqa: F403 — fixtures

READERS = {
    "coach": 200,
    "second_coach": 200,
    "office": 200,
    "other_coach": 404,
    "other_office": 404,
}
WORKSPACE_PAGES = ["", "domains/{domain}/", "swot/", "meta/"]


def page(diagnostic, questions, suffix, language="vi"):
    path = suffix.format(domain=questions[0].domain_id)
    return f"/{language}/workspace/diagnostics/{diagnostic.pk}/{path}"


def autosave(client, diagnostic, question, level="3"):
    key = f"level_{question.pk}"
    return client.post(
        f"/vi/workspace/diagnostics/{diagnostic.pk}/autosave/",
        json.dumps({"revision": diagnostic.revision, "fields": {key: level}, "base": {key: ""}}),
        content_type="application/json",
    )


@pytest.mark.parametrize("suffix", WORKSPACE_PAGES)
@pytest.mark.parametrize(("who", "status"), READERS.items())
def test_workspace_pages_of_a_diagnostic(
    client, request, diagnostic, questions, suffix, who, status
):
    client.force_login(request.getfixturevalue(who))

    response = client.get(page(diagnostic, questions, suffix))

    assert response.status_code == status


@pytest.mark.parametrize("suffix", WORKSPACE_PAGES)
def test_anonymous_is_sent_to_the_workspace_sign_in(client, diagnostic, questions, suffix):
    url = page(diagnostic, questions, suffix)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/vi/workspace/login/?next=")


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("coach", 200),
        ("second_coach", 200),
        ("office", 404),
        ("other_coach", 404),
        ("other_office", 404),
    ],
)
def test_only_the_coaches_of_the_cooperative_can_save(
    client, request, diagnostic, questions, who, status
):
    client.force_login(request.getfixturevalue(who))

    response = autosave(client, diagnostic, questions[0])

    assert response.status_code == status
    assert Answer.objects.filter(level=3).exists() == (status == 200)


def test_anonymous_autosave_is_refused_and_says_to_sign_in(client, diagnostic, questions):
    response = autosave(client, diagnostic, questions[0])

    assert response.status_code == 401
    assert response.json()["error"] == "signed_out"
    assert not Answer.objects.exists()


@pytest.mark.parametrize("who", ["office", "other_coach", "other_office"])
def test_posting_a_domain_form_is_refused_to_others(client, request, diagnostic, questions, who):
    client.force_login(request.getfixturevalue(who))

    response = client.post(
        page(diagnostic, questions, "domains/{domain}/"),
        {"revision": 1, f"level_{questions[0].pk}": "2", f"initial-level_{questions[0].pk}": ""},
    )

    assert response.status_code == 404
    assert not Answer.objects.exists()


def test_office_reads_the_diagnostic_without_the_means_to_change_it(
    client, diagnostic, office, questions
):
    client.force_login(office)

    content = client.get(page(diagnostic, questions, "domains/{domain}/")).content.decode()

    assert "data-autosave-url" not in content
    assert 'type="radio"' not in content


def test_starting_a_diagnostic_of_another_coachs_cooperative_is_404(client, member, other_coach):
    client.force_login(other_coach)

    response = client.post(
        f"/en/workspace/cooperatives/{member.pk}/diagnostics/start/", {"phase": "midterm"}
    )

    assert response.status_code == 404
    assert not member.diagnostics.filter(phase="midterm").exists()


@pytest.fixture
def completed(diagnostic, coach):
    answer_all(diagnostic, level=1)
    complete_swot(diagnostic)
    return services.complete(diagnostic, coach)


def test_no_edit_of_a_completed_diagnostic_by_its_own_coach(client, completed, coach, questions):
    client.force_login(coach)

    saved = autosave(client, completed, questions[0], level="4")
    posted = client.post(
        page(completed, questions, "domains/{domain}/"),
        {
            "revision": completed.revision,
            f"level_{questions[0].pk}": "4",
            f"initial-level_{questions[0].pk}": "1",
        },
    )
    meta = client.post(
        page(completed, questions, "meta/"), {"revision": completed.revision, "place": "Elsewhere"}
    )
    added = client.post(
        page(completed, questions, "swot/add/"),
        {
            "quadrant": "threat",
            "add-threat-description": "Late rains",
            "add-threat-priority": "low",
        },
    )

    assert saved.status_code == 409 and saved.json()["error"] == "read_only"
    assert posted.status_code == 302 and meta.status_code == 302 and added.status_code == 302
    assert not Answer.objects.filter(level=4).exists()
    assert completed.swot_items.count() == 4
    completed.refresh_from_db()
    assert completed.place != "Elsewhere"


@pytest.mark.parametrize(("who", "status"), [("office", 200), ("other_office", 404)])
def test_office_screen_of_a_diagnostic(client, request, completed, who, status):
    client.force_login(request.getfixturevalue(who))

    response = client.get(f"/admin/diagnostic-validation/{completed.pk}/")

    assert response.status_code == status


@pytest.mark.parametrize("who", ["other_office"])
def test_office_of_another_program_can_neither_validate_nor_reopen(client, request, completed, who):
    client.force_login(request.getfixturevalue(who))

    validated = client.post(f"/admin/diagnostic-validation/{completed.pk}/validate/")
    reopened = client.post(
        f"/admin/diagnostic-validation/{completed.pk}/reopen/", {"reason": "Because"}
    )

    assert (validated.status_code, reopened.status_code) == (404, 404)
    completed.refresh_from_db()
    assert completed.status == "completed"


def test_the_awaiting_list_shows_only_the_persons_programs(client, completed, other_office):
    client.force_login(other_office)

    response = client.get("/admin/diagnostic-validation/")

    assert response.status_code == 200
    assert completed.member.cooperative.legal_name not in response.content.decode()


def test_the_office_menu_item_is_shown_only_to_office_staff(client, office, coach):
    from django.test import RequestFactory
    from wagtail.admin.menu import admin_menu

    request = RequestFactory().get("/admin/")
    request.user = office
    shown = [item.name for item in admin_menu.menu_items_for_request(request)]
    request.user = coach
    hidden = [item.name for item in admin_menu.menu_items_for_request(request)]

    assert any("diagnostics-to-validate" in name for name in shown)
    assert not any("diagnostics-to-validate" in name for name in hidden)
