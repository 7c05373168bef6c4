from dataclasses import dataclass, field

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
    subject, body = render(event, language, context)
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

    _deliver_after_commit([message.pk])
    return message


def render(event, language, context=None):
    """(subject, body) of an event's message, every string, date and number in `language`."""
    context = context or {}
    with translation.override(language):
        subject = " ".join(render_to_string(f"notifications/{event}/subject.txt", context).split())
        body = render_to_string(f"notifications/{event}/body.txt", context).strip() + "\n"
    return subject, body


@dataclass(frozen=True)
class Notice:
    """One message for `notify_many`: the same arguments as `notify`, dedup_key required."""

    event: str
    recipient: str
    language: str
    dedup_key: str
    context: dict = field(default_factory=dict)


def notify_many(notices):
    """`notify` for many people at once (weekly digests), in a fixed number of queries however
    many they are. Notices whose dedup_key was already used are skipped, so running the same
    batch twice writes nothing twice. Returns the messages written now."""
    notices = {notice.dedup_key: notice for notice in notices}
    if not notices:
        return []
    used = set(
        OutboxMessage.objects.filter(dedup_key__in=notices).values_list("dedup_key", flat=True)
    )
    messages = []
    for key, notice in notices.items():
        if key in used:
            continue
        subject, body = render(notice.event, notice.language, notice.context)
        messages.append(
            OutboxMessage(
                event=notice.event,
                recipient=notice.recipient,
                language=notice.language,
                subject=subject[:255],
                body=body,
                dedup_key=key,
            )
        )
    if not messages:
        return []
    with transaction.atomic():
        # A concurrent run may have written some of them meanwhile: the unique key keeps one.
        OutboxMessage.objects.bulk_create(messages, ignore_conflicts=True)
        written = list(
            OutboxMessage.objects.filter(
                dedup_key__in=[message.dedup_key for message in messages],
                status=OutboxMessage.Status.PENDING,
                attempts=0,
            )
        )
        _deliver_after_commit([message.pk for message in written])
    return written


def _deliver_after_commit(message_ids):
    from .tasks import deliver

    # robust: a broker that is down must not undo or fail the change; the message waits in the
    # outbox and the periodic sweep sends it.
    for message_id in message_ids:
        transaction.on_commit(lambda message_id=message_id: deliver.delay(message_id), robust=True)
