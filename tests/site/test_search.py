import pytest
from django.core.management import call_command

from tests.factories import build_standard_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_pages):
    build_standard_page(home_pages["en"], "Training in governance", "training", intro="Board roles")
    build_standard_page(
        home_pages["vi"], "Tập huấn quản trị", "tap-huan", intro="Vai trò của hội đồng"
    )
    build_standard_page(home_pages["ar"], "التكوين في الحوكمة", "takwin", intro="دور المجلس")
    build_standard_page(home_pages["ar"], "الحوكمة التعاونية", "hakama", intro="الجمع العام")
    call_command("update_index", verbosity=0)
    return home_pages


def test_search_finds_pages_in_the_readers_language_only(client, pages):
    content = client.get("/vi/search/", {"q": "quản trị"}).content.decode()

    assert "Tập huấn quản trị" in content
    assert "Training in governance" not in content
    assert "1 kết quả" in content


def test_arabic_search_counts_results_with_the_dual_form(client, pages):
    content = client.get("/ar/search/", {"q": "الحوكمة"}).content.decode()

    assert "التكوين في الحوكمة" in content
    assert "نتيجتان" in content


def test_search_without_a_query_lists_nothing(client, pages):
    response = client.get("/en/search/")

    assert response.status_code == 200
    content = response.content.decode()
    assert 'class="result-count"' not in content
    assert "Training in governance" not in content
