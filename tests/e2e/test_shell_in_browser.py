import pytest

from tests.e2e.conftest import DESKTOP, PHONE
from tests.factories import StaffFactory, build_home_pages

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def site_pages():
    return build_home_pages()


def test_arabic_home_on_a_phone_mirrors_without_overflow(
    open_page, live_server, site_pages, third_party_requests
):
    page = open_page(PHONE)
    page.goto(f"{live_server.url}/ar/")
    page.wait_for_load_state("networkidle")

    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    site_name = page.locator(".site-name").bounding_box()
    # Right-to-left: the site name sits at the right edge, where an Arabic reader starts.
    assert site_name["x"] + site_name["width"] > PHONE["width"] - 40
    assert page.evaluate("document.fonts.check('16px \"Noto Sans Arabic\"', 'تعاونية')")
    assert third_party_requests == []


def test_vietnamese_home_renders_its_diacritics_with_the_bundled_font(
    open_page, live_server, site_pages, third_party_requests
):
    page = open_page(PHONE)
    page.goto(f"{live_server.url}/vi/")
    page.wait_for_load_state("networkidle")

    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family + ' ' + f.weight)"
    )
    assert '"Noto Sans" 400' in loaded or "Noto Sans 400" in loaded
    assert page.locator("h1").inner_text() == "Hợp tác xã phát triển tại đây"
    assert third_party_requests == []


def test_language_switcher_takes_the_reader_to_the_same_page(open_page, live_server, site_pages):
    page = open_page(DESKTOP)
    page.goto(f"{live_server.url}/en/")

    page.get_by_role("link", name="Tiếng Việt").click()

    assert page.url == f"{live_server.url}/vi/"
    assert page.locator("html").get_attribute("lang") == "vi"


def test_admin_text_fields_type_arabic_right_to_left_in_an_english_admin(
    open_page, live_server, site_pages
):
    StaffFactory(username="editor")
    page = open_page(DESKTOP)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct horse battery")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/pages/{site_pages['en'].pk}/edit/")
    title = page.locator("#id_title")
    title.fill("تعاونية النور للأعشاب الطبية")
    intro = page.locator("#id_intro")
    intro.fill("Hợp tác xã Nông nghiệp Tân Phú")

    assert title.evaluate("element => getComputedStyle(element).direction") == "rtl"
    assert intro.evaluate("element => getComputedStyle(element).direction") == "ltr"
    assert page.locator("html").get_attribute("dir") == "ltr"
