"""Confirming who is at the keyboard again before personal data leaves the platform.

An export of applications, cooperatives, attendance, support records or coaching tables
needs the person's password (and their code, when two-step verification is on) confirmed in
the last ten minutes: a session left open on a shared office computer cannot be used to
download everyone's data. Signing in counts as a confirmation: the password was just typed."""

import time
from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse

CONFIRMED_AT_SESSION_KEY = "security_identity_confirmed_at"
CONFIRMATION_LIFETIME_SECONDS = 10 * 60


def recently_confirmed(request):
    confirmed_at = request.session.get(CONFIRMED_AT_SESSION_KEY)
    return confirmed_at is not None and time.time() - confirmed_at < CONFIRMATION_LIFETIME_SECONDS


def mark_confirmed(request):
    request.session[CONFIRMED_AT_SESSION_KEY] = time.time()


def is_export(request):
    """A Wagtail list (ModelViewSet, SnippetViewSet, reports, form submissions) asked for its
    CSV or XLSX export."""
    return request.method == "GET" and bool(request.GET.get("export"))


def confirmation_redirect(request):
    url = reverse("security_admin:confirm_identity")
    return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")


def identity_confirmed_required(view):
    """For an export view of our own (the coaching tables); the viewsets' exports are covered by
    SecurityMiddleware."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not recently_confirmed(request):
            return confirmation_redirect(request)
        return view(request, *args, **kwargs)

    return wrapped


@receiver(user_logged_in)
def count_sign_in_as_confirmation(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        mark_confirmed(request)
