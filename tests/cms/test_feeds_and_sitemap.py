import xml.etree.ElementTree as ET

import pytest

from tests.cms.factories import build_news, translate
from tests.factories import build_standard_page

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def news(indexes, program):
    kick_off = build_news(
        indexes["news"]["en"], "Kick-off in Agadir", days_ago=3, intro="The program starts."
    )
    steering = build_news(indexes["news"]["en"], "Steering committee", days_ago=1)
    return {
        "kick_off": translate(
            kick_off, vi={"title": "Khởi động tại Agadir"}, ar={"title": "انطلاق البرنامج بأكادير"}
        ),
        "steering": translate(steering, ("vi",), vi={"title": "Họp ban chỉ đạo"}),
    }


def test_rss_feed_lists_the_news_of_its_language_newest_first(client, indexes, news):
    response = client.get(f"{indexes['news']['vi'].url}feed/rss/")

    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "vi"
    assert channel.findtext("link") == f"http://testserver{indexes['news']['vi'].url}"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Họp ban chỉ đạo", "Khởi động tại Agadir"]
    assert items[0].findtext("link") == f"http://testserver{news['steering']['vi'].url}"


def test_atom_feed_is_valid_and_in_its_language(client, indexes, news):
    response = client.get(f"{indexes['news']['ar'].url}feed/atom/")

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["انطلاق البرنامج بأكادير"]
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link == f"http://testserver{news['kick_off']['ar'].url}"


def test_news_index_announces_its_feeds_in_the_head(client, indexes):
    content = client.get(indexes["news"]["vi"].url).content.decode()
    head = content.split("</head>")[0]

    feed_url = f"http://testserver{indexes['news']['vi'].url}feed/rss/"
    assert f'type="application/rss+xml" title="Tin tức (RSS)" href="{feed_url}"' in head
    assert 'type="application/atom+xml"' in head


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urlset = ET.fromstring(response.content)
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in urlset.findall(f"{SITEMAP}url")
    }


def test_sitemap_lists_every_live_page_of_every_language(client, home_pages, indexes, news):
    entries = sitemap_entries(client)

    for code in ("en", "vi", "ar"):
        assert f"http://testserver{home_pages[code].url}" in entries
        assert f"http://testserver{news['kick_off'][code].url}" in entries
    assert len(entries) == 3 + 6 + 3 + 2


def test_sitemap_gives_each_page_its_translations_as_alternates(client, news):
    entries = sitemap_entries(client)

    kick_off = {code: f"http://testserver{page.url}" for code, page in news["kick_off"].items()}
    assert entries[kick_off["vi"]] == {**kick_off, "x-default": kick_off["en"]}


def test_sitemap_links_a_page_only_in_the_languages_it_exists_in(client, news):
    entries = sitemap_entries(client)

    steering = {code: f"http://testserver{page.url}" for code, page in news["steering"].items()}
    assert entries[steering["en"]] == {**steering, "x-default": steering["en"]}
    assert "ar" not in entries[steering["en"]]


def test_sitemap_leaves_out_drafts(client, home_pages):
    draft = build_standard_page(home_pages["en"], "Coming soon", "coming-soon")
    draft.unpublish()

    assert "http://testserver/en/coming-soon/" not in sitemap_entries(client)
