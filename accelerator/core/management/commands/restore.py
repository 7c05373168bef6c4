from django.core.management.base import BaseCommand, CommandError

from accelerator.core import backups


class Command(BaseCommand):
    help = (
        "Restore a backup (the latest under var/backups when none is named) into the configured "
        "database and media folders. Refuses a database that holds tables unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", nargs="?", help="The backup folder.")
        parser.add_argument(
            "--force", action="store_true", help="Replace whatever the database holds."
        )

    def handle(self, *args, backup=None, force=False, **options):
        try:
            folder = backup or backups.latest()
            backups.restore(folder, force=force)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {folder}")
