import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from accelerator.calls.models import Application, Call
from accelerator.eligibility.models import EligibilityOverride, EligibilityRule
from accelerator.eligibility.services import screen
from tests.admin.factories import ApplicationFactory, CallFactory, CohortFactory, RegionFactory
from tests.admin.test_call_form import call_form_data
from tests.factories import StaffFactory

from .factories import EligibilityRuleFactory

pytestmark = pytest.mark.django_db

Kind = EligibilityRule.Kind


def final_status(client, url, method="get", data=None):
    # A 404 outside i18n_patterns is first redirected to the language-prefixed path.
    return getattr(client, method)(url, data or {}, follow=True).status_code


@pytest.fixture
def screened(call):
    EligibilityRuleFactory(call=call, kind=Kind.MIN_MEMBERS, number=30)
    application = ApplicationFactory(call=call, members_total=24, members_women=None)
    screen(application)
    return application


@pytest.fixture
def officer(client, call, office_member):
    person = office_member(call.program)
    client.force_login(person)
    return person


@pytest.fixture
def other_programs_officer(client, office_member):
    person = office_member(CallFactory().program)
    client.force_login(person)
    return person


def override_url(application):
    return reverse("eligibility_override", args=[application.pk])


def test_office_staff_read_each_rule_with_its_reason_on_the_application(client, officer, screened):
    response = client.get(reverse("application:inspect", args=[screened.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Minimum number of members" in content
    assert "The cooperative has 24 members; this call requires at least 30." in content
    assert "Not eligible" in content
    assert override_url(screened) in content


def test_the_panel_reads_in_the_staff_members_language(client, officer, call):
    from wagtail.users.models import UserProfile

    EligibilityRuleFactory(call=call, kind=Kind.MIN_MEMBERS, number=2000)
    application = ApplicationFactory(call=call, members_total=1250, members_women=None)
    screen(application)
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "ar"
    profile.save()

    content = client.get(reverse("application:inspect", args=[application.pk])).content.decode()

    assert 'dir="rtl"' in content
    assert "1.250" in content  # Moroccan Arabic groups thousands with a dot
    assert "2.000" in content


def test_staff_of_another_program_cannot_see_or_override(client, other_programs_officer, screened):
    assert final_status(client, reverse("application:inspect", args=[screened.pk])) == 404
    assert final_status(client, override_url(screened)) == 404
    data = {"eligible": "yes", "justification": "Because"}
    assert final_status(client, override_url(screened), "post", data) == 404
    assert not EligibilityOverride.objects.exists()


def test_override_is_recorded_and_wins(client, officer, screened):
    response = client.post(
        override_url(screened),
        {"eligible": "yes", "justification": "Membership register checked on site."},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("application:inspect", args=[screened.pk])
    record = EligibilityOverride.objects.get()
    assert (record.eligible, record.decided_by) == (True, officer)
    screened.refresh_from_db()
    assert screened.eligibility == Application.Eligibility.ELIGIBLE
    history = client.get(response["Location"]).content.decode()
    assert "Membership register checked on site." in history


def test_override_without_justification_is_refused_and_keeps_the_choice(client, officer, screened):
    response = client.post(override_url(screened), {"eligible": "yes", "justification": " "})

    content = response.content.decode()
    assert response.status_code == 200
    assert "Say why the result of the screening is replaced." in content
    assert re.search(r'<input[^>]*name="eligible"[^>]*value="yes"[^>]*checked', content)
    assert not EligibilityOverride.objects.exists()
    screened.refresh_from_db()
    assert screened.eligibility == Application.Eligibility.INELIGIBLE


def test_office_staff_screen_a_call_again_after_a_rule_changes(client, officer, call, screened):
    EligibilityRule.objects.filter(call=call).update(number=20)
    url = reverse("eligibility_screen_call", args=[call.pk])

    confirm = client.get(url)
    response = client.post(url)

    assert confirm.status_code == 200
    assert response.status_code == 302
    assert response["Location"] == reverse("call:edit", args=[call.pk])
    screened.refresh_from_db()
    assert screened.eligibility == Application.Eligibility.ELIGIBLE
    messages = [str(m).strip() for m in get_messages(response.wsgi_request)]
    assert messages == ["1 application screened again: 1 eligible, 0 not eligible."]


def test_screening_again_is_refused_to_another_programs_staff(
    client, other_programs_officer, call, screened
):
    url = reverse("eligibility_screen_call", args=[call.pk])

    assert final_status(client, url) == 404
    assert final_status(client, url, "post") == 404
    screened.refresh_from_db()
    assert screened.eligibility == Application.Eligibility.INELIGIBLE


def test_screening_again_is_reachable_from_the_calls_edit_form(client, officer, call):
    response = client.get(reverse("call:edit", args=[call.pk]))

    content = response.content.decode()
    assert reverse("eligibility_screen_call", args=[call.pk]) in content
    assert "eligibility_rules-TOTAL_FORMS" in content


def rule_data(index, **fields):
    prefix = f"eligibility_rules-{index}-"
    data = {prefix + "ORDER": str(index + 1), prefix + "id": ""}
    data.update({prefix + name: value for name, value in fields.items()})
    return data


def with_rules(data, *rules):
    data = {
        **data,
        "eligibility_rules-TOTAL_FORMS": str(len(rules)),
        "eligibility_rules-INITIAL_FORMS": "0",
        "eligibility_rules-MIN_NUM_FORMS": "0",
        "eligibility_rules-MAX_NUM_FORMS": "1000",
    }
    for index, fields in enumerate(rules):
        data.update(rule_data(index, **fields))
    return data


def test_rules_are_saved_from_the_calls_eligibility_tab(client):
    client.force_login(StaffFactory())
    cohort, souss = CohortFactory(), RegionFactory()
    data = with_rules(
        call_form_data(cohort),
        {"kind": Kind.PLACE, "regions": [str(souss.pk)]},
        {"kind": Kind.REGISTERED_WITHIN, "years": "4"},
    )

    response = client.post(reverse("call:add"), data)

    assert response.status_code == 302, (
        response.context["form"].formsets["eligibility_rules"].errors
    )
    place, age = Call.objects.get().eligibility_rules.all()
    assert list(place.regions.all()) == [souss]
    assert age.years == 4


def test_a_rule_without_its_list_is_refused_next_to_the_field(client):
    client.force_login(StaffFactory())
    data = with_rules(call_form_data(CohortFactory()), {"kind": Kind.PLACE})

    response = client.post(reverse("call:add"), data)

    assert response.status_code == 200
    rule_form = response.context["form"].formsets["eligibility_rules"].forms[0]
    assert "regions" in rule_form.errors
    assert not Call.objects.exists()
