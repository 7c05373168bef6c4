from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accelerator.core.demo.accounts import ensure_accounts
from accelerator.core.demo.site import build_site


class Command(BaseCommand):
    help = (
        "Build the demo site (pages in English, Vietnamese and Arabic) and one demo account per "
        "role, then print the sign-ins. Safe to run again: what exists is left as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print sign-ins.")

    def handle(self, *args, quiet_logins=False, **options):
        if not settings.DEMO_ACCOUNTS_ALLOWED:
            raise CommandError("Demo data is not allowed under these settings (production).")
        with transaction.atomic():
            build_site()
            report = ensure_accounts()
        call_command("update_index", verbosity=0)
        if quiet_logins:
            return
        self.stdout.write("Demo sign-ins (at /admin/):")
        for account, password_valid in report:
            password = account.password if password_valid else "(password changed since)"
            self.stdout.write(f"{account.role}: {account.username} / {password}")
