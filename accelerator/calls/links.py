"""Unguessable, expiring links that give an applicant access to their own application."""

from datetime import timedelta

from django.conf import settings

from accelerator.core.signed_links import (
    ExpiredLink,
    InvalidLink,
    check_age,
    sign,
    timestamp,
    unsign,
)

from .models import Application

SALT = "calls.application-access"
LINK_LIFETIME = timedelta(days=60)

__all__ = ["ExpiredLink", "InvalidLink", "application_url", "make_token", "read_token"]


def make_token(application, *, verified=False):
    """`<id>-<flag>-<time>-<signature>`.

    `verified` marks a link sent by e-mail: whoever opens it owns the address.
    """
    return sign(SALT, application.public_id.hex, int(verified), timestamp())


def read_token(token, call):
    """The application this token opens in this call, and whether it proves the e-mail."""
    public_id, verified, stamp = unsign(SALT, token, parts=3)
    check_age(stamp, LINK_LIFETIME)
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
