"""/healthz: is this web process fit to serve? For load balancers and uptime monitors.

Answered by a middleware placed first, before host checks, the HTTPS redirect, sessions,
sign-in and languages: a probe sends no host name, no cookie and no token, and must never be
redirected. 200 with {"database": "ok", "broker": "ok" | "skipped"} when the database answers
and the Celery broker (when one is configured) answers within two seconds; 503 otherwise.
"""

import logging

from django.db import connection
from django.http import JsonResponse

logger = logging.getLogger(__name__)

PATH = "/healthz"
BROKER_TIMEOUT = 2


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_broker():
    """'ok', or 'skipped' when tasks run in the web process (no broker configured)."""
    from accelerator.celery import app

    if app.conf.task_always_eager or app.conf.broker_url.startswith("memory://"):
        return "skipped"
    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT)
    return "ok"


def health():
    """(status code, report)."""
    report, healthy = {}, True
    for name, check in (("database", check_database), ("broker", check_broker)):
        try:
            report[name] = check() or "ok"
        except Exception as error:  # any failure means "not fit to serve"
            logger.warning("Health check: %s unavailable: %s", name, error)
            report[name] = "unavailable"
            healthy = False
    return (200 if healthy else 503), report


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.rstrip("/") != PATH or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        status, report = health()
        response = JsonResponse(report, status=status)
        response["Cache-Control"] = "no-store"
        return response
