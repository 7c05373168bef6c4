"""Optional two-step verification for staff: turned on by scanning a QR code and confirming a
code; then both sign-ins ask for a code after the password; an administrator removing the device
is the way back in after a lost phone."""

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

SETTINGS = "/en/workspace/security/two-step/"
PASSWORD = "correct horse battery"


def code(device, later=0):
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time += later
    return f"{totp.token():0{device.digits}d}"


def wait_out_the_throttle(device):
    """django-otp makes the next try after a wrong code wait (1 s, then 2, 4…)."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )


def enrolled(user):
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def sign_in(client, url, user):
    response = client.post(url, {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def test_a_coach_turns_it_on_by_scanning_a_qr_code_and_typing_the_first_code(client):
    coach = UserFactory(username="hoa")
    client.force_login(coach)

    page = client.get(SETTINGS).content.decode()
    pending = TOTPDevice.objects.get(user=coach)
    wrong = client.post(SETTINGS, {"code": "000000"})
    too_soon = client.post(SETTINGS, {"code": code(pending)})
    wait_out_the_throttle(pending)
    right = client.post(SETTINGS, {"code": code(pending)})

    assert 'src="data:image/svg+xml;base64,' in page
    assert wrong.status_code == 200
    assert "This code is not right or has expired." in wrong.content.decode()
    assert too_soon.status_code == 200
    assert right.status_code == 302
    assert TOTPDevice.objects.get(user=coach).confirmed
    assert "Two-step verification is on" in client.get(SETTINGS).content.decode()


def test_the_setup_key_stays_the_same_until_it_is_confirmed(client):
    client.force_login(UserFactory())

    first = client.get(SETTINGS).content.decode()
    second = client.get(SETTINGS).content.decode()

    assert TOTPDevice.objects.count() == 1
    assert first.split('dir="ltr">')[1][:40] == second.split('dir="ltr">')[1][:40]


def test_once_on_the_workspace_asks_for_the_code_after_the_password(client):
    coach = UserFactory(username="hoa")
    device = enrolled(coach)

    sign_in(client, "/vi/workspace/login/", coach)
    asked = client.get("/vi/workspace/")
    client.post(asked["Location"], {"code": "123"})
    still_asked = client.get("/vi/workspace/")
    wait_out_the_throttle(device)
    verified = client.post(asked["Location"], {"code": code(device)})

    assert asked.status_code == 302
    assert asked["Location"].startswith("/vi/workspace/security/two-step/verify/?next=")
    assert still_asked.status_code == 302
    assert verified["Location"] == "/vi/workspace/"
    assert client.get("/vi/workspace/").status_code == 200


def test_once_on_the_back_office_asks_for_the_code_after_the_password(client):
    officer = StaffFactory(username="officer")
    device = enrolled(officer)

    sign_in(client, "/admin/login/", officer)
    asked = client.get("/admin/pages/")
    verify_page = client.get(asked["Location"])
    verified = client.post(asked["Location"], {"code": code(device)})

    assert asked["Location"] == "/admin/security/two-step/verify/?next=%2Fadmin%2Fpages%2F"
    assert verify_page.status_code == 200
    assert verified["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_the_code_page_cannot_be_skipped_to_turn_verification_off(client):
    coach = UserFactory()
    enrolled(coach)
    sign_in(client, "/en/workspace/login/", coach)

    response = client.post(SETTINGS, {"code": "000000"})

    assert response.status_code == 302
    assert "/two-step/verify/" in response["Location"]
    assert TOTPDevice.objects.filter(user=coach).exists()


def test_without_it_the_password_alone_signs_in(client):
    officer = StaffFactory()

    sign_in(client, "/admin/login/", officer)

    assert client.get("/admin/").status_code == 200


def test_after_an_administrator_removes_a_lost_device_the_password_is_enough(client):
    coach = UserFactory()
    enrolled(coach)
    sign_in(client, "/en/workspace/login/", coach)
    TOTPDevice.objects.filter(user=coach).delete()

    asked = client.get("/en/workspace/")
    response = client.get(asked["Location"])

    assert response["Location"] == "/en/workspace/"
    assert client.get("/en/workspace/").status_code == 200


def test_turning_it_off_needs_a_current_code(client):
    coach = UserFactory()
    device = enrolled(coach)
    sign_in(client, "/en/workspace/login/", coach)
    verify_url = client.get("/en/workspace/")["Location"]
    client.post(verify_url, {"code": code(device)})

    refused = client.post(SETTINGS, {"code": "000000"})
    wait_out_the_throttle(device)
    accepted = client.post(SETTINGS, {"code": code(device, later=device.step)})

    assert refused.status_code == 200
    assert accepted.status_code == 302
    assert not TOTPDevice.objects.filter(user=coach).exists()


def test_an_administrator_lists_and_removes_devices_in_the_back_office(client):
    coach = UserFactory(username="hoa")
    device = enrolled(coach)
    client.force_login(StaffFactory())

    listing = client.get("/admin/two_step_devices/")
    client.post(f"/admin/two_step_devices/delete/{device.pk}/")

    assert "hoa" in listing.content.decode()
    assert not TOTPDevice.objects.filter(user=coach).exists()
