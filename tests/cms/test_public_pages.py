"""What every public page owes its readers: share tags, no third-party requests, bounded
queries, translated error pages, and links only to pages that exist in the reader's language."""

import io
import re

import pytest
from django.core.files.images import ImageFile
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.images.models import Image

from accelerator.programs.models import Organisation
from cms.models import PartnerRole, ProgramIndexPage, ProgramPage, ProgramPartner
from tests.calls.factories import build_call_pages
from tests.cms.factories import add_page, build_event, build_news, translate

pytestmark = pytest.mark.django_db


def image(title="Kick-off"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "green").save(buffer, format="PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name="kick-off.png"))


def meta(content, name):
    match = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', content)
    return match.group(1) if match else None


def test_news_page_has_open_graph_and_twitter_tags(client, indexes):
    news = build_news(
        indexes["news"]["en"], "Kick-off in Agadir", intro="The program starts.", image=image()
    )
    translate(news, ("ar",))

    content = client.get(news.url).content.decode()

    assert meta(content, "og:title") == "Kick-off in Agadir"
    assert meta(content, "og:description") == "The program starts."
    assert meta(content, "og:url") == f"http://testserver{news.url}"
    assert meta(content, "og:type") == "article"
    assert meta(content, "og:locale") == "en_US"
    assert meta(content, "og:locale:alternate") == "ar_AR"
    assert meta(content, "og:image").startswith("http://testserver/media/images/")
    assert meta(content, "twitter:card") == "summary_large_image"


def test_a_page_without_an_image_is_shared_as_a_summary(client, home_pages):
    content = client.get("/vi/").content.decode()

    assert meta(content, "og:locale") == "vi_VN"
    assert meta(content, "og:image") is None
    assert meta(content, "twitter:card") == "summary"


@pytest.fixture
def busy_site(home_pages, indexes, program, open_call):
    """A site with thirty news items, events, calls and a program page with partners."""
    build_call_pages(open_call, home_pages)
    for number in range(30):
        build_news(
            indexes["news"]["en"],
            f"News {number}",
            days_ago=number,
            program=program,
            tags=["training", f"topic-{number % 4}"],
        )
    for day in (-20, -5, 3, 9):
        build_event(indexes["events"]["en"], f"Event {day}", starts_in_days=day, participants=40)
    programs = add_page(home_pages["en"], ProgramIndexPage(title="Programs", slug="programs"))
    program_page = ProgramPage(title="Atlas", program=program)
    for role in PartnerRole:
        for number in range(3):
            organisation = Organisation.objects.create(name=f"{role.label} {number}")
            program_page.partners.add(ProgramPartner(organisation=organisation, role=role))
    return {
        "home": home_pages["en"],
        "news index": indexes["news"]["en"],
        "news": build_news(
            indexes["news"]["en"],
            "A call is open",
            program=program,
            tags=["call"],
            body=[
                ("paragraph", "<p>Apply now.</p>"),
                ("quote", {"text": "Welcome", "attribution": "Board"}),
            ],
        ),
        "events index": indexes["events"]["en"],
        "event": build_event(indexes["events"]["en"], "Workshop", starts_in_days=4),
        "program": add_page(programs, program_page),
    }


@pytest.mark.parametrize(
    ("page_type", "max_queries"),
    [
        ("home", 21),
        ("news index", 20),
        ("news", 16),
        ("events index", 17),
        ("event", 15),
        ("program", 23),
    ],
)
def test_public_pages_run_a_bounded_number_of_queries(
    client, busy_site, django_assert_max_num_queries, page_type, max_queries
):
    url = busy_site[page_type].url
    client.get(url)  # Wagtail caches the site's root paths on the first request.

    with django_assert_max_num_queries(max_queries):
        response = client.get(url)

    assert response.status_code == 200


RESOURCE = re.compile(r'<(?:script|img|source|iframe|link)\b[^>]*?\b(?:src|href|srcset)="([^"]+)"')


@pytest.mark.parametrize(
    "page_type", ["home", "news index", "news", "events index", "event", "program"]
)
def test_no_public_page_loads_anything_from_another_host(client, busy_site, page_type):
    content = client.get(busy_site[page_type].url).content.decode()

    for address in RESOURCE.findall(content):
        assert address.startswith(("/", "http://testserver/")), address
    assert "@import" not in content


def test_a_news_item_missing_in_one_language_is_linked_only_where_it_exists(
    client, home_pages, indexes
):
    news = build_news(indexes["news"]["en"], "Steering committee meeting")
    translate(news, ("vi",), vi={"title": "Họp ban chỉ đạo"})

    arabic_home = client.get("/ar/").content.decode()
    arabic_index = client.get(indexes["news"]["ar"].url).content.decode()
    english_page = client.get(news.url).content.decode()

    assert "Steering committee meeting" not in arabic_home + arabic_index
    assert "/ar/" not in english_page.split('class="language-switcher"')[1].split("</nav>")[0]
    assert "(this page is not available in العربية)" in english_page


def test_home_page_shows_open_calls_news_and_upcoming_events_of_its_language(
    client, home_pages, indexes, open_call
):
    calls = build_call_pages(open_call, home_pages)
    news = build_news(indexes["news"]["en"], "Kick-off meeting")
    translate(news, ("vi",), vi={"title": "Họp khởi động"})
    build_event(indexes["events"]["vi"], "Tập huấn giảng viên", starts_in_days=6)
    build_event(indexes["events"]["vi"], "Hội thảo đã qua", starts_in_days=-6)

    content = client.get("/vi/").content.decode()

    assert calls["vi"].url in content
    assert "Họp khởi động" in content
    assert "Tập huấn giảng viên" in content
    assert "Hội thảo đã qua" not in content


def test_home_page_hides_the_sections_it_has_nothing_for(client, home_pages):
    content = client.get("/en/").content.decode()

    for heading in ("Open calls", "Latest news", "Upcoming events", "Results so far"):
        assert heading not in content


def test_home_page_lists_at_most_three_news_and_three_events(client, home_pages, indexes):
    for number in range(5):
        build_news(indexes["news"]["en"], f"News {number}", days_ago=number)
        build_event(indexes["events"]["en"], f"Event {number}", starts_in_days=number + 1)

    content = client.get("/en/").content.decode()

    assert [f"News {n}" in content for n in range(5)] == [True, True, True, False, False]
    assert [f"Event {n}" in content for n in range(5)] == [True, True, True, False, False]


def test_program_page_presents_its_partners_by_role(client, home_pages, program):
    programs = add_page(home_pages["en"], ProgramIndexPage(title="Programs", slug="programs"))
    page = ProgramPage(title="Atlas", program=program)
    donor = Organisation.objects.create(name="Rural Development Fund", acronym="RDF")
    office = Organisation.objects.create(name="Cooperative Office")
    page.partners.add(ProgramPartner(organisation=donor, role=PartnerRole.FUNDER))
    page.partners.add(ProgramPartner(organisation=office, role=PartnerRole.IMPLEMENTING_OFFICE))
    page = add_page(programs, page)

    content = client.get(page.url).content.decode()

    assert (
        '<dt>Funder</dt><dd><ul class="inline-list"><li><bdi>Rural Development Fund (RDF)</bdi>'
        in content
    )
    assert "<dt>Implementing office</dt>" in content


@override_settings(DEBUG=False)
@pytest.mark.parametrize(
    ("language", "text"),
    [("vi", "Không tìm thấy trang"), ("ar", "الصفحة غير موجودة")],
)
def test_not_found_page_is_translated(client, home_pages, language, text):
    response = client.get(f"/{language}/no-such-page/")

    assert response.status_code == 404
    assert text in response.content.decode()


def test_server_error_page_is_translated(rf):
    from django.utils import translation
    from django.views.defaults import server_error

    with translation.override("ar"):
        response = server_error(rf.get("/ar/"))

    content = response.content.decode()
    assert response.status_code == 500
    assert 'dir="rtl"' in content
    assert "Server error" not in content


def test_program_page_without_partners_shows_the_programs_recorded_funders(
    client, home_pages, program
):
    donor = Organisation.objects.create(name="Rural Development Fund")
    program.funders.add(donor)
    program.save()
    programs = add_page(home_pages["en"], ProgramIndexPage(title="Programs", slug="programs"))
    page = add_page(programs, ProgramPage(title="Atlas", program=program))

    content = client.get(page.url).content.decode()

    assert "<dt>Funder</dt>" in content
    assert "<bdi>Rural Development Fund</bdi>" in content
