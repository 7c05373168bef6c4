from django.core.management.base import BaseCommand, CommandError

from accelerator.core import backups


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into var/backups/<time>/."

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", help="Folder to write the backup under.")

    def handle(self, *args, output_dir=None, **options):
        try:
            folder = backups.backup(output_dir)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(folder))
