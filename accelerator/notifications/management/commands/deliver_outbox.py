from django.core.management.base import BaseCommand

from accelerator.notifications.models import OutboxMessage
from accelerator.notifications.tasks import deliver


class Command(BaseCommand):
    help = "Deliver every outbox message still pending, in this process (no broker needed)."

    def handle(self, **options):
        ids = list(
            OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING).values_list(
                "pk", flat=True
            )
        )
        results = [deliver.apply(args=[pk]).get() for pk in ids]
        self.stdout.write(f"{results.count('sent')} sent, {results.count('failed')} failed.")
