"""Guessing passwords: five wrong ones for a username from one address lock that pair out for
half an hour, on the workspace's sign-in and the back-office's alike."""

import pytest
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import StaffFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("axes_on")]

WORKSPACE_LOGIN = "/ar/workspace/login/"
ADMIN_LOGIN = "/admin/login/"


@pytest.fixture
def axes_on():
    with override_settings(AXES_ENABLED=True):
        yield


def sign_in(client, url, username, password, address="203.0.113.7"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_workspace_sign_in_with_a_translated_page(client):
    coach = UserFactory(username="hoa")
    for _attempt in range(4):
        assert sign_in(client, WORKSPACE_LOGIN, "hoa", "wrong").status_code == 200

    locked = sign_in(client, WORKSPACE_LOGIN, "hoa", "wrong")
    still_locked = sign_in(client, WORKSPACE_LOGIN, "hoa", "correct horse battery")

    assert locked.status_code == 429
    assert '<html lang="ar" dir="rtl">' in locked.content.decode()
    with translation.override("ar"):
        paused = gettext(
            "To protect this account, signing in from your connection is paused for 30 minutes."
        )
    assert paused not in (
        "",
        "To protect this account, signing in from your connection is paused for 30 minutes.",
    )
    assert paused in locked.content.decode()
    assert still_locked.status_code == 429
    assert client.session.get("_auth_user_id") != str(coach.pk)


def test_the_back_office_sign_in_locks_out_too(client):
    StaffFactory(username="officer")
    for _attempt in range(5):
        response = sign_in(client, ADMIN_LOGIN, "officer", "wrong")

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert sign_in(client, ADMIN_LOGIN, "officer", "correct horse battery").status_code == 429


def test_a_lockout_holds_only_for_that_username_from_that_address(client):
    UserFactory(username="hoa")
    UserFactory(username="lan")
    for _attempt in range(5):
        sign_in(client, WORKSPACE_LOGIN, "hoa", "wrong")

    other_person = sign_in(client, WORKSPACE_LOGIN, "lan", "correct horse battery")
    other_address = sign_in(
        client, WORKSPACE_LOGIN, "hoa", "correct horse battery", address="198.51.100.4"
    )

    assert other_person.status_code == 302
    assert other_address.status_code == 302


def test_a_right_password_before_the_limit_clears_the_failures(client):
    UserFactory(username="hoa")
    for _attempt in range(4):
        sign_in(client, WORKSPACE_LOGIN, "hoa", "wrong")
    assert sign_in(client, WORKSPACE_LOGIN, "hoa", "correct horse battery").status_code == 302
    client.logout()

    for _attempt in range(4):
        response = sign_in(client, WORKSPACE_LOGIN, "hoa", "wrong")

    assert response.status_code == 200
