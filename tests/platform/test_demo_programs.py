"""The demo programs, calls, applications, pages and accounts that `make run` shows."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import identify_hasher
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from accelerator.calls.models import Application, ApplicationFile, Call, CallQuestion
from accelerator.cooperatives.models import Cooperative
from accelerator.core.demo.accounts import ACCOUNTS, ensure_accounts
from accelerator.core.demo.calls import ATLAS_CALL, DIGITAL_CALL
from accelerator.core.demo.programs import ATLAS, ensure_programs
from accelerator.programs.models import (
    Cohort,
    LegalForm,
    Membership,
    Phase,
    Program,
    Province,
    Region,
    Sector,
)
from accelerator.programs.roles import GROUP_NAMES
from cms.models import CallIndexPage, CallPage
from tests.factories import wagtail_root

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def migrated_tree():
    wagtail_root()


def load():
    call_command("load_demo_data", quiet_logins=True)


def demo_state():
    """Counts of everything the demo creates, and the fields people would notice changing."""
    counted = [
        Region,
        Province,
        Sector,
        LegalForm,
        Program,
        Cohort,
        Phase,
        Membership,
        get_user_model(),
        Call,
        CallQuestion,
        Application,
        ApplicationFile,
        Cooperative,
        CallIndexPage,
        CallPage,
    ]
    return {
        "counts": {model.__name__: model.objects.count() for model in counted},
        "calls": list(
            Call.objects.order_by("pk").values_list(
                "reference_prefix", "opens_at", "closes_at", "next_reference_number"
            )
        ),
        "applications": list(
            Application.objects.order_by("pk").values_list(
                "email", "status", "reference", "registration_key", "submitted_at", "version"
            )
        ),
        "pages": list(
            CallPage.objects.order_by("pk").values_list(
                "locale__language_code", "title", "slug", "live", "latest_revision_id"
            )
        ),
    }


def test_loading_the_demo_twice_creates_nothing_the_second_time():
    load()
    first = demo_state()

    load()

    assert demo_state() == first


def test_moroccan_cohort_of_500_is_admitted_in_three_regional_phases():
    load()

    cohort = Cohort.objects.get(program__code=ATLAS)
    phases = list(cohort.phases.order_by("sort_order"))
    call = Call.objects.get(reference_prefix=ATLAS_CALL)

    assert cohort.capacity == 500
    assert [phase.capacity for phase in phases] == [167, 167, 166]
    assert all(phase.regions.exists() for phase in phases)
    assert set(call.regions.all()) == {region for phase in phases for region in phase.regions.all()}


def test_moroccan_call_is_closed_with_over_a_hundred_submitted_applications_and_some_drafts():
    load()

    call = Call.objects.get(reference_prefix=ATLAS_CALL)
    submitted = list(call.applications.submitted())
    references = [application.reference for application in submitted]

    assert call.state() == Call.State.CLOSED
    assert len(submitted) >= 100
    assert len(set(references)) == len(references)
    assert all(reference.startswith(f"{ATLAS_CALL}-") for reference in references)
    assert all(call.opens_at <= a.submitted_at < call.closes_at for a in submitted)
    assert all(a.files.filter(question_key="statutes").exists() for a in submitted)
    assert call.applications.filter(status=Application.Status.DRAFT).count() >= 5


def test_vietnamese_call_is_open_with_applications_in_vietnamese():
    load()

    call = Call.objects.get(reference_prefix=DIGITAL_CALL)
    submitted = call.applications.submitted()

    assert call.state() == Call.State.OPEN
    assert submitted.exists()
    assert set(submitted.values_list("language", flat=True)) == {"vi"}
    assert submitted.filter(legal_name__startswith="Hợp tác xã").count() == submitted.count()


def test_every_demo_account_signs_in_and_non_superusers_hold_their_roles():
    load()
    User = get_user_model()

    for account in ACCOUNTS:
        assert Client().login(username=account.username, password=account.password)
        user = User.objects.get(username=account.username)
        if account.is_superuser:
            continue
        held = set(user.memberships.values_list("program__code", "role"))
        assert held == set(account.memberships)
        groups = set(user.groups.values_list("name", flat=True))
        assert {GROUP_NAMES[role] for _code, role in account.memberships} <= groups


def test_every_role_has_a_demo_account():
    roles = {role for account in ACCOUNTS for _code, role in account.memberships}

    assert roles | {Membership.Role.ADMINISTRATOR} == set(Membership.Role.values)


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"])
def test_demo_password_is_rehashed_at_full_strength_at_first_sign_in():
    ensure_programs()
    ensure_accounts()
    account = next(account for account in ACCOUNTS if not account.is_superuser)
    User = get_user_model()

    assert Client().login(username=account.username, password=account.password)

    stored = User.objects.get(username=account.username).password
    assert not identify_hasher(stored).must_update(stored)


def test_each_call_has_a_live_page_in_english_vietnamese_and_arabic():
    load()
    client = Client()

    for call in Call.objects.filter(reference_prefix__in=[ATLAS_CALL, DIGITAL_CALL]):
        pages = {
            page.locale.language_code: page
            for page in CallPage.objects.live().filter(call=call).select_related("locale")
        }
        assert set(pages) == {"en", "vi", "ar"}
        assert pages["vi"].title != pages["en"].title
        assert pages["ar"].title != pages["en"].title
        for page in pages.values():
            assert isinstance(page.get_parent().specific, CallIndexPage)
            assert client.get(page.url).status_code == 200


def test_demo_dates_follow_the_day_it_was_first_loaded():
    load()
    now = timezone.now()

    closed = Call.objects.get(reference_prefix=ATLAS_CALL)
    open_call = Call.objects.get(reference_prefix=DIGITAL_CALL)

    assert 699 <= (now - closed.opens_at).days <= 701
    assert 639 <= (now - closed.closes_at).days <= 641
    assert 44 <= (open_call.closes_at - now).days <= 45


def test_closed_call_went_through_selection_with_a_confirmed_cohort_and_a_waiting_list():
    load()
    from accelerator.calls.models import Application
    from accelerator.reviews.models import Review
    from accelerator.selection.models import CohortMember, Proposal

    applications = Application.objects.filter(call__reference_prefix="ATL1").submitted()

    assert applications.filter(eligibility="ineligible").exists()
    assert applications.filter(eligibility="eligible").count() > 80
    assert set(Review.objects.values_list("reviewer__username", flat=True)) >= {
        "reviewer1",
        "reviewer2",
        "reviewer3",
    }
    assert Review.objects.filter(status="conflict").exists()
    assert Proposal.objects.filter(confirmed_at__isnull=False).exists()
    assert applications.filter(status="admitted").count() == CohortMember.objects.count()
    assert applications.filter(status="waitlisted").exists()


def test_admitted_cooperatives_have_diagnostics_and_plans():
    load()
    from accelerator.selection.models import CohortMember
    from diagnostics.models import DevelopmentPlan, Diagnostic

    members = CohortMember.objects.count()

    assert Diagnostic.objects.filter(phase="baseline").count() == members
    assert Diagnostic.objects.filter(phase="endline").exists()
    assert DevelopmentPlan.objects.filter(status="approved").exists()
    assert CohortMember.objects.filter(coach_assignments__coach__username="coach").exists()
