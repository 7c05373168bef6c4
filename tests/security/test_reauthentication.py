"""Exports of personal data need the password (and the code, with two-step verification)
confirmed in the last ten minutes; signing in counts as a confirmation."""

import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accelerator.security.identity import CONFIRMED_AT_SESSION_KEY
from tests.admin.factories import ProgramFactory
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

CONFIRM = "/admin/security/confirm/"


@pytest.fixture
def officer():
    return StaffFactory(username="officer")


def signed_in_an_hour_ago(client, user):
    client.force_login(user)
    session = client.session
    session[CONFIRMED_AT_SESSION_KEY] = time.time() - 3600
    session.save()


def applications_export():
    return reverse("application:index") + "?export=csv"


def test_an_export_long_after_sign_in_asks_for_the_password_then_continues(client, officer):
    signed_in_an_hour_ago(client, officer)

    asked = client.get(applications_export())
    form = client.get(asked["Location"])
    wrong = client.post(asked["Location"], {"password": "guess"})
    right = client.post(asked["Location"], {"password": "correct horse battery"})
    export = client.get(right["Location"])

    assert asked["Location"].startswith(CONFIRM + "?next=")
    assert "This export contains personal data" in form.content.decode()
    assert "This password is not right." in wrong.content.decode()
    assert right["Location"] == applications_export()
    assert export.status_code == 200
    assert export["Content-Type"].startswith("text/csv")


def test_a_confirmation_holds_for_ten_minutes(client, officer):
    signed_in_an_hour_ago(client, officer)
    client.post(CONFIRM, {"password": "correct horse battery"})
    session = client.session
    session[CONFIRMED_AT_SESSION_KEY] -= 9 * 60
    session.save()

    assert client.get(applications_export()).status_code == 200

    session[CONFIRMED_AT_SESSION_KEY] -= 2 * 60
    session.save()
    assert client.get(applications_export()).status_code == 302


def test_the_list_itself_does_not_ask(client, officer):
    signed_in_an_hour_ago(client, officer)

    assert client.get(reverse("application:index")).status_code == 200


@pytest.mark.parametrize(
    "export",
    [
        "cooperative:index",
        "technical_assistance:index",
        "marketing_support:index",
        "training_attendance:index",
    ],
)
def test_every_back_office_export_asks(client, officer, export):
    signed_in_an_hour_ago(client, officer)

    response = client.get(reverse(export) + "?export=xlsx")

    assert response.status_code == 302
    assert response["Location"].startswith(CONFIRM)


def test_the_coaching_tables_export_asks(client, officer):
    program = ProgramFactory()
    signed_in_an_hour_ago(client, officer)
    url = reverse("coaching:export", args=[program.pk, "coaches"])

    asked = client.get(url)
    client.post(asked["Location"], {"password": "correct horse battery"})

    assert asked["Location"].startswith(CONFIRM)
    assert client.get(url).status_code == 200


def test_with_two_step_verification_the_code_is_asked_too(client, officer):
    device = TOTPDevice.objects.create(user=officer, name="authenticator", confirmed=True)
    signed_in_an_hour_ago(client, officer)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)

    without_code = client.post(CONFIRM, {"password": "correct horse battery"})
    with_code = client.post(
        CONFIRM, {"password": "correct horse battery", "code": f"{totp.token():06d}"}
    )

    assert without_code.status_code == 200
    assert "This field is required." in without_code.content.decode()
    assert with_code.status_code == 302


def test_the_confirmation_never_sends_anyone_to_another_site(client, officer):
    signed_in_an_hour_ago(client, officer)

    response = client.post(
        CONFIRM + "?next=https://evil.example/", {"password": "correct horse battery"}
    )

    assert response["Location"] == "/admin/"
