from datetime import timedelta

import pytest
from django.utils import timezone

from tests.calls.factories import CallFactory, build_call_pages

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "state_word", "target"),
    [
        ("en", "Open", "500 cooperatives"),
        ("vi", "Đang mở", "500 hợp tác xã"),
        ("ar", "مفتوحة", "500 تعاونية"),
    ],
)
def test_open_call_page_says_it_is_open_and_how_many_cooperatives_it_seeks(
    client, call_pages, language, state_word, target
):
    content = client.get(call_pages[language].url).content.decode()

    assert state_word in content
    assert target in content
    assert f'href="{call_pages[language].url}apply/"' in content


def test_deadline_is_shown_on_the_calls_clock_in_the_readers_format(client, call, call_pages):
    call.closes_at = timezone.datetime(2027, 3, 15, 23, 59, tzinfo=call.tzinfo)
    call.save()

    english = client.get(call_pages["en"].url).content.decode()
    arabic = client.get(call_pages["ar"].url).content.decode()
    vietnamese = client.get(call_pages["vi"].url).content.decode()

    assert "March 15, 2027, 11:59 p.m." in english
    assert "15 مارس 2027، 23:59" in arabic
    assert "23:59 ngày 15/03/2027" in vietnamese
    assert "Africa/Casablanca" in english


def test_closed_call_offers_no_application(client, call, call_pages):
    call.closes_at = timezone.now() - timedelta(days=1)
    call.save()

    content = client.get(call_pages["en"].url).content.decode()

    assert "Closed" in content
    assert "apply/" not in content.split("<main")[1]


def test_upcoming_call_says_when_it_opens(client, call, call_pages):
    call.opens_at = timezone.now() + timedelta(days=3)
    call.save()

    content = client.get(call_pages["vi"].url).content.decode()

    assert "Sắp mở" in content


def test_call_index_lists_open_calls_before_past_ones(client, call, call_pages, home_pages):
    past = CallFactory(
        cohort=call.cohort,
        title_en="Earlier call",
        opens_at=timezone.now() - timedelta(days=400),
        closes_at=timezone.now() - timedelta(days=300),
    )
    past_pages = build_call_pages(past, home_pages, languages=("en",))
    past_pages["en"].title = "Earlier call"
    past_pages["en"].save_revision().publish()

    content = client.get(call_pages["en"].get_parent().url).content.decode()

    assert content.index("Apply to the cohort") < content.index("Earlier call")
    assert content.index("Open and upcoming calls") < content.index("Past calls")


def test_call_page_runs_a_bounded_number_of_queries(
    client, call_pages, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20):
        client.get(call_pages["ar"].url)
