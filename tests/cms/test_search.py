import pytest
from django.core.management import call_command
from django.db import connection

from tests.cms.factories import build_news

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="text-search configurations are PostgreSQL's"
)


@pytest.fixture
def news_in_three_languages(indexes):
    build_news(indexes["news"]["en"], "Cooperative governance workshop", intro="Board roles")
    build_news(indexes["news"]["vi"], "Hội thảo quản trị hợp tác xã", intro="Đào tạo giảng viên")
    build_news(indexes["news"]["ar"], "ورشة حول الحوكمة التعاونية", intro="تكوين المكونين")
    call_command("update_index", verbosity=0)


def result_titles(client, language, query):
    content = client.get(f"/{language}/search/", {"q": query}).content.decode()
    return content.split('class="search-results"')[1].split("</ol>")[0]


def test_a_vietnamese_word_with_diacritics_is_found_in_vietnamese_only(
    client, news_in_three_languages
):
    assert "Hội thảo quản trị hợp tác xã" in result_titles(client, "vi", "giảng viên")
    assert "<li>" not in result_titles(client, "en", "giảng viên")
    assert "<li>" not in result_titles(client, "ar", "giảng viên")


def test_an_arabic_word_is_found_in_arabic_only(client, news_in_three_languages):
    assert "ورشة حول الحوكمة التعاونية" in result_titles(client, "ar", "المكونين")
    assert "<li>" not in result_titles(client, "vi", "المكونين")
    assert "<li>" not in result_titles(client, "en", "المكونين")


@on_postgresql
def test_arabic_search_finds_another_form_of_the_word_through_the_stemmer(
    client, news_in_three_languages
):
    assert "ورشة حول الحوكمة التعاونية" in result_titles(client, "ar", "حوكمة")


@on_postgresql
def test_vietnamese_words_are_indexed_as_written_without_stemming(client, news_in_three_languages):
    assert "Hội thảo quản trị hợp tác xã" in result_titles(client, "vi", "hợp tác")
    assert "<li>" not in result_titles(client, "vi", "hop tac")


def test_each_language_has_its_text_search_configuration():
    from cms.search_backend.postgres import LanguageSearchBackend

    backend = LanguageSearchBackend({"SEARCH_CONFIGS": {"en": "simple"}})

    assert [backend.config_for(code) for code in ("en", "vi", "ar", "fr")] == [
        "simple",
        "simple",
        "arabic",
        "simple",
    ]
