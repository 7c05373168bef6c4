"""Signed tokens for private links: `<part>-<part>-…-<signature>`.

Only letters, digits and dashes, as page URLs allow. The signature is an HMAC of the parts with
the site's secret key and a salt per kind of link, so a token for one purpose never opens
another, and a changed part breaks the signature.
"""

import time

from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.http import base36_to_int, int_to_base36

SEPARATOR = "-"


class InvalidLink(Exception):
    """The link was forged, altered or belongs to nothing."""


class ExpiredLink(Exception):
    """The link was genuine but is too old."""


def signature(salt, body):
    return salted_hmac(salt, body, algorithm="sha256").hexdigest()[:40]


def sign(salt, *parts):
    """A token carrying these parts (which must not contain dashes) and their signature."""
    body = SEPARATOR.join(str(part) for part in parts)
    return f"{body}{SEPARATOR}{signature(salt, body)}"


def unsign(salt, token, *, parts):
    """The `parts` strings a genuine token carries; InvalidLink for anything else."""
    pieces = str(token).split(SEPARATOR)
    if len(pieces) != parts + 1:
        raise InvalidLink
    *values, given = pieces
    if not constant_time_compare(given, signature(salt, SEPARATOR.join(values))):
        raise InvalidLink
    return values


def timestamp():
    """Now, as a short base-36 stamp for a token."""
    return int_to_base36(int(time.time()))


def check_age(stamp, lifetime):
    """ExpiredLink when the stamp is older than `lifetime` (a timedelta)."""
    try:
        issued_at = base36_to_int(stamp)
    except ValueError as error:
        raise InvalidLink from error
    if time.time() - issued_at > lifetime.total_seconds():
        raise ExpiredLink
