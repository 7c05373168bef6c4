"""Screening happens when a cooperative submits through the public form."""

import pytest

from accelerator.calls.models import Application
from accelerator.eligibility.models import EligibilityRule
from tests.calls.conftest import call, call_pages, form_data, places  # noqa: F401
from tests.calls.helpers import start, statutes

from .factories import EligibilityRuleFactory

pytestmark = pytest.mark.django_db

Kind = EligibilityRule.Kind


def submit(client, url, data, **files):
    return client.post(url, {**data, "action": "submit", **files})


def test_submitting_screens_the_application_against_the_calls_rules(
    client,
    call,  # noqa: F811
    call_pages,  # noqa: F811
    form_data,  # noqa: F811
    places,  # noqa: F811
):
    EligibilityRuleFactory(call=call, kind=Kind.DOCUMENT, question_key="statutes")
    EligibilityRuleFactory(call=call, kind=Kind.PLACE, lists={"regions": [places["region"]]})
    EligibilityRuleFactory(call=call, kind=Kind.MIN_MEMBERS, number=30)
    _draft, url = start(client, call_pages["en"])

    response = submit(client, url, form_data(members_total="24"), q_statutes=statutes())

    assert response.status_code == 302
    application = Application.objects.get()
    assert application.status == Application.Status.SUBMITTED
    assert application.eligibility == Application.Eligibility.INELIGIBLE
    assert [(c.kind, c.passed) for c in application.eligibility_checks.all()] == [
        (Kind.DOCUMENT, True),
        (Kind.PLACE, True),
        (Kind.MIN_MEMBERS, False),
    ]


def test_submitting_to_a_call_whose_rules_are_met_makes_the_application_eligible(
    client,
    call,  # noqa: F811
    call_pages,  # noqa: F811
    form_data,  # noqa: F811
):
    EligibilityRuleFactory(call=call, kind=Kind.REGISTERED_WITHIN, years=4)
    _draft, url = start(client, call_pages["en"])

    submit(client, url, form_data(), q_statutes=statutes())

    assert Application.objects.get().eligibility == Application.Eligibility.ELIGIBLE
