"""Everything held about a cooperative or a person, as one JSON download; erased on request
while every published figure stays the same."""

import json
from unittest import mock

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accelerator.calls.models import Application, ApplicationFile
from accelerator.cooperatives.models import Cooperative, Representative
from accelerator.privacy import personal_data
from accelerator.programs.models import Membership
from accelerator.results.compute import compute
from accelerator.reviews.models import Review, Score
from accelerator.selection.figures import call_figures
from accelerator.support.models import Attendance, CoachingVisit
from tests.admin.factories import ApplicationFileFactory
from tests.factories import StaffFactory, UserFactory
from tests.results.scenario import TODAY, build_scenario
from tests.reviews.factories import CriterionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def scenario(db):
    with mock.patch("accelerator.results.signals.schedule_recompute"):
        return build_scenario()


@pytest.fixture
def administrator(scenario):
    user = StaffFactory(is_superuser=False, username="administrator")
    Membership.objects.create(
        program=scenario.program, user=user, role=Membership.Role.ADMINISTRATOR
    )
    return user


def figures(scenario):
    results = compute(scenario.cohort, today=TODAY)
    for volatile in ("computed_at",):
        results.pop(volatile)
    call = scenario.members["A"].application.call
    return results, call_figures(call)


def test_erasing_a_cooperative_leaves_every_figure_unchanged(scenario, administrator):
    member = scenario.members["A"]
    cooperative, application = member.cooperative, member.application
    CoachingVisit.objects.filter(member=member).update(topics="Mrs Amina's family dispute")
    before = figures(scenario)

    personal_data.erase_cooperative(cooperative, user=administrator, reason="Request of 3 May")

    assert figures(scenario) == before
    cooperative.refresh_from_db()
    application.refresh_from_db()
    assert cooperative.legal_name.startswith(personal_data.ERASED)
    assert application.legal_name == cooperative.legal_name
    assert application.email.endswith("@erased.invalid")
    assert (cooperative.contact_name, cooperative.contact_email) == ("", "")
    assert not CoachingVisit.objects.filter(topics__contains="Amina").exists()
    assert all(
        row.full_name.startswith(personal_data.ERASED)
        for row in Attendance.objects.filter(member=member)
    )


def test_an_erasure_deletes_the_attached_files_and_is_logged_with_its_reason(
    scenario, administrator
):
    member = scenario.members["B"]
    attachment = ApplicationFileFactory(application=member.application)
    storage, name = attachment.file.storage, attachment.file.name

    with mock.patch("django.db.transaction.on_commit", side_effect=lambda f, **k: f()):
        personal_data.erase_cooperative(
            member.cooperative, user=administrator, reason="Request of 3 May"
        )

    assert not storage.exists(name)
    assert ApplicationFile.objects.get().original_name == personal_data.ERASED
    entry = ModelLogEntry.objects.get(action="accelerator.anonymise")
    assert entry.user == administrator
    assert entry.data == {"program": scenario.program.pk, "reason": "Request of 3 May"}


def test_an_erasure_needs_a_reason(client, scenario, administrator):
    cooperative = scenario.members["A"].cooperative
    client.force_login(administrator)

    response = client.post(
        reverse("privacy:cooperative", args=[cooperative.pk]), {"reason": "", "confirm": "on"}
    )

    assert response.status_code == 200
    assert Cooperative.objects.get(pk=cooperative.pk).legal_name == cooperative.legal_name


def test_the_cooperative_export_holds_its_records_without_reviewers(
    client, scenario, administrator
):
    member = scenario.members["A"]
    application = member.application
    ApplicationFileFactory(application=application, original_name="statuts.pdf")
    reviewer = UserFactory(username="reviewer-karim", first_name="Karim", last_name="Alaoui")
    review = Review.objects.create(
        application=application, reviewer=reviewer, status=Review.Status.SUBMITTED, total=80
    )
    Score.objects.create(review=review, criterion=CriterionFactory(call=application.call), value=4)
    client.force_login(administrator)

    response = client.get(reverse("privacy:cooperative_export", args=[member.cooperative.pk]))

    assert response["Content-Disposition"].startswith("attachment")
    document = json.loads(response.content)
    assert document["cooperative"]["legal_name"] == member.cooperative.legal_name
    (exported,) = document["applications"]
    assert exported["reference"] == application.reference
    assert exported["attachments"][0]["file_name"] == "statuts.pdf"
    assert exported["reviews"][0]["scores"][0]["score"] == 4
    assert "Karim" not in response.content.decode()
    assert "reviewer-karim" not in response.content.decode()
    (membership,) = document["cohort_memberships"]
    assert membership["diagnostics"] and membership["training_attendance"]


def test_another_programs_administrator_finds_nothing(client, scenario):
    elsewhere = StaffFactory(is_superuser=False, username="elsewhere")
    Membership.objects.create(
        program=type(scenario.program).objects.create(
            name="Other",
            code="other",
            country="VN",
            currency="VND",
            start_date=TODAY,
            end_date=TODAY,
        ),
        user=elsewhere,
        role=Membership.Role.ADMINISTRATOR,
    )
    cooperative = scenario.members["A"].cooperative
    client.force_login(elsewhere)

    assert client.get(reverse("privacy:cooperative", args=[cooperative.pk])).status_code == 404
    assert (
        client.get(reverse("privacy:cooperative_export", args=[cooperative.pk])).status_code == 404
    )


def test_officers_cannot_handle_personal_data(client, scenario):
    officer = StaffFactory(is_superuser=False, username="officer")
    Membership.objects.create(program=scenario.program, user=officer, role=Membership.Role.OFFICER)
    client.force_login(officer)

    assert client.get(reverse("privacy:index")).status_code == 404


def test_a_person_is_exported_and_erased_by_e_mail(client, scenario, administrator):
    application = scenario.members["C"].application
    Application.objects.filter(pk=application.pk).update(
        email="amina@example.org", contact_name="Amina", contact_email="amina@example.org"
    )
    representative = Representative.objects.create(
        cooperative=scenario.members["C"].cooperative, email="Amina@example.org"
    )
    attendance = Attendance.objects.filter(member=scenario.members["C"]).first()
    Attendance.objects.filter(pk=attendance.pk).update(full_name="Amina Benali")
    query = {"email": "amina@example.org", "name": "Amina Benali"}
    client.force_login(administrator)

    document = json.loads(client.get(reverse("privacy:person_export"), query).content)
    assert [a["reference"] for a in document["applications_submitted"]] == [application.reference]
    assert document["training_attendance"][0]["full_name"] == "Amina Benali"
    assert len(document["representative_of"]) == 2

    before = figures(scenario)
    client.post(
        f"{reverse('privacy:person')}?email=amina%40example.org&name=Amina+Benali",
        {"reason": "E-mail of 3 May", "confirm": "on"},
    )

    application.refresh_from_db()
    assert "amina" not in application.email
    assert (application.contact_name, application.contact_email) == ("", "")
    assert Attendance.objects.get(pk=attendance.pk).full_name.startswith(personal_data.ERASED)
    representative.refresh_from_db()
    assert "amina" not in representative.email and representative.revoked_at is not None
    assert figures(scenario) == before
