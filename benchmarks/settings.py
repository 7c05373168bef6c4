"""Production settings with what a benchmark run on 127.0.0.1 needs, and nothing more.

Served over plain HTTP on the loopback, so no HTTPS redirect; a fixed secret key unless one is
given; the benchmark's own URLs (the minimal reference view) on top of the product's. Never use
these settings to serve anything but a benchmark database.
"""

import os

os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")

from accelerator.settings.base import VAR_DIR  # noqa: E402
from accelerator.settings.production import *  # noqa: E402, F403

ROOT_URLCONF = "benchmarks.urls"
# The generator builds the demo site first, then the data at scale on top of it.
DEMO_ACCOUNTS_ALLOWED = True
# A benchmark database never shares a file with the development one.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["NAME"] = str(VAR_DIR / "bench" / "db.sqlite3")  # noqa: F405
MEDIA_ROOT = VAR_DIR / "bench" / "media"
STORAGES["private"]["OPTIONS"]["location"] = VAR_DIR / "bench" / "private"  # noqa: F405
STATIC_ROOT = VAR_DIR / "bench" / "static"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
