from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from accelerator.calls.models import Application
from accelerator.cooperatives.models import Cooperative
from tests.calls.conftest import png_bytes
from tests.calls.factories import CallFactory, build_call_pages
from tests.calls.helpers import emailed_link, last_link_sent_to, start, statutes
from tests.conftest import CommittingClient

pytestmark = pytest.mark.django_db


def submit(client, url, data, **files):
    return client.post(url, {**data, "action": "submit", **files})


def test_starting_an_application_sends_its_private_link_in_the_applicants_language(
    client, call_pages
):
    client.get("/vi/")
    draft, url = start(client, call_pages["vi"], email="Lan.Nguyen@Example.org")

    assert draft.language == "vi"
    assert draft.email == "lan.nguyen@example.org"
    assert draft.status == Application.Status.DRAFT
    assert [m.to for m in mail.outbox] == [["lan.nguyen@example.org"]]
    assert "hồ sơ" in mail.outbox[0].subject.lower()
    assert "/vi/" in emailed_link(mail.outbox[0])
    assert client.get(url).status_code == 200


def test_starting_needs_consent_and_keeps_the_address_typed(client, call_pages):
    response = client.post(call_pages["en"].url + "apply/", {"email": "lan@example.org"})

    content = response.content.decode()
    assert Application.objects.count() == 0
    assert 'value="lan@example.org"' in content
    assert "This field is required." in content


def test_robot_filling_the_hidden_field_creates_nothing(client, call_pages):
    response = client.post(
        call_pages["en"].url + "apply/",
        {"email": "bot@example.org", "consent": "on", "website": "http://spam.example"},
    )

    assert response.status_code == 200
    assert Application.objects.count() == 0
    assert mail.outbox == []


def test_one_address_cannot_open_drafts_without_limit(client, call_pages):
    for number in range(20):
        start(client, call_pages["en"], email=f"applicant{number}@example.org")

    response = client.post(
        call_pages["en"].url + "apply/",
        {"email": "one-more@example.org", "consent": "on"},
    )

    assert Application.objects.count() == 20
    assert "Too many attempts" in response.content.decode()


def test_draft_keeps_exactly_what_was_typed_even_when_not_yet_valid(client, call_pages, form_data):
    _draft, url = start(client, call_pages["ar"])
    typed = form_data(
        legal_name="تعاونية الأمل لتثمين الصبار ‏(Al Amal)",
        contact_name="Nguyễn Thị Hồng Nhung",
        members_total="10",
        members_women="12",
        contact_phone="not a phone",
    )

    client.post(url, {**typed, "action": "save"})

    draft = Application.objects.get()
    assert draft.draft_data["legal_name"] == "تعاونية الأمل لتثمين الصبار ‏(Al Amal)"
    assert draft.draft_data["members_women"] == "12"
    content = Client().get(url).content.decode()
    assert "تعاونية الأمل لتثمين الصبار ‏(Al Amal)" in content
    assert "Nguyễn Thị Hồng Nhung" in content


def test_draft_resumes_from_the_emailed_link_on_another_device(client, call_pages, form_data):
    _draft, url = start(client, call_pages["en"])
    client.post(url, {**form_data(legal_name="Coopérative Tifawin"), "action": "save"})

    other_device = CommittingClient()
    content = other_device.get(emailed_link(mail.outbox[0])).content.decode()

    assert "Coopérative Tifawin" in content


def test_forged_link_is_not_found(client, call_pages):
    _draft, url = start(client, call_pages["en"])
    forged = url.rstrip("/")[:-3] + "abc/"

    assert client.get(forged).status_code == 404


def test_expired_link_offers_a_new_one_and_loses_nothing(client, call_pages, form_data, settings):
    draft, url = start(client, call_pages["en"])
    client.post(url, {**form_data(legal_name="Coopérative Tifawin"), "action": "save"})

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("accelerator.calls.links.LINK_LIFETIME", timedelta(seconds=-1))
        response = client.get(url)

    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    client.post(call_pages["en"].url + "apply/link/", {"email": draft.email})
    fresh = CommittingClient().get(last_link_sent_to(draft.email)).content.decode()
    assert "Coopérative Tifawin" in fresh


def test_asking_for_links_reveals_nothing_on_screen(client, call_pages):
    start(client, call_pages["en"], email="known@example.org")
    mail.outbox.clear()

    known = client.post(call_pages["en"].url + "apply/link/", {"email": "known@example.org"})
    unknown = client.post(call_pages["en"].url + "apply/link/", {"email": "nobody@example.org"})

    assert known.content.decode().count("on its way") == unknown.content.decode().count(
        "on its way"
    )
    assert [m.to for m in mail.outbox] == [["known@example.org"]]


def test_submitting_gives_a_reference_shown_and_emailed_in_the_applicants_language(
    client, call_pages, form_data
):
    _draft, url = start(client, call_pages["ar"])
    mail.outbox.clear()

    response = submit(client, url, form_data(), q_statutes=statutes())

    assert response.status_code == 302
    application = Application.objects.get()
    assert application.reference == "MRF4-00001"
    assert application.status == Application.Status.SUBMITTED
    page = client.get(url).content.decode()
    assert "MRF4-00001" in page
    assert 'dir="rtl"' in page
    assert "رقم المرجع" in page
    assert len(mail.outbox) == 1
    assert "MRF4-00001" in mail.outbox[0].subject + mail.outbox[0].body
    assert "تم استلام" in mail.outbox[0].subject


def test_submitted_profile_enters_the_registry_exactly_as_typed(client, call_pages, form_data):
    _draft, url = start(client, call_pages["vi"])
    submit(
        client,
        url,
        form_data(
            legal_name="Hợp tác xã Nông nghiệp Cà phê Ea Tu", registration_number="rc 2024 0153"
        ),
        q_statutes=statutes(),
    )

    cooperative = Cooperative.objects.get()
    assert cooperative.legal_name == "Hợp tác xã Nông nghiệp Cà phê Ea Tu"
    assert cooperative.registration_key == "RC20240153"
    assert cooperative.contact_phone == "+212612345678"
    assert cooperative.members_women == 18


def test_double_submission_creates_one_application(client, call_pages, form_data):
    _draft, url = start(client, call_pages["en"])
    data = form_data()

    first = submit(client, url, data, q_statutes=statutes())
    second = submit(client, url, data, q_statutes=statutes())

    assert first.status_code == 302
    assert second.status_code == 200
    assert Application.objects.submitted().count() == 1
    assert "MRF4-00001" in second.content.decode()
    assert sum("MRF4-00001" in m.subject for m in mail.outbox) == 1


def test_a_draft_submitted_one_second_late_is_refused_and_kept(client, call, call_pages, form_data):
    _draft, url = start(client, call_pages["en"])
    call.closes_at = timezone.now() - timedelta(seconds=1)
    call.save()

    response = submit(
        client, url, form_data(legal_name="Coopérative Tardive"), q_statutes=statutes()
    )

    assert response.status_code == 422
    assert "The deadline of this call has passed" in response.content.decode()
    draft = Application.objects.get()
    assert draft.is_draft
    assert draft.draft_data["legal_name"] == "Coopérative Tardive"


def test_second_application_for_the_same_number_is_refused_without_revealing_the_first(
    client, call_pages, form_data
):
    _first, url = start(client, call_pages["en"], email="first@example.org")
    submit(client, url, form_data(legal_name="Secret name"), q_statutes=statutes())
    mail.outbox.clear()

    stranger = CommittingClient()
    _second, second_url = start(stranger, call_pages["en"], email="second@example.org")
    response = submit(
        stranger, second_url, form_data(registration_number="rc-2024-0153"), q_statutes=statutes()
    )

    assert response.status_code == 409
    content = response.content.decode()
    assert "already been submitted" in content
    assert "Secret name" not in content
    assert "first@example.org" not in content
    stranger.post(second_url, {"action": "send_existing_link"})
    assert [m.to for m in mail.outbox if "apply/" in m.body][-1] == ["first@example.org"]


def test_oversized_file_is_refused_next_to_its_field_and_the_rest_is_kept(
    client, call, call_pages, form_data
):
    call.max_file_size_mb = 1
    call.save()
    _draft, url = start(client, call_pages["vi"])
    big = statutes(content=b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10) + b"\n%%EOF")

    response = submit(client, url, form_data(legal_name="HTX Ea Tu"), q_statutes=big)

    content = response.content.decode()
    assert response.status_code == 422
    assert "tối đa" in content
    assert 'value="HTX Ea Tu"' in content
    assert Application.objects.get().files.count() == 0


def test_file_whose_content_does_not_match_its_name_is_refused(client, call_pages, form_data):
    _draft, url = start(client, call_pages["en"])
    disguised = statutes(content=b"MZ\x90\x00 this is a program", name="statutes.pdf")

    response = submit(client, url, form_data(), q_statutes=disguised)

    assert "The content of this file is not an accepted type" in response.content.decode()
    assert Application.objects.get().is_draft


def test_image_renamed_as_pdf_is_refused_when_images_are_not_accepted(
    client, call, call_pages, form_data
):
    call.allowed_file_types = "pdf"
    call.save()
    _draft, url = start(client, call_pages["en"])

    response = submit(client, url, form_data(), q_statutes=statutes(content=png_bytes()))

    assert "not an accepted type" in response.content.decode()


def test_required_document_must_be_attached(client, call_pages, form_data):
    _draft, url = start(client, call_pages["en"])

    response = submit(client, url, form_data())

    assert "Please attach this document." in response.content.decode()


def test_attachment_is_served_only_through_its_own_link(client, call_pages, form_data):
    _draft, url = start(client, call_pages["en"])
    client.post(url, {**form_data(), "action": "save", "q_statutes": statutes()})
    attachment = Application.objects.get().files.get()

    own = client.get(f"{url}files/{attachment.pk}/")
    _other, other_url = start(CommittingClient(), call_pages["en"], email="other@example.org")
    foreign = client.get(f"{other_url}files/{attachment.pk}/")

    assert own.status_code == 200
    assert b"".join(own.streaming_content).startswith(b"%PDF-")
    assert foreign.status_code == 404
    with pytest.raises(ValueError):
        attachment.file.url  # noqa: B018  (private storage has no public URL at all)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"members_women": "30"}, "members_women", "cannot be more than the number of members"),
        ({"contact_phone": "12"}, "contact_phone", "Enter a valid phone number"),
        ({"contact_email": "not-an-address"}, "contact_email", "Enter a valid email address"),
        ({"registration_date": "2999-01-01"}, "registration_date", "This date is in the future."),
        ({"members_total": "0"}, "members_total", "greater than or equal to 1"),
        ({"legal_name": "x" * 256}, "legal_name", "at most 255 characters"),
    ],
)
def test_bad_input_gets_a_clear_message_next_to_its_field(
    client, call_pages, form_data, overrides, field, message
):
    _draft, url = start(client, call_pages["en"])

    response = submit(client, url, form_data(**overrides), q_statutes=statutes())

    content = response.content.decode()
    assert response.status_code == 422
    block = content.split(f'id="field-{field}"')[1].split('class="field')[0]
    assert message in block
    assert "Fatima Zahra Ait Lahcen" in content


def test_errors_are_translated(client, call_pages, form_data):
    _draft, url = start(client, call_pages["ar"])

    response = submit(client, url, form_data(members_women="30"), q_statutes=statutes())

    assert "لا يمكن أن يتجاوز عدد الأعضاء" in response.content.decode()


def test_editing_the_form_later_keeps_what_old_applications_answered(
    client, call, call_pages, form_data
):
    _draft, url = start(client, call_pages["en"])
    submit(client, url, form_data(), q_statutes=statutes())
    question = call.questions.get(key="project")
    question.label_en = "A completely new wording"
    question.save()

    snapshot = Application.objects.get().questions_snapshot
    project = next(item for item in snapshot if item["key"] == "project")
    assert project["label"]["en"] == "Describe your project"
    assert project["label"]["ar"] == "صف مشروع التعاونية"


def test_known_profile_is_offered_only_to_a_verified_address_the_registry_knows(
    client, call, call_pages, form_data, home_pages
):
    _draft, url = start(client, call_pages["en"], email="contact@example.org")
    submit(client, url, form_data(), q_statutes=statutes())
    later = build_call_pages(CallFactory(cohort=call.cohort), home_pages, languages=("en",))["en"]
    number = {"registration_number": "RC-2024/0153", "action": "save"}

    stranger = CommittingClient()
    _unused, stranger_url = start(stranger, later, email="stranger@example.org")
    stranger.post(stranger_url, number)
    owner = CommittingClient()
    _owner_draft, unverified_url = start(owner, later, email="contact@example.org")
    owner.post(unverified_url, number)

    assert "Fill in the known profile" not in stranger.get(stranger_url).content.decode()
    assert "Fill in the known profile" not in owner.get(unverified_url).content.decode()
    verified_url = last_link_sent_to("contact@example.org")
    assert "Fill in the known profile" in owner.get(verified_url).content.decode()
    owner.post(verified_url + "prefill/")
    assert "تعاونية النور للأعشاب الطبية" in owner.get(verified_url).content.decode()


def test_autosave_stores_fields_and_answers_json(client, call_pages):
    _draft, url = start(client, call_pages["vi"])

    response = client.post(
        url + "autosave/", {"legal_name": "HTX Cà phê Ea Tu", "commune": "Ea Tu"}
    )

    assert response.status_code == 200
    assert response.json()["version"] == 2
    assert Application.objects.get().draft_data["commune"] == "Ea Tu"


def test_form_page_runs_a_bounded_number_of_queries(
    client, call_pages, django_assert_max_num_queries
):
    _draft, url = start(client, call_pages["ar"])

    with django_assert_max_num_queries(30):
        client.get(url)
