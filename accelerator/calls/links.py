"""Unguessable, expiring links that give an applicant access to their own application."""

import time
from datetime import timedelta

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.http import base36_to_int, int_to_base36

from .models import Application

SALT = "calls.application-access"
LINK_LIFETIME = timedelta(days=60)


class InvalidLink(Exception):
    """The link was forged, altered or belongs to nothing."""


class ExpiredLink(Exception):
    """The link was genuine but is too old."""


def _signature(body):
    return salted_hmac(SALT, body, algorithm="sha256").hexdigest()[:40]


def make_token(application, *, verified=False):
    """`<id>-<flag>-<time>-<signature>`: only letters, digits and dashes, as page URLs allow.

    `verified` marks a link sent by e-mail: whoever opens it owns the address.
    """
    body = f"{application.public_id.hex}-{int(verified)}-{int_to_base36(int(time.time()))}"
    return f"{body}-{_signature(body)}"


def read_token(token, call):
    """The application this token opens in this call, and whether it proves the e-mail."""
    try:
        public_id, verified, stamp, signature = token.split("-")
        issued_at = base36_to_int(stamp)
    except ValueError as error:
        raise InvalidLink from error
    if not constant_time_compare(signature, _signature(f"{public_id}-{verified}-{stamp}")):
        raise InvalidLink
    if time.time() - issued_at > LINK_LIFETIME.total_seconds():
        raise ExpiredLink
    try:
        application = Application.objects.select_related("call", "call__program").get(
            public_id=public_id, call=call
        )
    except (Application.DoesNotExist, ValueError) as error:
        raise InvalidLink from error
    return application, verified == "1"


def call_page_for(call, language):
    """The live call page in this language, or in any language if it is not translated."""
    pages = call.pages.live().select_related("locale")
    return pages.filter(locale__language_code=language).first() or pages.first()


def application_url(application, *, verified, request=None):
    """The private address of an application, on the call page in the applicant's language."""
    page = call_page_for(application.call, application.language)
    if page is None:
        return ""
    path = page.get_url(request) + page.reverse_subpage(
        "application", args=[make_token(application, verified=verified)]
    )
    if path.startswith("http"):
        return path
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
