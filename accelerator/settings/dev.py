"""Settings for one machine: `make run`. SQLite, tasks in-process, e-mails to the console."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-secret-key-not-for-production-use-0123456789"
ALLOWED_HOSTS = ALLOWED_HOSTS + ["0.0.0.0", "[::1]", "testserver"]  # noqa: F405
DEMO_ACCOUNTS_ALLOWED = True
