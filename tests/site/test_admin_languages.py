import pytest
from wagtail.users.models import UserProfile

from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def staff_speaking(language):
    user = StaffFactory()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.mark.parametrize(
    ("language", "direction", "word"),
    [("en", "ltr", "Dashboard"), ("vi", "ltr", "Trang tổng quan"), ("ar", "rtl", "لوحة التحكم")],
)
def test_admin_follows_each_staff_members_language(client, home_pages, language, direction, word):
    client.force_login(staff_speaking(language))

    response = client.get("/admin/")

    content = response.content.decode()
    assert response.status_code == 200
    assert f'lang="{language}"' in content
    assert f'dir="{direction}"' in content
    assert word in content


def test_admin_offers_exactly_the_three_languages(client, home_pages):
    client.force_login(staff_speaking("en"))

    content = client.get("/admin/account/").content.decode()

    assert 'value="vi"' in content
    assert 'value="ar"' in content
    assert 'value="fr"' not in content


def test_admin_loads_the_script_that_types_arabic_right_to_left(client, home_pages):
    client.force_login(staff_speaking("en"))

    content = client.get(f"/admin/pages/{home_pages['en'].pk}/edit/").content.decode()

    assert "js/admin-text-direction.js" in content
