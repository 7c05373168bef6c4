from django.core.management.base import BaseCommand
from django.utils import translation

from diagnostics.seed import ensure_capacity_scorecard


class Command(BaseCommand):
    help = (
        "Create or bring up to date the cooperative capacity scorecard (version 1, in English, "
        "Vietnamese and Arabic) and the library of standard actions. Safe to run again; a "
        "version already used by a diagnostic is left as it is."
    )

    def handle(self, *args, **options):
        with translation.override("en"):
            version = ensure_capacity_scorecard()
            domains = version.domains.count()
            self.stdout.write(
                f"{version}: {domains} domains, "
                f"{sum(d.questions.count() for d in version.domains.all())} questions"
                f"{' (frozen, left unchanged)' if version.is_frozen else ''}."
            )
