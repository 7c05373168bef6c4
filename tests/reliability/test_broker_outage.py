"""A broker outage at decision time loses nothing: the decision commits, its notice waits in the
outbox, and the sweep delivers it once the way is clear again — exactly once."""

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from accelerator import celery_app
from accelerator.notifications.models import Event, OutboxMessage
from accelerator.notifications.tasks import deliver_pending
from accelerator.selection.models import Decision, Outcome
from accelerator.selection.services import decide

pytestmark = pytest.mark.django_db(transaction=True)

#: Nothing listens on port 1.
UNREACHABLE_BROKER = "redis://127.0.0.1:1/0"


@pytest.fixture
def broker_down():
    """Tasks go to a broker that refuses connections, as in production during an outage."""
    conf = celery_app.conf
    names = ("task_always_eager", "broker_url", "task_publish_retry", "broker_transport_options")
    previous = {name: conf[name] for name in names}
    conf.task_always_eager = False
    conf.broker_url = UNREACHABLE_BROKER
    # Celery and the Redis client would otherwise try again for seconds before giving up.
    conf.task_publish_retry = False
    conf.broker_transport_options = {"max_retries": 0}
    _forget_connections()
    try:
        yield
    finally:
        conf.update(previous)
        _forget_connections()


def _forget_connections():
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def _make_sweepable():
    """The sweep leaves messages younger than 30 seconds to their own delivery."""
    OutboxMessage.objects.update(created_at=timezone.now() - timezone.timedelta(minutes=1))


def test_a_decision_taken_while_the_broker_is_down_is_notified_once_afterwards(
    broker_down, officer, applicant, regions
):
    application = applicant(regions[0], 90)

    with transaction.atomic():
        decide(application, Outcome.ADMIT, by=officer)

    assert Decision.objects.filter(application=application).count() == 1
    message = OutboxMessage.objects.get(event=Event.DECISION)
    assert message.status == OutboxMessage.Status.PENDING
    assert mail.outbox == []

    # The broker is back (here: tasks run in-process); the periodic sweep runs, twice.
    celery_app.conf.task_always_eager = True
    _make_sweepable()
    deliver_pending.apply()
    deliver_pending.apply()

    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT
    assert [sent.to for sent in mail.outbox] == [[application.email]]
