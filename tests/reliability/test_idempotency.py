"""Submissions are idempotent and concurrent decisions are detected: a form posted twice (double
click, retry on a bad connection) records once; a decision posted from a page opened before
another decision records nothing and says why."""

import uuid

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse

from accelerator.calls.models import Application
from accelerator.notifications.models import OutboxMessage
from accelerator.selection.models import Decision, Outcome
from accelerator.selection.services import decide
from accelerator.support.models import CoachingVisit, FollowUp
from tests.support.coaching_people import *  # noqa: F403 — fixtures
from tests.support.visit_forms import visit_data

pytestmark = pytest.mark.django_db


def decision_form(application, **fields):
    """What the decision form on the application's page posts, as the page rendered it."""
    return {
        "outcome": "admit",
        "reason": "",
        "note": "",
        "phase": application.phase_id or "",
        "request_key": uuid.uuid4().hex,
        "seen_decision": "0",
        **fields,
    }


def post_decision(client, application, data):
    return client.post(reverse("selection:decide", args=[application.pk]), data, follow=True)


def test_the_decision_form_carries_a_request_key_and_the_decision_it_was_opened_on(
    client, officer, applicant, regions
):
    application = applicant(regions[0], 90)
    first = decide(application, Outcome.WAITLIST, by=officer)
    client.force_login(officer)

    page = client.get(reverse("application:inspect", args=[application.pk])).content.decode()

    assert 'name="request_key"' in page
    assert f'name="seen_decision" value="{first.pk}"' in page


def test_a_decision_form_posted_twice_records_one_decision_and_one_notice(
    client, officer, applicant, regions, django_capture_on_commit_callbacks
):
    application = applicant(regions[0], 90)
    client.force_login(officer)
    data = decision_form(application)

    with django_capture_on_commit_callbacks(execute=True):
        post_decision(client, application, data)
    with django_capture_on_commit_callbacks(execute=True):
        post_decision(client, application, data)

    assert Decision.objects.filter(application=application).count() == 1
    assert OutboxMessage.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_bulk_decision_posted_twice_decides_each_application_once(
    client, officer, call, applicant, regions
):
    applications = [applicant(regions[1], 80), applicant(regions[2], 85)]
    client.force_login(officer)
    url = reverse("selection:bulk", args=[call.pk])
    data = {"outcome": "waitlist", "confirm": "on", "request_key": uuid.uuid4().hex}

    client.post(url, data)
    client.post(url, data)

    assert Decision.objects.filter(application__in=applications).count() == 2


def test_a_decision_from_a_page_opened_before_another_decision_records_nothing(
    client, officer, applicant, regions
):
    application = applicant(regions[0], 90)
    client.force_login(officer)
    opened_before = decision_form(application, outcome="reject", reason="score")
    decide(application, Outcome.WAITLIST, by=officer)

    response = post_decision(client, application, opened_before)

    assert Decision.objects.filter(application=application).count() == 1
    assert Application.objects.get(pk=application.pk).status == Application.Status.WAITLISTED
    assert any(
        "Another decision was recorded on this application" in str(message)
        for message in get_messages(response.wsgi_request)
    )


def test_a_decision_from_an_up_to_date_page_is_recorded(client, officer, applicant, regions):
    application = applicant(regions[0], 90)
    earlier = decide(application, Outcome.WAITLIST, by=officer)
    client.force_login(officer)

    post_decision(client, application, decision_form(application, seen_decision=str(earlier.pk)))

    assert Application.objects.get(pk=application.pk).status == Application.Status.ADMITTED


def test_the_new_visit_form_posted_twice_logs_one_visit_with_its_follow_ups_once(
    client, coach, member
):
    client.force_login(coach)
    url = f"/en/workspace/cooperatives/{member.pk}/visits/new/"
    data = visit_data(
        follow_ups=[
            {"description": "Draft the minutes", "owner": "Secretary", "due_on": "2026-05-25"}
        ],
        draft_key=str(uuid.uuid4()),
    )

    client.post(url, data)
    client.post(url, data)

    assert CoachingVisit.objects.count() == 1
    assert FollowUp.objects.count() == 1
