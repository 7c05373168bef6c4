import pytest
from django.urls import reverse

from .factories import (
    ApplicationFactory,
    ApplicationFileFactory,
    CallFactory,
    CohortFactory,
    CooperativeFactory,
    ProgramFactory,
)

pytestmark = pytest.mark.django_db


def final_status(client, url):
    # Django's LocaleMiddleware answers a 404 outside i18n_patterns with a redirect to the
    # language-prefixed path, which then answers 404 in its turn.
    return client.get(url, follow=True).status_code


@pytest.fixture
def two_programs(db):
    return ProgramFactory(name_en="Atlas"), ProgramFactory(name_en="Mekong")


@pytest.fixture
def officer_of_first(office_member, two_programs, client):
    officer = office_member(two_programs[0])
    client.force_login(officer)
    return officer


def test_officer_sees_the_applications_of_their_program_only(
    client, two_programs, officer_of_first
):
    own = ApplicationFactory(call=CallFactory(program=two_programs[0]), reference="ATL-00001")
    ApplicationFactory(call=CallFactory(program=two_programs[1]), reference="MEK-00001")

    response = client.get(reverse("application:index"))

    assert response.status_code == 200
    assert list(response.context["object_list"]) == [own]
    assert "MEK-00001" not in response.content.decode()


def test_officer_never_sees_draft_applications(client, two_programs, officer_of_first):
    ApplicationFactory(call=CallFactory(program=two_programs[0]), status="draft", reference=None)

    response = client.get(reverse("application:index"))

    assert list(response.context["object_list"]) == []


def test_officer_can_read_an_application_of_their_program(client, two_programs, officer_of_first):
    application = ApplicationFactory(call=CallFactory(program=two_programs[0]))

    response = client.get(reverse("application:inspect", args=[application.pk]))

    assert response.status_code == 200


def test_application_of_another_program_answers_404(client, two_programs, officer_of_first):
    other = ApplicationFactory(call=CallFactory(program=two_programs[1]))

    assert final_status(client, reverse("application:inspect", args=[other.pk])) == 404


def test_officer_downloads_an_attachment_of_their_program(client, two_programs, officer_of_first):
    attachment = ApplicationFileFactory(
        application=ApplicationFactory(call=CallFactory(program=two_programs[0]))
    )

    response = client.get(reverse("application:attachment", args=[attachment.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 statutes"
    assert response["Content-Disposition"].startswith("attachment")


def test_attachment_of_another_program_answers_404(client, two_programs, officer_of_first):
    attachment = ApplicationFileFactory(
        application=ApplicationFactory(call=CallFactory(program=two_programs[1]))
    )

    assert final_status(client, reverse("application:attachment", args=[attachment.pk])) == 404


def test_attachment_of_a_draft_answers_404(client, two_programs, officer_of_first):
    draft = ApplicationFactory(
        call=CallFactory(program=two_programs[0]), status="draft", reference=None
    )
    attachment = ApplicationFileFactory(application=draft)

    assert final_status(client, reverse("application:attachment", args=[attachment.pk])) == 404


def test_officer_lists_only_their_programs(client, two_programs, officer_of_first):
    response = client.get(reverse("program:index"))

    assert list(response.context["object_list"]) == [two_programs[0]]


def test_officer_lists_only_the_cohorts_and_calls_of_their_program(
    client, two_programs, officer_of_first
):
    own_call = CallFactory(program=two_programs[0])
    CallFactory(program=two_programs[1])

    cohorts = client.get(reverse("cohort:index")).context["object_list"]
    calls = client.get(reverse("call:index")).context["object_list"]

    assert list(cohorts) == [own_call.cohort]
    assert list(calls) == [own_call]


def test_officer_can_edit_a_call_of_their_program(client, two_programs, officer_of_first):
    own = CallFactory(program=two_programs[0])

    assert client.get(reverse("call:edit", args=[own.pk])).status_code == 200


def test_call_of_another_program_answers_404(client, two_programs, officer_of_first):
    other = CallFactory(program=two_programs[1])

    assert final_status(client, reverse("call:edit", args=[other.pk])) == 404
    assert final_status(client, reverse("call:history", args=[other.pk])) == 404


def test_cohort_of_another_program_answers_404(client, two_programs, officer_of_first):
    other = CohortFactory(program=two_programs[1])

    assert final_status(client, reverse("cohort:edit", args=[other.pk])) == 404


def test_officer_can_choose_only_their_programs_for_a_call(client, two_programs, officer_of_first):
    form = client.get(reverse("call:add")).context["form"]

    assert list(form.fields["program"].queryset) == [two_programs[0]]
    assert {cohort.program for cohort in form.fields["cohort"].queryset} <= {two_programs[0]}


def test_officer_sees_cooperatives_that_applied_to_their_program_only(
    client, two_programs, officer_of_first
):
    own = CooperativeFactory()
    ApplicationFactory(call=CallFactory(program=two_programs[0]), cooperative=own)
    other = CooperativeFactory()
    ApplicationFactory(call=CallFactory(program=two_programs[1]), cooperative=other)

    response = client.get(reverse("cooperative:index"))

    assert list(response.context["object_list"]) == [own]
    assert final_status(client, reverse("cooperative:edit", args=[other.pk])) == 404


def test_reference_data_is_visible_to_every_office(client, officer_of_first):
    assert client.get(reverse("region:index")).status_code == 200
