"""Who sees and changes coaching visits: the cooperative's coaches read and write, its program
office reads, everyone else learns nothing (404), and anonymous people are sent to sign in."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accelerator.support.models import CoachingVisit, VisitAttachment
from tests.support.coaching import CoachContractFactory, VisitFactory
from tests.support.coaching_people import *  # noqa: F403 — fixtures
from tests.support.visit_forms import PDF, visit_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit(member, coach):
    return VisitFactory(member=member, coach=coach, topics="Bookkeeping")


@pytest.fixture
def report(visit):
    return VisitAttachment.objects.create(
        visit=visit,
        file=SimpleUploadedFile("report.pdf", PDF),
        original_name="report.pdf",
        content_type="application/pdf",
        size=len(PDF),
    )


def people(request, *names):
    return {name: request.getfixturevalue(name) for name in names}


READERS = ["coach", "co_coach", "office"]
OUTSIDERS = ["other_coach", "other_office"]


@pytest.mark.parametrize("who", READERS)
def test_the_coaches_and_the_program_office_read_the_visits(request, client, who, visit):
    client.force_login(request.getfixturevalue(who))

    listing = client.get(f"/en/workspace/cooperatives/{visit.member_id}/visits/")
    page = client.get(f"/en/workspace/visits/{visit.pk}/")

    assert listing.status_code == page.status_code == 200
    assert list(listing.context["visits"]) == [visit]
    assert "Bookkeeping" in page.content.decode()


@pytest.mark.parametrize("who", OUTSIDERS)
def test_another_coach_or_program_learns_nothing_of_the_visits(request, client, who, visit):
    client.force_login(request.getfixturevalue(who))

    for address in (
        f"/en/workspace/cooperatives/{visit.member_id}/visits/",
        f"/en/workspace/cooperatives/{visit.member_id}/visits/new/",
        f"/en/workspace/visits/{visit.pk}/",
    ):
        assert client.get(address).status_code == 404, address


@pytest.mark.parametrize("who", ["office", *OUTSIDERS])
def test_only_the_cooperatives_coaches_change_its_visits(request, client, who, visit):
    client.force_login(request.getfixturevalue(who))

    responses = [
        client.post(f"/en/workspace/visits/{visit.pk}/", visit_data(topics="Changed")),
        client.post(
            reverse("workspace:visits:autosave", args=[visit.pk]), visit_data(topics="Changed")
        ),
        client.post(f"/en/workspace/cooperatives/{visit.member_id}/visits/new/", visit_data()),
        client.post(reverse("workspace:visits:autosave_new", args=[visit.member_id]), visit_data()),
    ]

    assert [response.status_code for response in responses] == [404] * 4
    visit.refresh_from_db()
    assert visit.topics == "Bookkeeping"
    assert CoachingVisit.objects.count() == 1


def test_the_office_reads_a_visit_without_its_form(client, office, visit):
    client.force_login(office)

    response = client.get(f"/en/workspace/visits/{visit.pk}/")

    content = response.content.decode()
    assert response.status_code == 200
    assert "data-visit-autosave" not in content
    assert 'name="topics"' not in content
    assert "Bookkeeping" in content


def test_a_co_coach_edits_the_visits_of_the_cooperative(client, co_coach, visit):
    client.force_login(co_coach)

    response = client.post(
        f"/en/workspace/visits/{visit.pk}/", visit_data(revision=visit.revision, topics="Stock")
    )

    assert response.status_code == 302
    visit.refresh_from_db()
    assert (visit.topics, visit.coach.username) == ("Stock", "coach")


def test_a_coach_whose_assignment_ended_no_longer_sees_the_visits(client, assignment, visit):
    assignment.ended_on = visit.visited_on
    assignment.save()
    client.force_login(assignment.coach)

    assert client.get(f"/en/workspace/visits/{visit.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("coach", 200),
        ("co_coach", 200),
        ("office", 200),
        ("other_coach", 404),
        ("other_office", 404),
    ],
)
def test_a_visit_file_is_served_to_those_who_read_the_visit(request, client, who, status, report):
    client.force_login(request.getfixturevalue(who))

    response = client.get(reverse("workspace:visits:attachment", args=[report.visit_id, report.pk]))

    assert response.status_code == status


def test_anonymous_people_are_sent_to_sign_in(client, visit, report):
    for address in (
        "/vi/workspace/",
        f"/vi/workspace/cooperatives/{visit.member_id}/visits/",
        f"/vi/workspace/cooperatives/{visit.member_id}/visits/new/",
        f"/vi/workspace/visits/{visit.pk}/",
        reverse("workspace:visits:attachment", args=[visit.pk, report.pk]),
    ):
        response = client.get(address)
        assert response.status_code == 302, address
        assert "/workspace/login/?next=" in response["Location"], address


# The office's screens ------------------------------------------------------------------------


def test_the_office_opens_the_coaching_report_of_its_program(client, office, visit):
    program = visit.member.cohort.program
    client.force_login(office)

    response = client.get(reverse("coaching:report", args=[program.pk]))

    assert response.status_code == 200
    assert [row.coach.username for row in response.context["coaches"]] == ["coach"]


def with_admin_access(user):
    """A coach reaches the admin through their role's group; a lone test coach gets the same."""
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )


@pytest.mark.parametrize("who", ["other_office", "coach"])
def test_the_coaching_report_of_another_program_answers_404(request, client, who, visit):
    program = visit.member.cohort.program
    user = request.getfixturevalue(who)
    with_admin_access(user)
    client.force_login(user)

    for address in (
        reverse("coaching:report", args=[program.pk]),
        reverse("coaching:export", args=[program.pk, "coaches"]),
    ):
        assert client.get(address).status_code == 404, address


def test_the_office_sees_and_edits_only_its_programs_contracts_and_assignments(
    client, office, assignment, other_office
):
    contract = CoachContractFactory(
        program=assignment.member.cohort.program, coach=assignment.coach
    )
    elsewhere = CoachContractFactory(program=other_office.memberships.get().program)
    client.force_login(office)

    contracts = client.get(reverse("coach_contracts:index"))
    assignments = client.get(reverse("coach_assignments:index"))

    assert list(contracts.context["object_list"]) == [contract]
    assert list(assignments.context["object_list"]) == [assignment]
    assert client.get(reverse("coach_contracts:edit", args=[contract.pk])).status_code == 200
    assert client.get(reverse("coach_contracts:edit", args=[elsewhere.pk])).status_code == 404


def test_each_table_of_the_report_downloads_as_csv(client, office, visit, member):
    program = member.cohort.program
    member.cooperative.legal_name = "=Tân Phú"
    member.cooperative.save()
    client.force_login(office)

    coaches = client.get(reverse("coaching:export", args=[program.pk, "coaches"]))
    waiting = client.get(reverse("coaching:export", args=[program.pk, "not-visited"]) + "?days=1")
    cohorts = client.get(reverse("coaching:export", args=[program.pk, "cohorts"]))

    assert coaches["Content-Type"] == "text/csv; charset=utf-8"
    lines = coaches.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Coach,Cooperatives,Sessions contracted,Expected to date")
    assert lines[1].startswith("Hoa Nguyễn,1,12,")
    assert "'=Tân Phú" in waiting.content.decode("utf-8-sig")
    assert cohorts.content.decode("utf-8-sig").splitlines()[1].endswith(",1,1,1,2.0")
    assert client.get(reverse("coaching:export", args=[program.pk, "other"])).status_code == 404
