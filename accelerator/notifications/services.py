from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation

from .models import OutboxMessage


def notify(event, *, recipient, language, context=None, dedup_key=None):
    """Write a message to the outbox in the caller's transaction and deliver it after commit.

    The subject and body are rendered now, in the recipient's language, from
    `notifications/<event>/subject.txt` and `body.txt`. Returns the message, or the existing one
    when `dedup_key` was already used.
    """
    if dedup_key:
        existing = OutboxMessage.objects.filter(dedup_key=dedup_key).first()
        if existing:
            return existing
    context = context or {}
    with translation.override(language):
        subject = " ".join(render_to_string(f"notifications/{event}/subject.txt", context).split())
        body = render_to_string(f"notifications/{event}/body.txt", context).strip() + "\n"
    try:
        with transaction.atomic():
            message = OutboxMessage.objects.create(
                event=event,
                recipient=recipient,
                language=language,
                subject=subject[:255],
                body=body,
                dedup_key=dedup_key,
            )
    except IntegrityError:
        return OutboxMessage.objects.get(dedup_key=dedup_key)

    from .tasks import deliver

    # robust: a broker that is down must not undo or fail the change; the message waits in the
    # outbox and the periodic sweep sends it.
    transaction.on_commit(lambda: deliver.delay(message.pk), robust=True)
    return message
