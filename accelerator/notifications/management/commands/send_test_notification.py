from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from accelerator.notifications.models import Event
from accelerator.notifications.services import notify


class Command(BaseCommand):
    help = (
        "Send a short e-mail through the outbox and the Celery worker, to check that the "
        "broker, the worker and the e-mail settings work together."
    )

    def add_arguments(self, parser):
        parser.add_argument("recipient")
        parser.add_argument(
            "--language", default=settings.LANGUAGE_CODE, choices=[c for c, _ in settings.LANGUAGES]
        )

    def handle(self, recipient, language, **options):
        try:
            validate_email(recipient)
        except ValidationError as error:
            raise CommandError(f"Not an e-mail address: {recipient}") from error
        with transaction.atomic():
            message = notify(
                Event.DELIVERY_CHECK,
                recipient=recipient,
                language=language,
                context={"requested_at": timezone.now()},
            )
        self.stdout.write(f"Outbox message {message.pk} written for {recipient} ({language}).")
