"""Fixed-window request limits per client address, counted in Django's cache.

With Redis (CACHE_URL) the count is shared and atomic across web processes; with the
in-memory cache of a single-process install it is exact for that process.
"""

import hashlib
import time

from django.core.cache import cache


def client_address(request):
    # Behind a proxy, the WSGI server must be told to trust it (gunicorn --forwarded-allow-ips)
    # so that REMOTE_ADDR is the visitor's address.
    return request.META.get("REMOTE_ADDR", "")


def over_limit(request, scope, limit, period_seconds):
    """Count this request; True when the address has made more than `limit` in the window."""
    address = hashlib.sha256(client_address(request).encode()).hexdigest()[:24]
    window = int(time.time() // period_seconds)
    key = f"ratelimit:{scope}:{address}:{window}"
    cache.add(key, 0, timeout=period_seconds)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=period_seconds)
        count = 1
    return count > limit
