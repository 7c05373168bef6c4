"""Settings of the Celery worker processes the reliability tests start and kill."""

from accelerator.settings.test import *  # noqa: F403

EMAIL_BACKEND = "tests.reliability.slow_mail.SlowFileBackend"
EMAIL_FILE_PATH = os.environ["TEST_WORKER_EMAIL_DIR"]  # noqa: F405
# A task whose worker died goes back to the queue after this many seconds (an hour by default).
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 5}
