import re

import pytest

from cms.models import EventPage, ProgramIndexPage, ProgramPage, StandardPage
from tests.calls.factories import build_call_pages
from tests.cms.factories import add_page, build_event, build_news, translate

pytestmark = pytest.mark.django_db

DIRECTIONS = {"en": "ltr", "vi": "ltr", "ar": "rtl"}


@pytest.fixture
def every_page(home_pages, indexes, program, open_call):
    """One page of each type, in each language, {type: {code: page}}."""
    calls = build_call_pages(open_call, home_pages)
    programs_index = add_page(home_pages["en"], ProgramIndexPage(title="Programs", slug="programs"))
    program_page = add_page(programs_index, ProgramPage(title="Atlas", program=program))
    standard = add_page(home_pages["en"], StandardPage(title="About", slug="about"))
    news = build_news(
        indexes["news"]["en"], "Kick-off in Agadir", program=program, tags=["kick-off"]
    )
    event = build_event(
        indexes["events"]["en"],
        "Steering committee",
        starts_in_days=5,
        kind=EventPage.Kind.STEERING_COMMITTEE,
        place="Rabat",
    )
    return {
        "home": home_pages,
        "standard": translate(standard),
        "calls index": {code: page.get_parent().specific for code, page in calls.items()},
        "call": calls,
        "programs index": translate(programs_index),
        "program": translate(program_page),
        "news index": indexes["news"],
        "news": translate(news),
        "events index": indexes["events"],
        "event": translate(event),
    }


PAGE_TYPES = [
    "home",
    "standard",
    "calls index",
    "call",
    "programs index",
    "program",
    "news index",
    "news",
    "events index",
    "event",
]


@pytest.mark.parametrize("language", ["en", "vi", "ar"])
def test_every_page_type_renders_in_each_language_with_its_direction(client, every_page, language):
    expected = f'<html lang="{language}" dir="{DIRECTIONS[language]}">'
    for page_type in PAGE_TYPES:
        page = every_page[page_type][language]
        assert page.locale.language_code == language, page_type

        response = client.get(page.url)

        assert response.status_code == 200, page_type
        assert re.search(r"<html[^>]*>", response.content.decode()).group(0) == expected, page_type
