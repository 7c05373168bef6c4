from django.core.management.base import BaseCommand
from django.utils import translation

from accelerator.results.figures import CONTEXT_FIELDS, FIELDS, UNITS


class Command(BaseCommand):
    help = (
        "Print the fields of the cohort results open data (CSV and JSON) as a Markdown table: "
        'the same descriptions the results pages show under "About these figures".'
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", default="en", help="en, vi or ar")

    def handle(self, *args, language="en", **options):
        with translation.override(language):
            self.stdout.write("| field | label | unit | description |")
            self.stdout.write("| --- | --- | --- | --- |")
            for key, label, description in CONTEXT_FIELDS:
                self.stdout.write(f"| `{key}` | {label} | | {description} |")
            for key, label, unit, description in FIELDS:
                self.stdout.write(f"| `{key}` | {label} | {UNITS[unit]} | {description} |")
