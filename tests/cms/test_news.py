import re
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from tests.calls.factories import ProgramFactory, build_call_pages
from tests.cms.factories import build_news, translate

pytestmark = pytest.mark.django_db


def titles(response):
    card_title = r'<h3 class="card__title"><a href="[^"]*" dir="auto">([^<]*)</a>'
    return re.findall(card_title, response.content.decode())


def test_news_are_listed_newest_first_ten_per_page(client, indexes):
    index = indexes["news"]["en"]
    for number in range(25):
        build_news(index, f"News {number:02}", days_ago=number)

    first = client.get(index.url)
    third = client.get(index.url, {"page": 3})

    assert titles(first) == [f"News {number:02}" for number in range(10)]
    assert titles(third) == [f"News {number:02}" for number in range(20, 25)]
    assert "Page 1 of 3" in first.content.decode()


def test_a_page_number_beyond_the_last_shows_the_last_page(client, indexes):
    index = indexes["news"]["en"]
    for number in range(12):
        build_news(index, f"News {number:02}", days_ago=number)

    response = client.get(index.url, {"page": 99})

    assert titles(response) == ["News 10", "News 11"]


def test_news_filtered_by_program(client, indexes, program):
    other = ProgramFactory(name_en="Digital cooperatives")
    index = indexes["news"]["en"]
    build_news(index, "Atlas kick-off", program=program)
    build_news(index, "Digital training", program=other)

    response = client.get(index.url, {"program": program.pk})

    assert titles(response) == ["Atlas kick-off"]
    assert f'<option value="{other.pk}">Digital cooperatives</option>' in response.content.decode()


def test_news_filtered_by_tag(client, indexes):
    index = indexes["news"]["en"]
    build_news(index, "Steering committee", tags=["governance"])
    build_news(index, "Training of trainers", tags=["training"])

    response = client.get(index.url, {"tag": "training"})

    assert titles(response) == ["Training of trainers"]


def test_pagination_links_keep_the_filter(client, indexes):
    index = indexes["news"]["en"]
    for number in range(12):
        build_news(index, f"Training {number}", tags=["training"])

    content = client.get(index.url, {"tag": "training"}).content.decode()

    assert 'href="?tag=training&amp;page=2"' in content


def test_an_unknown_filter_value_is_ignored(client, indexes):
    index = indexes["news"]["en"]
    build_news(index, "Kick-off")

    response = client.get(index.url, {"tag": "no-such-tag", "program": "abc"})

    assert response.status_code == 200
    assert titles(response) == ["Kick-off"]


def test_news_index_lists_only_the_news_of_its_language(client, indexes):
    english = build_news(indexes["news"]["en"], "Kick-off meeting")
    translate(english, ("vi",), vi={"title": "Họp khởi động"})

    vietnamese = client.get(indexes["news"]["vi"].url)
    arabic = client.get(indexes["news"]["ar"].url)

    assert titles(vietnamese) == ["Họp khởi động"]
    assert titles(arabic) == []


def test_key_figures_are_written_the_readers_way(client, indexes):
    news = build_news(
        indexes["news"]["en"],
        "Mid-term review",
        body=[("key_figures", [{"number": Decimal("12500"), "label": "members reached"}])],
    )
    pages = translate(news, ("vi",))

    english = client.get(pages["en"].url).content.decode()
    vietnamese = client.get(pages["vi"].url).content.decode()

    assert "<dd>12,500</dd>" in english
    assert "<dd>12.500</dd>" in vietnamese


def test_document_block_links_to_the_document(client, indexes):
    document = Document.objects.create(title="Minutes of the meeting")
    document.file.save("minutes.pdf", ContentFile(b"%PDF-1.4 minutes"))
    news = build_news(
        indexes["news"]["en"],
        "Steering committee",
        body=[("document", {"document": document.pk, "title": ""})],
    )

    content = client.get(news.url).content.decode()

    assert f'<a href="{document.url}" dir="auto">Minutes of the meeting</a>' in content
    assert "(PDF" in content


def test_call_block_shows_the_call_in_the_readers_language_with_its_state(
    client, home_pages, indexes, open_call
):
    call_pages = build_call_pages(open_call, home_pages)
    news = build_news(
        indexes["news"]["en"],
        "A call is open",
        body=[("call", call_pages["en"].pk)],
    )
    arabic_news = translate(news, ("ar",))["ar"]

    content = client.get(arabic_news.url).content.decode()

    assert call_pages["ar"].url in content
    assert call_pages["en"].url not in content
    assert "call-state--open" in content


def test_news_page_links_its_tags_to_the_filtered_index(client, indexes):
    news = build_news(indexes["news"]["en"], "Training of trainers", tags=["training"])

    content = client.get(news.url).content.decode()

    assert f'href="{indexes["news"]["en"].url}?tag=training" rel="tag"' in content
