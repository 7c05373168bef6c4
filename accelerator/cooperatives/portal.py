"""Signing in to the cooperatives' portal with a one-time link sent by e-mail: no password.

A link works once, for 15 minutes. Only the SHA-256 of its token is stored. The account of a
representative is created on their first sign-in, without a usable password, and is never a
staff account: it opens the portal and nothing else.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from accelerator.core.signed_links import ExpiredLink, InvalidLink
from accelerator.notifications.models import Event
from accelerator.notifications.services import notify

from .models import LoginToken, Representative, normalise_email

LINK_LIFETIME = timedelta(minutes=15)

__all__ = ["ExpiredLink", "InvalidLink", "UsedLink", "send_sign_in_link", "sign_in", "check_link"]


class UsedLink(Exception):
    """The link was genuine but has already signed someone in."""


def token_hash(token):
    return hashlib.sha256(str(token).encode()).hexdigest()


def sign_in_url(token, *, language, request=None):
    with translation.override(language):
        path = reverse("portal:sign_in", args=[token])
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_sign_in_link(email, *, language, request=None, now=None):
    """E-mail a new sign-in link when the address belongs to an active representative; do
    nothing otherwise (the page answers the same either way). Returns the outbox message."""
    email = normalise_email(email)
    if not email or not Representative.objects.active().for_email(email).exists():
        return None
    now = now or timezone.now()
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        LoginToken.objects.create(
            email=email, token_hash=token_hash(token), expires_at=now + LINK_LIFETIME
        )
        return notify(
            Event.PORTAL_SIGN_IN,
            recipient=email,
            language=language,
            context={
                "link": sign_in_url(token, language=language, request=request),
                "minutes": int(LINK_LIFETIME.total_seconds() // 60),
            },
        )


def check_link(token, *, now=None):
    """The stored link behind this token; InvalidLink, ExpiredLink or UsedLink otherwise."""
    login_token = LoginToken.objects.filter(token_hash=token_hash(token)).first()
    if login_token is None:
        raise InvalidLink
    if login_token.used_at is not None:
        raise UsedLink
    if login_token.expires_at <= (now or timezone.now()):
        raise ExpiredLink
    return login_token


def sign_in(token, *, now=None):
    """Use the link (once) and return the representative's account, created if needed."""
    now = now or timezone.now()
    with transaction.atomic():
        login_token = check_link(token, now=now)
        # Two clicks racing on the same link: only one update finds it unused.
        if not LoginToken.objects.filter(pk=login_token.pk, used_at__isnull=True).update(
            used_at=now
        ):
            raise UsedLink
        representatives = list(Representative.objects.active().for_email(login_token.email))
        if not representatives:
            raise InvalidLink
        user = next((rep.user for rep in representatives if rep.user_id), None)
        if user is None:
            user = _new_account(login_token.email)
        Representative.objects.filter(
            pk__in=[rep.pk for rep in representatives], user__isnull=True
        ).update(user=user)
    return user


def _new_account(email):
    user = get_user_model()(username=f"representative-{secrets.token_hex(8)}", email=email)
    user.set_unusable_password()
    user.save()
    return user
