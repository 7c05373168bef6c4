import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone

from .models import OutboxMessage

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
# A message claimed this long ago by a worker that never finished is offered again.
CLAIM_TIMEOUT = timedelta(minutes=10)


def _claim(message_id):
    """Take the message for this worker alone; False if it is sent or another worker has it."""
    now = timezone.now()
    claimed = (
        OutboxMessage.objects.filter(pk=message_id)
        .due(stale_after=now - CLAIM_TIMEOUT)
        .update(status=OutboxMessage.Status.SENDING, claimed_at=now)
    )
    return claimed == 1


@shared_task(bind=True, max_retries=MAX_ATTEMPTS, acks_late=True)
def deliver(self, message_id):
    if not _claim(message_id):
        return "skipped"
    message = OutboxMessage.objects.get(pk=message_id)
    try:
        EmailMessage(
            subject=message.subject,
            body=message.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[message.recipient],
            headers={"Content-Language": message.language},
        ).send()
    except Exception as error:
        attempts = message.attempts + 1
        status = (
            OutboxMessage.Status.FAILED
            if attempts >= MAX_ATTEMPTS
            else OutboxMessage.Status.PENDING
        )
        OutboxMessage.objects.filter(pk=message_id).update(
            status=status, attempts=attempts, last_error=str(error)[:2000], claimed_at=None
        )
        logger.warning(
            "Delivery of message %s failed (attempt %s): %s", message_id, attempts, error
        )
        if status == OutboxMessage.Status.PENDING and not self.request.is_eager:
            raise self.retry(countdown=min(60 * 2**attempts, 3600)) from error
        return "failed"
    OutboxMessage.objects.filter(pk=message_id).update(
        status=OutboxMessage.Status.SENT,
        attempts=message.attempts + 1,
        sent_at=timezone.now(),
        last_error="",
    )
    return "sent"


@shared_task
def deliver_pending():
    """Hand every message still waiting to a worker (after a broker outage, a crash, a retry)."""
    stale_after = timezone.now() - CLAIM_TIMEOUT
    ids = list(
        OutboxMessage.objects.due(stale_after=stale_after)
        .filter(created_at__lt=timezone.now() - timedelta(seconds=30))
        .values_list("pk", flat=True)[:500]
    )
    for message_id in ids:
        deliver.delay(message_id)
    return len(ids)
