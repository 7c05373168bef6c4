"""The unguessable link to a cooperative's printable report, shared with the cooperative.

The token names the cooperative's place in the cohort and is signed with the site's secret key:
it cannot be guessed from another cooperative's link, and changing any character breaks it. It
does not expire, because a cooperative keeps its report; rotating SECRET_KEY revokes them all.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.http import base36_to_int, int_to_base36

from accelerator.core.signed_links import InvalidLink, sign, unsign

SALT = "diagnostics.report"


def make_token(member):
    return sign(SALT, int_to_base36(member.pk))


def read_token(token):
    """The CohortMember id this token opens; InvalidLink for anything forged or altered."""
    (member_id,) = unsign(SALT, token, parts=1)
    try:
        return base36_to_int(member_id)
    except ValueError as error:
        raise InvalidLink from error


def report_path(member, language=None):
    with translation.override(language or translation.get_language()):
        return reverse("diagnostics-report", args=[make_token(member)])


def report_url(member, *, language=None, request=None):
    """The full address to copy and send, in the given language (the reader's by default)."""
    path = report_path(member, language)
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
