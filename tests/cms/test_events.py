import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from cms.models import EventPage
from tests.cms.factories import add_page, build_event

pytestmark = pytest.mark.django_db


def section(content, heading_id):
    return content.split(f'id="{heading_id}"')[1].split("</section>")[0]


def titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]*" dir="auto">([^<]*)</a>', html)


def test_event_index_lists_upcoming_events_soonest_first_then_past_ones_latest_first(
    client, indexes
):
    index = indexes["events"]["en"]
    build_event(index, "Mid-term review", starts_in_days=40)
    build_event(index, "Training of trainers", starts_in_days=3)
    build_event(index, "Kick-off meeting", starts_in_days=-90)
    build_event(index, "Steering committee", starts_in_days=-10)

    content = client.get(index.url).content.decode()

    assert titles(section(content, "events-upcoming")) == [
        "Training of trainers",
        "Mid-term review",
    ]
    assert titles(section(content, "events-past")) == ["Steering committee", "Kick-off meeting"]


def test_an_event_under_way_is_still_upcoming(client, indexes):
    index = indexes["events"]["en"]
    build_event(index, "Two-day workshop", starts_in_days=-1, hours=48)

    content = client.get(index.url).content.decode()

    assert titles(section(content, "events-upcoming")) == ["Two-day workshop"]
    assert 'id="events-past"' not in content


def test_past_and_upcoming_lists_page_separately(client, indexes):
    index = indexes["events"]["en"]
    for day in range(1, 13):
        build_event(index, f"Past {day:02}", starts_in_days=-day)
    build_event(index, "Next", starts_in_days=2)

    content = client.get(index.url, {"past": 2}).content.decode()

    assert titles(section(content, "events-past")) == ["Past 11", "Past 12"]
    assert titles(section(content, "events-upcoming")) == ["Next"]


def test_event_page_shows_its_times_on_its_own_clock_with_the_zone_named(client, indexes):
    casablanca = ZoneInfo("Africa/Casablanca")
    event = add_page(
        indexes["events"]["en"],
        EventPage(
            title="Steering committee",
            kind=EventPage.Kind.STEERING_COMMITTEE,
            start=datetime(2026, 6, 10, 9, 30, tzinfo=casablanca),
            end=datetime(2026, 6, 10, 13, 0, tzinfo=casablanca),
            time_zone="Africa/Casablanca",
            place="Rabat",
            mode=EventPage.Mode.HYBRID,
            participants=1250,
        ),
    )

    content = client.get(event.url).content.decode()

    assert '<time datetime="2026-06-10T09:30:00+01:00">' in content
    assert "Morocco (Africa/Casablanca)" in content
    assert "Hybrid" in content
    assert "Steering committee meeting" in content
    assert "<dd>1,250</dd>" in content


def test_an_event_cannot_end_before_it_starts(indexes):
    from django.core.exceptions import ValidationError

    casablanca = ZoneInfo("Africa/Casablanca")
    event = EventPage(
        title="Workshop",
        kind=EventPage.Kind.WORKSHOP,
        start=datetime(2026, 3, 10, 9, tzinfo=casablanca),
        end=datetime(2026, 3, 9, 9, tzinfo=casablanca),
    )

    with pytest.raises(ValidationError):
        indexes["events"]["en"].add_child(instance=event)
