import re

import pytest

from tests.factories import StaffFactory, build_standard_page, locale

pytestmark = pytest.mark.django_db


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


@pytest.mark.parametrize(
    ("language", "direction", "skip_link", "title"),
    [
        ("en", "ltr", "Skip to main content", "Cooperatives grow here"),
        ("vi", "ltr", "Chuyển đến nội dung chính", "Hợp tác xã phát triển tại đây"),
        ("ar", "rtl", "تخطي إلى المحتوى الرئيسي", "هنا تنمو التعاونيات"),
    ],
)
def test_home_page_speaks_the_language_of_its_url(
    client, home_pages, language, direction, skip_link, title
):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    assert html_tag(response) == f'<html lang="{language}" dir="{direction}">'
    content = response.content.decode()
    assert skip_link in content
    assert title in content


def test_language_switcher_leads_to_the_same_page_in_each_language(client, home_pages):
    about_en = build_standard_page(home_pages["en"], "About the program", "about")
    about_vi = about_en.copy_for_translation(locale("vi"))
    about_vi.title = "Giới thiệu chương trình"
    about_vi.save_revision().publish()

    content = client.get("/en/about/").content.decode()

    assert 'href="/vi/about/" lang="vi"' in content
    # Not translated into Arabic yet: named in the switcher but not linked to a missing page.
    assert 'href="/ar/' not in content
    assert "(this page is not available in العربية)" in content


def test_switcher_on_a_view_outside_the_page_tree_keeps_the_query(client, home_pages):
    content = client.get("/vi/search/?q=h%E1%BB%A3p+t%C3%A1c").content.decode()

    assert 'href="/ar/search/?q=h%E1%BB%A3p+t%C3%A1c"' in content
    assert 'href="/en/search/?q=h%E1%BB%A3p+t%C3%A1c"' in content


def test_hreflang_alternates_list_every_translation(client, home_pages):
    content = client.get("/ar/").content.decode()

    for code in ("en", "vi", "ar"):
        assert (
            f'<link rel="alternate" hreflang="{code}" href="http://testserver/{code}/">' in content
        )
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/en/">' in content


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [("vi-VN,vi;q=0.9,en;q=0.5", "/vi/"), ("ar-MA,ar;q=0.9", "/ar/"), ("fr-FR,fr;q=0.9", "/en/")],
)
def test_root_redirects_to_the_browser_language(client, home_pages, accept_language, target):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == target


def test_unknown_language_prefix_gives_a_translated_not_found_page(client, home_pages):
    response = client.get("/xx/", headers={"accept-language": "ar"}, follow=True)

    assert response.status_code == 404
    content = response.content.decode()
    assert 'dir="rtl"' in content
    assert "الصفحة غير موجودة" in content


def test_missing_page_is_translated_in_the_language_of_the_url(client, home_pages):
    response = client.get("/vi/khong-co-trang-nay/")

    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_names_typed_by_people_keep_their_own_direction(client, home_pages, django_user_model):
    django_user_model.objects.create_user("mariam", first_name="مريم", last_name="العلوي")
    client.force_login(django_user_model.objects.get(username="mariam"))

    content = client.get("/en/").content.decode()

    assert "<bdi>مريم العلوي</bdi>" in content
    assert '<h1 dir="auto">Cooperatives grow here</h1>' in content


def test_unknown_admin_address_is_not_sent_to_the_public_site(client, home_pages):
    client.force_login(StaffFactory())

    response = client.get("/admin/no-such-screen/")

    assert response.status_code == 404
    assert "Location" not in response


def test_main_menu_lists_the_sections_of_the_readers_language(client, home_pages):
    about = build_standard_page(home_pages["en"], "About the program", "about")
    about.show_in_menus = True
    about.save_revision().publish()
    translated = about.copy_for_translation(locale("ar"))
    translated.title = "عن البرنامج"
    translated.save_revision().publish()

    arabic = client.get("/ar/").content.decode().split('class="site-nav"')[1].split("</nav>")[0]

    assert "عن البرنامج" in arabic
    assert "About the program" not in arabic
