import pytest
from django.urls import reverse

from accelerator.calls.models import Application
from accelerator.programs.models import Membership
from accelerator.selection.models import Proposal
from tests.admin.factories import ProgramFactory
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stranger(db):
    """Office staff of another program."""
    user = StaffFactory(is_superuser=False, username="other-office")
    Membership.objects.create(
        program=ProgramFactory(), user=user, role=Membership.Role.ADMINISTRATOR
    )
    return user


def test_office_prepares_and_confirms_a_proposal(client, officer, call, applicant, regions):
    first, second = applicant(regions[0], 90), applicant(regions[0], 80)
    client.force_login(officer)

    response = client.post(
        reverse("selection:call", args=[call.pk]), {"min_region_share": "0", "min_score": "0"}
    )
    proposal = Proposal.objects.get()
    assert response["Location"] == reverse("selection:proposal", args=[proposal.pk])
    page = client.get(response["Location"]).content.decode()
    assert first.reference in page and second.reference in page

    client.post(reverse("selection:proposal", args=[proposal.pk]))

    assert Application.objects.get(pk=first.pk).status == Application.Status.ADMITTED


def test_another_programs_office_sees_nothing_of_this_selection(
    client, stranger, call, applicant, regions
):
    application = applicant(regions[0], 90)
    client.force_login(stranger)

    assert client.get(reverse("selection:call", args=[call.pk])).status_code == 404
    response = client.post(reverse("selection:decide", args=[application.pk]), {"outcome": "admit"})
    assert response.status_code == 404
    assert call.title not in client.get(reverse("selection:index")).content.decode()


def test_decision_form_on_the_application_page(client, officer, applicant, regions):
    application = applicant(regions[0], 90)
    client.force_login(officer)

    page = client.get(reverse("application:inspect", args=[application.pk])).content.decode()
    assert reverse("selection:decide", args=[application.pk]) in page

    client.post(
        reverse("selection:decide", args=[application.pk]),
        {"outcome": "reject", "reason": "", "note": ""},
    )
    assert Application.objects.get(pk=application.pk).status == Application.Status.SUBMITTED

    client.post(
        reverse("selection:decide", args=[application.pk]),
        {"outcome": "reject", "reason": "score", "note": "Score 42/100"},
    )
    assert Application.objects.get(pk=application.pk).status == Application.Status.REJECTED


def test_bulk_decision_applies_to_exactly_the_filtered_list(
    client, officer, call, applicant, regions
):
    high = [applicant(regions[1], 80), applicant(regions[2], 85)]
    low = applicant(regions[1], 30)
    client.force_login(officer)
    url = reverse("selection:bulk", args=[call.pk]) + "?score_min=50"

    listing = client.get(url).content.decode()
    assert high[0].reference in listing and low.reference not in listing
    client.post(url, {"outcome": "waitlist", "confirm": "on"})

    statuses = {a.pk: Application.objects.get(pk=a.pk).status for a in [*high, low]}
    assert statuses == {
        high[0].pk: "waitlisted",
        high[1].pk: "waitlisted",
        low.pk: "submitted",
    }


def test_selection_screen_runs_a_bounded_number_of_queries(
    client, officer, call, applicant, regions, django_assert_max_num_queries
):
    for score in range(30):
        applicant(regions[score % 3], score)
    client.force_login(officer)

    with django_assert_max_num_queries(40):
        client.get(reverse("selection:call", args=[call.pk]))
