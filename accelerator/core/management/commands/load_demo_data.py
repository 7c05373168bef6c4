import logging
from contextlib import contextmanager

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accelerator.core.demo.accounts import ensure_accounts
from accelerator.core.demo.applications import ensure_applications
from accelerator.core.demo.call_pages import ensure_call_pages
from accelerator.core.demo.calls import ensure_calls
from accelerator.core.demo.diagnostics import ensure_coaching
from accelerator.core.demo.events import ensure_events
from accelerator.core.demo.news import ensure_news
from accelerator.core.demo.program_pages import ensure_program_pages
from accelerator.core.demo.programs import ensure_programs
from accelerator.core.demo.reference import ensure_reference_data
from accelerator.core.demo.results_pages import ensure_results_pages
from accelerator.core.demo.selection import ensure_selection
from accelerator.core.demo.site import build_site
from accelerator.core.demo.support import ensure_support


@contextmanager
def _quiet_task_log():
    """The demo's confirmations are recorded as already delivered: Celery would log every
    skipped delivery at commit, a hundred lines above the sign-ins."""
    logger = logging.getLogger("celery.app.trace")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Build the demo site (pages in English, Vietnamese and Arabic), a Moroccan program whose "
        "call has closed with its applications and a Vietnamese program with an open call, and "
        "one demo account per role, then print the sign-ins. Safe to run again: what exists is "
        "left as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print sign-ins.")

    def handle(self, *args, quiet_logins=False, **options):
        if not settings.DEMO_ACCOUNTS_ALLOWED:
            raise CommandError("Demo data is not allowed under these settings (production).")
        with _quiet_task_log(), transaction.atomic():
            build_site()
            ensure_reference_data()
            ensure_programs()
            report = ensure_accounts()
            calls = ensure_calls()
            ensure_call_pages(calls)
            ensure_program_pages()
            ensure_news()
            ensure_events()
            ensure_applications(calls)
            ensure_selection()
            ensure_coaching()
            ensure_support()
            ensure_results_pages()
        call_command("update_index", verbosity=0)
        if quiet_logins:
            return
        self.stdout.write(
            "Demo sign-ins — back-office at /admin/ (office staff, reviewers); "
            "field workspace at /en/workspace/, /vi/workspace/, /ar/workspace/ (coaches, trainers):"
        )
        for account, password_valid in report:
            password = account.password if password_valid else "(password changed since)"
            self.stdout.write(f"{account.role}: {account.username} / {password}")
        self._portal_hint()

    def _portal_hint(self):
        """Representatives have no password: their sign-in link is e-mailed (to this console)."""
        from accelerator.cooperatives.models import Representative

        representative = (
            Representative.objects.filter(revoked_at__isnull=True).order_by("pk").first()
        )
        if representative:
            self.stdout.write(
                "Cooperative portal at /en/portal/ (no password): ask for a sign-in link with "
                f"{representative.email}; the e-mail with the link is printed in this console."
            )
