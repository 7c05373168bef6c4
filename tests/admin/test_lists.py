import pytest
from django.urls import NoReverseMatch, reverse

from accelerator.programs.models import Region, Sector

from .factories import (
    ApplicationFactory,
    CallQuestionFactory,
    CohortFactory,
    CooperativeFactory,
    LegalFormFactory,
    OrganisationFactory,
    ProvinceFactory,
    SectorFactory,
)

pytestmark = pytest.mark.django_db

VIEWSETS = [
    "program",
    "cohort",
    "organisation",
    "region",
    "province",
    "sector",
    "legalform",
    "cooperative",
    "call",
    "application",
]
EDITABLE = [name for name in VIEWSETS if name != "application"]


@pytest.fixture
def one_of_each(db):
    CohortFactory()
    OrganisationFactory()
    ProvinceFactory(name_ar="سوس ماسة")
    SectorFactory()
    LegalFormFactory()
    CooperativeFactory(legal_name="تعاونية الأمل")
    CallQuestionFactory()
    ApplicationFactory(legal_name="تعاونية الأمل")


@pytest.mark.parametrize("viewset", VIEWSETS)
def test_list_page_renders_for_a_superuser(client, superuser, one_of_each, viewset):
    client.force_login(superuser)

    response = client.get(reverse(f"{viewset}:index"))

    assert response.status_code == 200


@pytest.mark.parametrize("viewset", EDITABLE)
def test_add_form_renders_for_a_superuser(client, superuser, one_of_each, viewset):
    client.force_login(superuser)

    response = client.get(reverse(f"{viewset}:add"))

    assert response.status_code == 200


def test_cooperative_names_take_their_own_direction(client, superuser):
    CooperativeFactory(legal_name="تعاونية الأمل")
    client.force_login(superuser)

    content = client.get(reverse("cooperative:index")).content.decode()

    assert 'dir="auto"' in content
    assert "تعاونية الأمل" in content


def test_application_names_are_isolated_in_the_list(client, superuser):
    ApplicationFactory(legal_name="تعاونية الأمل")
    client.force_login(superuser)

    content = client.get(reverse("application:index")).content.decode()

    assert "<bdi>تعاونية الأمل</bdi>" in content


def test_staff_cannot_add_edit_or_delete_applications(client, superuser):
    ApplicationFactory()
    client.force_login(superuser)

    content = client.get(reverse("application:index")).content.decode()

    assert "/admin/application/new/" not in content
    for view in ("add", "edit", "delete"):
        with pytest.raises(NoReverseMatch):
            reverse(f"application:{view}", args=[] if view == "add" else [1])


def one_application_with_everything():
    ApplicationFactory(cooperative=CooperativeFactory(), call=CallQuestionFactory().call)


@pytest.mark.parametrize("viewset", VIEWSETS)
def test_list_runs_a_bounded_number_of_queries(
    client, superuser, viewset, django_assert_max_num_queries
):
    client.force_login(superuser)
    for _ in range(5):
        one_application_with_everything()
    with django_assert_max_num_queries(15):
        client.get(reverse(f"{viewset}:index"))

    for _ in range(25):
        one_application_with_everything()
    with django_assert_max_num_queries(15):
        client.get(reverse(f"{viewset}:index"))


def test_a_sector_still_in_use_is_kept_with_a_message(client, superuser):
    application = ApplicationFactory()
    client.force_login(superuser)

    response = client.post(reverse("sector:delete", args=[application.sector.pk]), follow=True)

    assert response.status_code == 200
    assert Sector.objects.filter(pk=application.sector.pk).exists()
    assert "cannot be deleted" in response.content.decode()


def test_a_region_needs_its_english_name(client, superuser):
    client.force_login(superuser)

    response = client.post(
        reverse("region:add"),
        {"name_en": "", "name_ar": "سوس ماسة", "code": "souss-massa", "country": "MA"},
    )

    assert "name_en" in response.context["form"].errors
    assert not Region.objects.exists()


def test_a_region_is_saved_in_three_languages(client, superuser):
    client.force_login(superuser)

    client.post(
        reverse("region:add"),
        {
            "name_en": "Souss-Massa",
            "name_vi": "Souss-Massa",
            "name_ar": "سوس ماسة",
            "code": "souss-massa",
            "country": "MA",
            "is_active": "on",
        },
    )

    assert Region.objects.get().name_ar == "سوس ماسة"
