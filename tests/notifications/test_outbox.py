import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction

from accelerator.notifications.models import Event, OutboxMessage
from accelerator.notifications.services import notify
from accelerator.notifications.tasks import deliver, deliver_pending

pytestmark = pytest.mark.django_db


def check(language="vi", **kwargs):
    from django.utils import timezone

    return notify(
        Event.DELIVERY_CHECK,
        recipient="lan@example.org",
        language=language,
        context={"requested_at": timezone.now()},
        **kwargs,
    )


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        ("en", "Cooperative Accelerator: e-mail delivery check"),
        ("vi", "Tăng tốc Hợp tác xã: kiểm tra gửi thư điện tử"),
        ("ar", "مسرّع التعاونيات: التحقق من إرسال البريد الإلكتروني"),
    ],
)
def test_message_is_written_in_the_recipients_language_and_sent_after_commit(
    django_capture_on_commit_callbacks, language, subject
):
    with django_capture_on_commit_callbacks(execute=True):
        message = check(language)
        assert mail.outbox == []

    assert [m.subject for m in mail.outbox] == [subject]
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT
    assert mail.outbox[0].extra_headers["Content-Language"] == language


def test_nothing_is_sent_when_the_change_is_rolled_back(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        check()
        raise RuntimeError("the change failed")

    assert callbacks == []
    assert OutboxMessage.objects.count() == 0
    assert mail.outbox == []


def test_same_key_never_notifies_twice(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = check(dedup_key="check:1")
    with django_capture_on_commit_callbacks(execute=True):
        second = check(dedup_key="check:1")

    assert first.pk == second.pk
    assert len(mail.outbox) == 1


def test_a_message_delivered_twice_is_sent_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = check()

    assert deliver.apply(args=[message.pk]).get() == "skipped"
    assert len(mail.outbox) == 1


def test_a_failed_delivery_stays_in_the_outbox_and_the_sweep_sends_it(
    django_capture_on_commit_callbacks, monkeypatch
):
    from django.core.mail import EmailMessage

    original_send = EmailMessage.send

    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError("SMTP server unreachable")

    monkeypatch.setattr(EmailMessage, "send", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        message = check()
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.PENDING
    assert message.attempts == 1
    assert "unreachable" in message.last_error

    monkeypatch.setattr(EmailMessage, "send", original_send)
    OutboxMessage.objects.filter(pk=message.pk).update(
        created_at=message.created_at.replace(year=message.created_at.year - 1)
    )
    assert deliver_pending.apply().get() == 1

    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT
    assert len(mail.outbox) == 1


def test_operators_can_send_a_delivery_check_from_the_command_line(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_test_notification", "ops@example.org", "--language", "ar")

    assert mail.outbox[0].to == ["ops@example.org"]
    assert "التحقق من إرسال البريد الإلكتروني" in mail.outbox[0].subject
