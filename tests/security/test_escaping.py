"""Whatever people type is shown as text, never run: names, application answers, SWOT
descriptions, visit notes, and the rich text editors write, on the public site, the workspace,
the report and the back-office."""

import json

import pytest
from django.urls import reverse
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from accelerator.calls.models import Application
from cms.blocks import RICH_TEXT_FEATURES
from diagnostics import links as report_links
from diagnostics.models import SwotItem
from tests.calls.conftest import call, call_pages, form_data, places  # noqa: F401 — fixtures
from tests.calls.helpers import start, statutes
from tests.diagnostics.factories import SwotItemFactory
from tests.factories import StaffFactory
from tests.results.conftest import scenario  # noqa: F401 — fixture
from tests.security.pages import inline_code, walk
from tests.support.coaching import VisitFactory

pytestmark = pytest.mark.django_db

ATTACK = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"


def assert_shown_as_text(content, where):
    assert "<script>alert" not in content, where
    assert "<img src=x onerror" not in content, where
    assert inline_code(content) == [], where


def test_application_answers_are_text_on_the_form_the_status_page_and_in_the_back_office(
    client,
    call_pages,  # noqa: F811
    form_data,  # noqa: F811
):
    _draft, url = start(client, call_pages["en"])
    typed = form_data(legal_name=ATTACK, contact_name=ATTACK, q_project=ATTACK, commune=ATTACK)
    client.post(url, {**typed, "action": "save"})
    form_page = client.get(url).content.decode()
    client.post(url, {**typed, "action": "submit", "q_statutes": statutes()})
    status_page = client.get(url).content.decode()
    application = Application.objects.get()
    client.force_login(StaffFactory())
    inspect = client.get(reverse("application:inspect", args=[application.pk])).content.decode()
    listing = client.get(reverse("application:index")).content.decode()

    assert application.status == Application.Status.SUBMITTED
    assert ESCAPED in form_page and ESCAPED in inspect
    for content, where in (
        (form_page, "form"),
        (status_page, "status"),
        (inspect, "inspect"),
        (listing, "list"),
    ):
        assert "<script>alert" not in content, where
        assert "<img src=x onerror" not in content, where


def test_names_swot_and_visit_notes_are_text_in_the_workspace_and_the_report(
    client,
    scenario,  # noqa: F811
):
    coach = scenario.coaches["X"]
    coach.first_name = ATTACK
    coach.save()
    member = scenario.members["A"]
    member.cooperative.legal_name = ATTACK
    member.cooperative.save()
    diagnostic = member.diagnostics.first()
    for quadrant in SwotItem.Quadrant.values:
        SwotItemFactory(diagnostic=diagnostic, quadrant=quadrant, description=ATTACK)
    VisitFactory(member=member, coach=coach, topics=ATTACK, advice=ATTACK, decisions=ATTACK)
    client.force_login(coach)

    pages = dict(walk(client, ["/en/workspace/", "/ar/workspace/"], within=("/en/workspace/",)))
    pages["report"] = client.get(report_links.report_path(member, "ar"))

    assert any("/swot/" in url for url in pages)
    assert any("/visits/" in url for url in pages)
    for where, response in pages.items():
        assert_shown_as_text(response.content.decode(), where)


def test_rich_text_from_the_editor_keeps_neither_scripts_nor_handlers(client, call_pages):  # noqa: F811
    typed_in_the_editor = {
        "blocks": [
            {
                "key": "a",
                "type": "unstyled",
                "text": ATTACK,
                "entityRanges": [{"offset": 0, "length": 8, "key": 0}],
            },
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}}
        },
    }
    stored = ContentstateConverter(RICH_TEXT_FEATURES).to_database_format(
        json.dumps(typed_in_the_editor)
    )
    page = call_pages["en"]
    page.objectives = stored
    page.save_revision().publish()

    content = client.get(page.url).content.decode()

    assert ESCAPED.split("alert")[0] in content
    assert_shown_as_text(content, "call page")
