"""A Celery worker killed in the middle of sending an e-mail loses nothing and sends nothing
twice: its task goes back to the queue, the message stays claimed until the claim times out,
then the sweep run by a new worker delivers it, once."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accelerator import celery_app
from accelerator.notifications.models import Event, OutboxMessage
from accelerator.notifications.services import notify
from accelerator.notifications.tasks import CLAIM_TIMEOUT, deliver_pending
from tests.notifications.test_worker import database_url, wait_for

pytestmark = [pytest.mark.broker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def queue(tmp_path):
    if not os.environ.get("CELERY_BROKER_URL"):
        pytest.skip("CELERY_BROKER_URL is not set: no broker to run a worker against")
    if database_url() is None:
        pytest.skip("a worker process needs a database it can share (PostgreSQL)")
    name = f"test-{uuid.uuid4().hex[:8]}"
    previous = (celery_app.conf.task_always_eager, celery_app.conf.task_default_queue)
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_default_queue = name
    try:
        yield name
    finally:
        celery_app.conf.task_always_eager, celery_app.conf.task_default_queue = previous


@pytest.fixture
def folders(tmp_path):
    mail, marks = tmp_path / "mail", tmp_path / "marks"
    mail.mkdir()
    marks.mkdir()
    return mail, marks


def start_worker(queue, folders, *, send_delay):
    mail, marks = folders
    return subprocess.Popen(
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
            "DJANGO_SETTINGS_MODULE": "tests.reliability.worker_settings",
            "DATABASE_URL": database_url(),
            "TEST_WORKER_EMAIL_DIR": str(mail),
            "TEST_WORKER_MARK_DIR": str(marks),
            "TEST_WORKER_SEND_DELAY": str(send_delay),
        },
    )


def stop(process):
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=30)


def test_a_worker_killed_while_sending_leaves_the_message_to_be_delivered_once(queue, folders):
    mail, marks = folders
    first = start_worker(queue, folders, send_delay=60)
    try:
        with transaction.atomic():
            message = notify(
                Event.DELIVERY_CHECK,
                recipient="coach@example.org",
                language="ar",
                context={"requested_at": timezone.now()},
            )
        assert wait_for(lambda: any(marks.iterdir()))
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    finally:
        stop(first)

    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENDING
    assert list(mail.iterdir()) == []

    second = start_worker(queue, folders, send_delay=0)
    try:
        # The dead worker's task comes back from the broker: the claim still holds, so it is
        # skipped rather than sent while the first attempt might still be under way.
        time.sleep(8)
        message.refresh_from_db()
        assert message.status == OutboxMessage.Status.SENDING
        # Later, the claim has timed out; the periodic sweep hands the message over again.
        OutboxMessage.objects.filter(pk=message.pk).update(
            claimed_at=timezone.now() - CLAIM_TIMEOUT - timezone.timedelta(seconds=1),
            created_at=timezone.now() - timezone.timedelta(minutes=11),
        )
        deliver_pending.delay()
        assert wait_for(
            lambda: OutboxMessage.objects.filter(
                pk=message.pk, status=OutboxMessage.Status.SENT
            ).exists()
        )
        deliver_pending.delay()
        time.sleep(2)
    finally:
        stop(second)

    files = list(Path(mail).iterdir())
    assert len(files) == 1
    assert "coach@example.org" in files[0].read_text()
    message.refresh_from_db()
    assert message.attempts == 1
