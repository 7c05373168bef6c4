import os
import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend


class SlowFileBackend(EmailBackend):
    """Writes e-mails to files, after leaving a mark and waiting TEST_WORKER_SEND_DELAY seconds:
    a test kills the worker while it waits."""

    def send_messages(self, email_messages):
        marks = Path(os.environ["TEST_WORKER_MARK_DIR"])
        (marks / f"sending-{os.getpid()}-{time.monotonic_ns()}").touch()
        time.sleep(float(os.environ.get("TEST_WORKER_SEND_DELAY", "0")))
        return super().send_messages(email_messages)
