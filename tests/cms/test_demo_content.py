import pytest

from accelerator.core.demo.call_pages import ensure_call_pages
from accelerator.core.demo.calls import ensure_calls
from accelerator.core.demo.events import ensure_events
from accelerator.core.demo.news import ensure_news
from accelerator.core.demo.programs import ensure_programs
from accelerator.core.demo.reference import ensure_reference_data
from accelerator.core.demo.site import build_site
from cms.models import EventPage, NewsIndexPage, NewsPage
from tests.factories import wagtail_root

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site(db):
    wagtail_root()
    build_site()
    ensure_reference_data()
    ensure_programs()
    ensure_call_pages(ensure_calls())
    ensure_news()
    ensure_events()


def test_demo_news_and_events_exist_in_three_languages(demo_site):
    for code in ("en", "vi", "ar"):
        assert NewsPage.objects.live().filter(locale__language_code=code).count() == 5
        assert EventPage.objects.live().filter(locale__language_code=code).count() == 5
    assert NewsIndexPage.objects.filter(show_in_menus=True).count() == 3


def test_loading_the_demo_news_and_events_again_changes_nothing(demo_site):
    before = list(NewsPage.objects.values_list("pk", "title", "date"))

    ensure_news()
    ensure_events()

    assert list(NewsPage.objects.values_list("pk", "title", "date")) == before
    assert EventPage.objects.count() == 15


@pytest.mark.parametrize("language", ["en", "vi", "ar"])
def test_demo_home_page_shows_the_call_news_and_events(client, demo_site, language):
    content = client.get(f"/{language}/").content.decode()

    assert 'id="home-calls"' in content
    assert 'id="home-news"' in content
    assert 'id="home-events"' in content


def test_the_call_announcement_shows_the_open_call_in_the_readers_language(client, demo_site):
    news = NewsPage.objects.get(
        locale__language_code="vi", slug="mo-thong-bao-hop-tac-xa-chuyen-doi-so"
    )

    content = client.get(news.url).content.decode()

    assert "call-state--open" in content
    assert "/vi/" in content.split('class="cards"')[1].split("</ul>")[0]
