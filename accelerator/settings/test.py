"""Fast, isolated settings for the test suite."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off, so one test's pages never answer another's; tests/platform/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="accelerator-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="accelerator-test-static-")
STORAGES["private"]["OPTIONS"]["location"] = tempfile.mkdtemp(prefix="accelerator-test-private-")  # noqa: F405
WHITENOISE_AUTOREFRESH = True
# Tasks run eagerly in tests; the broker tests switch this off themselves.
CELERY_TASK_ALWAYS_EAGER = True
DEMO_ACCOUNTS_ALLOWED = True
# Django's test client signs in without a request, which django-axes refuses; the sign-in
# lockout tests switch it on themselves (tests/security/).
AXES_ENABLED = False
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False}
if os.environ.get("TEST_WORKER_EMAIL_DIR"):
    # A Celery worker process started by a test writes its e-mails where the test reads them.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["TEST_WORKER_EMAIL_DIR"]
