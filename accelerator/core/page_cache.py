"""Whole public pages kept in the cache for anonymous visitors, one entry per address (the address
carries the language: /en/…, /vi/…, /ar/…), so a visit answered from it touches no database.

What is never kept or served from here: anything for a visitor with a session or a message
waiting (signed-in staff, coaches, cooperatives, an applicant in the middle of the flow); the
apply flow, the workspace, the portal and the reports; a response that sets a cookie (a form's
CSRF token, a new session); anything but a 200 to a GET.

Invalidation. Every entry key carries its language's *generation*, a number kept in the cache:
raising it orphans every page of that language at once. It is raised for one language when a
page of that language is published, unpublished or moved, and for all languages when figures
shown on public pages change (results recomputed, a call, a program or a cohort saved). An entry
also expires at the next opening or closing of a call, so "open"/"closed" turns on time, and in
any case after PAGE_CACHE_SECONDS. With several web processes, the cache must be shared (Redis,
CACHE_URL) for a change to reach every process at once; with the per-process memory cache, a
page is at most PAGE_CACHE_SECONDS old.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.middleware.gzip import re_accepts_gzip
from django.utils import timezone
from django.utils.cache import cc_delim_re

PREFIX = "pagecache:1"
# Below a language prefix, the addresses that are personal or part of a flow.
NEVER_CACHED = ("/workspace/", "/report/", "/portal/", "/search/")
NEVER_CACHED_SEGMENTS = ("/apply/",)


def _seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def _language_of(path):
    for code, _name in settings.LANGUAGES:
        if path.startswith(f"/{code}/"):
            return code
    return None


def _cacheable_request(request):
    if request.method not in ("GET", "HEAD") or _seconds() <= 0:
        return None
    language = _language_of(request.path_info)
    if language is None:
        return None
    below = request.path_info[len(language) + 1 :]
    if below.startswith(NEVER_CACHED) or any(s in below for s in NEVER_CACHED_SEGMENTS):
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return None
    return language


def generation_key(language):
    return f"{PREFIX}:generation:{language}"


def _generation(language):
    key = generation_key(language)
    value = cache.get(key)
    if value is None:
        # A fresh number, never an old one: entries written before an eviction stay orphaned.
        cache.add(key, time.time_ns(), timeout=None)
        value = cache.get(key)
    return value


def _encoding(request):
    """Browsers that accept gzip get the page compressed (accelerator/core/compression.py sits
    just inside this cache): the compressed copy is kept, under its own key, so a visit answered
    from the cache costs no compression either."""
    accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
    return "gzip" if re_accepts_gzip.search(accepted) else "plain"


def _entry_key(request, language):
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return (
        f"{PREFIX}:page:{language}:{_generation(language)}:{request.get_host()}:"
        f"{_encoding(request)}:{address}"
    )


def _storable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # "Vary: Cookie" alone is no reason to refuse: it says the page read the session, and every
    # request served from here has none. A page that issues a CSRF token sets its cookie.
    if response.has_header("Vary") and "*" in cc_delim_re.split(response["Vary"]):
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-cache", "no-store"))


def _timeout():
    """PAGE_CACHE_SECONDS, or less when a call opens or closes before then."""
    from accelerator.calls.models import Call

    now = timezone.now()
    timeout = _seconds()
    for field in ("opens_at", "closes_at"):
        upcoming = (
            Call.objects.filter(**{f"{field}__gt": now})
            .order_by(field)
            .values_list(field, flat=True)
            .first()
        )
        if upcoming is not None:
            timeout = min(timeout, max(1, int((upcoming - now).total_seconds()) + 1))
    return timeout


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = _cacheable_request(request)
        if language is None:
            return self.get_response(request)
        key = _entry_key(request, language)
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if request.method == "GET" and _storable(response):
            cache.set(key, response, _timeout())
        return response


def invalidate(languages=None):
    """Orphan every cached page of these languages (all by default), once the current
    transaction commits."""
    codes = languages or [code for code, _name in settings.LANGUAGES]

    def bump():
        cache.set_many({generation_key(code): time.time_ns() for code in codes}, timeout=None)

    transaction.on_commit(bump, robust=True)


def _page_changed(sender, instance, **kwargs):
    invalidate([instance.locale.language_code])


def _figures_changed(sender, **kwargs):
    invalidate()


def connect_signals():
    """Called once, by the core app: the changes that make cached pages wrong."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from accelerator.calls.models import Call
    from accelerator.programs.models import Cohort, Program
    from accelerator.results.models import ResultsSnapshot

    page_published.connect(_page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(_page_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="page_cache_moved")
    for model in (ResultsSnapshot, Call, Program, Cohort):
        for signal in (post_save, post_delete):
            signal.connect(
                _figures_changed, sender=model, dispatch_uid=f"page_cache_{model.__name__}"
            )
