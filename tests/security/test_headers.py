"""The usual security headers on every public response, and the production cookie and transport
settings (`check --deploy` itself runs in tests/platform/test_settings.py)."""

import json

import pytest

from tests.platform.test_settings import PRODUCTION_ENV, manage

pytestmark = pytest.mark.django_db


def test_public_pages_send_the_security_headers(client, home_pages):
    response = client.get("/en/")

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_production_cookies_are_secure_http_only_and_same_site():
    names = [
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_SAMESITE",
        "SECURE_HSTS_SECONDS",
        "SECURE_SSL_REDIRECT",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    ]
    script = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {names!r}}}))"
    )

    result = manage("shell", "-c", script, env=PRODUCTION_ENV)
    values = json.loads(result.stdout.strip().splitlines()[-1])

    assert values == {
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_SAMESITE": "Lax",
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_CROSS_ORIGIN_OPENER_POLICY": "same-origin",
    }
