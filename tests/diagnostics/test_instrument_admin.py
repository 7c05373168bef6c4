import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from accelerator.programs.models import Membership
from diagnostics.models import Domain, InstrumentVersion, Question
from tests.admin.factories import ProgramFactory
from tests.diagnostics.factories import build_instrument
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def office_person(role, username):
    user = StaffFactory(is_superuser=False, username=username)
    Membership.objects.create(program=ProgramFactory(), user=user, role=role)
    return user


@pytest.fixture
def administrator():
    return office_person(Membership.Role.ADMINISTRATOR, "program-admin")


@pytest.fixture
def officer():
    return office_person(Membership.Role.OFFICER, "program-officer")


@pytest.fixture
def version():
    return build_instrument((("governance", 2), ("finance", 1)))


def domain_form_data(domain, **changes):
    """What the domain's edit form posts, its questions included, with some values changed."""
    questions = []
    for question in domain.questions.all():
        row = {
            "id": str(question.pk),
            "code": question.code,
            "weight": str(question.weight),
            "equivalent_to": str(question.equivalent_to_id or ""),
        }
        for name in (
            "text",
            "evidence_hint",
            "level_0",
            "level_1",
            "level_2",
            "level_3",
            "level_4",
        ):
            for code in ("en", "vi", "ar"):
                row[f"{name}_{code}"] = getattr(question, f"{name}_{code}") or ""
        row.update(changes.pop(question.code, {}))
        questions.append(row)
    data = {
        "version": str(domain.version_id),
        "code": domain.code,
        "weight": str(domain.weight),
        "sort_order": str(domain.sort_order),
        "name_en": domain.name_en,
        "name_vi": domain.name_vi or "",
        "name_ar": domain.name_ar or "",
        "description_en": "",
        "description_vi": "",
        "description_ar": "",
        "questions": inline_formset(questions, initial=len(questions)),
    }
    data.update(changes)
    return nested_form_data(data)


def prefer_language(user, code):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()


def edit_url(domain):
    return reverse("instrument_domains:edit", args=[domain.pk])


@pytest.mark.parametrize(
    "url_name",
    [
        "instruments:index",
        "instrument_versions:index",
        "instrument_domains:index",
        "standard_actions:index",
    ],
)
def test_office_staff_open_every_instrument_list_in_vietnamese(client, officer, version, url_name):
    prefer_language(officer, "vi")
    client.force_login(officer)

    response = client.get(reverse(url_name))

    assert response.status_code == 200
    assert 'lang="vi"' in response.content.decode()


def test_a_program_officer_views_but_cannot_change_the_instrument(client, officer, version):
    domain = version.domains.get(code="finance")
    client.force_login(officer)

    assert client.get(reverse("instrument_domains:index")).status_code == 200
    response = client.post(edit_url(domain), domain_form_data(domain, name_en="Money"))

    # A screen one's role does not open answers like a missing one (nothing to learn from it).
    assert response.status_code == 404
    assert Domain.objects.get(pk=domain.pk).name_en == "Finance"
    assert client.get(reverse("instrument_versions:next", args=[version.pk])).status_code == 404


def test_a_coach_has_no_instrument_screens(client, version):
    coach = office_person(Membership.Role.COACH, "coach")
    client.force_login(coach)

    assert client.get(reverse("instrument_domains:index")).status_code == 404


def test_a_program_administrator_edits_the_questions_of_an_open_version(
    client, administrator, version
):
    domain = version.domains.get(code="finance")
    question = domain.questions.get()
    client.force_login(administrator)

    response = client.post(
        edit_url(domain),
        domain_form_data(domain, **{question.code: {"text_vi": "Sổ quỹ có được ghi đều không?"}}),
    )

    assert response.status_code == 302, response.context["form"].errors
    assert Question.objects.get(pk=question.pk).text_vi == "Sổ quỹ có được ghi đều không?"


def test_the_questions_of_a_frozen_version_cannot_be_changed(client, administrator, version):
    version.freeze()
    domain = version.domains.get(code="finance")
    question = domain.questions.get()
    client.force_login(administrator)

    response = client.post(
        edit_url(domain), domain_form_data(domain, **{question.code: {"text_en": "Changed?"}})
    )

    assert response.status_code == 200
    assert "frozen" in response.content.decode()
    assert Question.objects.get(pk=question.pk).text_en == question.text_en


def test_the_refusal_is_a_form_error_naming_the_frozen_version(client, administrator, version):
    version.freeze()
    domain = version.domains.get(code="finance")
    prefer_language(administrator, "ar")
    client.force_login(administrator)

    response = client.post(edit_url(domain), domain_form_data(domain, name_en="Money"))

    form = response.context["form"]
    assert form.non_field_errors().as_data()[0].code == "frozen"
    assert Domain.objects.get(pk=domain.pk).name_en == "Finance"


def test_a_version_frozen_while_the_form_was_open_is_still_refused(client, administrator, version):
    domain = version.domains.get(code="finance")
    client.force_login(administrator)
    assert client.get(edit_url(domain)).status_code == 200
    InstrumentVersion.objects.filter(pk=version.pk).update(frozen_at="2026-04-01T08:00:00Z")

    response = client.post(edit_url(domain), domain_form_data(domain, name_en="Money"))

    assert response.status_code == 200
    assert Domain.objects.get(pk=domain.pk).name_en == "Finance"


def test_a_domain_of_a_frozen_version_cannot_be_deleted(client, administrator, version):
    version.freeze()
    domain = version.domains.get(code="finance")
    client.force_login(administrator)

    client.post(reverse("instrument_domains:delete", args=[domain.pk]))

    assert Domain.objects.filter(pk=domain.pk).exists()


def test_no_domain_can_be_added_to_a_frozen_version(client, administrator, version):
    version.freeze()
    client.force_login(administrator)

    response = client.post(
        reverse("instrument_domains:add"),
        nested_form_data(
            {
                "version": str(version.pk),
                "code": "digital",
                "weight": "1",
                "sort_order": "9",
                "name_en": "Digital maturity",
                "questions": inline_formset([]),
            }
        ),
    )

    assert response.status_code == 200
    assert not version.domains.filter(code="digital").exists()


def test_create_the_next_version_copies_and_opens_it(client, administrator, version):
    version.freeze()
    client.force_login(administrator)
    url = reverse("instrument_versions:next", args=[version.pk])
    assert client.get(url).status_code == 200

    response = client.post(url)

    copy = InstrumentVersion.objects.get(instrument=version.instrument, number=version.number + 1)
    assert response["Location"] == reverse("instrument_versions:edit", args=[copy.pk])
    assert not copy.is_frozen and not copy.is_published
    originals = {q.code: q.pk for q in Question.objects.filter(domain__version=version)}
    copies = Question.objects.filter(domain__version=copy)
    assert {q.code: q.equivalent_to_id for q in copies} == originals


def test_the_copy_can_be_edited_while_its_original_stays_frozen(client, administrator, version):
    version.freeze()
    copy = version.new_version()
    domain = copy.domains.get(code="finance")
    client.force_login(administrator)

    response = client.post(edit_url(domain), domain_form_data(domain, name_en="Finance & money"))

    assert response.status_code == 302
    assert version.domains.get(code="finance").name_en == "Finance"


def test_marking_a_question_equivalent_links_it_to_the_first_of_its_line(
    client, administrator, version
):
    original = version.domains.get(code="finance").questions.get()
    second = version.new_version()
    middle = second.domains.get(code="finance").questions.get()
    third = second.new_version()
    domain = third.domains.get(code="finance")
    latest = domain.questions.get()
    Question.objects.filter(pk=latest.pk).update(equivalent_to=None)
    client.force_login(administrator)

    response = client.post(
        edit_url(domain),
        domain_form_data(domain, **{latest.code: {"equivalent_to": str(middle.pk)}}),
    )

    assert response.status_code == 302, response.context["form"].formsets["questions"].errors
    latest.refresh_from_db()
    assert latest.equivalent_to_id == original.pk
    assert latest.lineage == middle.lineage == original.lineage


def test_a_question_cannot_be_marked_equivalent_to_one_of_a_later_version(
    client, administrator, version
):
    later = version.new_version()
    domain = version.domains.get(code="finance")
    question = domain.questions.get()
    later_question = later.domains.get(code="finance").questions.get()
    client.force_login(administrator)

    response = client.post(
        edit_url(domain),
        domain_form_data(domain, **{question.code: {"equivalent_to": str(later_question.pk)}}),
    )

    assert response.status_code == 200
    assert Question.objects.get(pk=question.pk).equivalent_to_id is None


def test_the_version_page_lists_its_domains_and_says_it_is_frozen(client, administrator, version):
    version.freeze()
    client.force_login(administrator)

    page = client.get(reverse("instrument_versions:edit", args=[version.pk])).content.decode()

    assert "Frozen since" in page
    assert edit_url(version.domains.get(code="governance")) in page
    assert reverse("instrument_versions:next", args=[version.pk]) in page


def test_anonymous_people_are_sent_to_the_login(client, version):
    UserFactory()
    response = client.get(reverse("instrument_versions:index"))
    assert response.status_code == 302


def test_the_seeded_domains_open_with_their_languages_side_by_side(client, administrator):
    from diagnostics.seed import ensure_capacity_scorecard

    domain = ensure_capacity_scorecard().domains.get(code="governance")
    client.force_login(administrator)

    page = client.get(edit_url(domain)).content.decode()

    assert "الجمع العام" in page and "đại hội thành viên" in page
    assert 'name="questions-0-level_4_ar"' in page


def test_a_standard_action_is_added_for_a_domain_of_the_instrument(client, administrator, version):
    from diagnostics.models import StandardAction

    client.force_login(administrator)
    form_page = client.get(reverse("standard_actions:add")).content.decode()
    assert 'value="finance"' in form_page

    response = client.post(
        reverse("standard_actions:add"),
        {
            "domain_code": "finance",
            "category": "training",
            "is_active": "on",
            "title_en": "Bookkeeping clinic",
            "title_vi": "Tư vấn ghi sổ",
            "title_ar": "ورشة مسك الدفاتر",
        },
    )

    assert response.status_code == 302
    assert StandardAction.objects.get(title_en="Bookkeeping clinic").domain_code == "finance"
