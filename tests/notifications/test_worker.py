"""A real Celery worker process, against the configured broker, delivers an outbox message."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from accelerator import celery_app
from accelerator.notifications.models import Event, OutboxMessage
from accelerator.notifications.services import notify

pytestmark = [
    pytest.mark.broker,
    pytest.mark.django_db(transaction=True),
]


def database_url():
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.postgresql":
        password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
        return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    return None


@pytest.fixture
def worker(tmp_path):
    if not os.environ.get("CELERY_BROKER_URL"):
        pytest.skip("CELERY_BROKER_URL is not set: no broker to run a worker against")
    url = database_url()
    if url is None:
        pytest.skip("a worker process needs a database it can share (PostgreSQL)")
    queue = f"test-{uuid.uuid4().hex[:8]}"
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "accelerator",
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
            "-Q",
            queue,
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "accelerator.settings.test",
            "DATABASE_URL": url,
            "TEST_WORKER_EMAIL_DIR": str(mail_dir),
        },
    )
    previous = (celery_app.conf.task_always_eager, celery_app.conf.task_default_queue)
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_default_queue = queue
    try:
        yield mail_dir
    finally:
        celery_app.conf.task_always_eager, celery_app.conf.task_default_queue = previous
        process.terminate()
        process.wait(timeout=30)


def wait_for(predicate, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def test_worker_process_delivers_a_message_written_to_the_outbox(worker):
    with transaction.atomic():
        notify(
            Event.DELIVERY_CHECK,
            recipient="coach@example.org",
            language="vi",
            context={"requested_at": timezone.now()},
        )

    assert wait_for(lambda: OutboxMessage.objects.filter(status=OutboxMessage.Status.SENT).exists())
    message = OutboxMessage.objects.get()
    assert message.attempts == 1
    files = list(Path(worker).iterdir())
    assert len(files) == 1
    assert "coach@example.org" in files[0].read_text()
