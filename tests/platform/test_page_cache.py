"""Public pages answered from the cache for anonymous visitors (accelerator/core/page_cache.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accelerator.results import store
from tests.calls.factories import CallFactory, CohortFactory, build_call_pages
from tests.factories import UserFactory, publish


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def queries_of(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response, len(queries)


def test_second_anonymous_visit_to_the_home_page_makes_no_database_query(
    client, home_pages, django_assert_num_queries
):
    first = client.get("/en/")
    with django_assert_num_queries(0):
        second = client.get("/en/")
    assert second.status_code == 200
    assert second.content == first.content


def test_each_language_has_its_own_cached_page(client, home_pages):
    client.get("/en/")
    response, queries = queries_of(client, "/vi/")
    assert queries > 0
    assert "Hợp tác xã phát triển tại đây" in response.content.decode()


def test_publishing_a_page_refreshes_the_cached_pages_of_its_language_only(
    client, home_pages, django_capture_on_commit_callbacks
):
    client.get("/en/")
    client.get("/vi/")
    english = home_pages["en"]
    english.title = "Cooperatives grow faster here"
    with django_capture_on_commit_callbacks(execute=True):
        publish(english)

    response, queries = queries_of(client, "/en/")
    assert queries > 0
    assert "Cooperatives grow faster here" in response.content.decode()
    _response, queries = queries_of(client, "/vi/")
    assert queries == 0


def test_new_results_figures_refresh_the_cached_pages(
    client, home_pages, django_capture_on_commit_callbacks
):
    cohort = CohortFactory()
    client.get("/en/")
    with django_capture_on_commit_callbacks(execute=True):
        store.write(cohort.pk, store.ALL, {"cooperatives": 12})

    _response, queries = queries_of(client, "/en/")
    assert queries > 0


def test_a_signed_in_person_never_gets_or_leaves_a_cached_page(client, home_pages):
    client.force_login(UserFactory())
    client.get("/en/")
    _response, queries = queries_of(client, "/en/")
    assert queries > 0

    client.logout()
    client.cookies.clear()
    _response, queries = queries_of(client, "/en/")
    assert queries > 0  # what the signed-in person was shown was not kept for others


def test_a_signed_in_person_is_not_served_the_anonymous_copy(client, home_pages):
    client.get("/en/")
    client.force_login(UserFactory())
    _response, queries = queries_of(client, "/en/")
    assert queries > 0


def test_the_apply_form_is_never_cached(client, home_pages):
    call = CallFactory(reference_prefix="PGC1")
    pages = build_call_pages(call, home_pages)
    apply_path = pages["en"].url + "apply/"
    first = client.get(apply_path)
    assert first.status_code == 200
    assert "csrftoken" in first.cookies
    _response, queries = queries_of(client, apply_path)
    assert queries > 0
