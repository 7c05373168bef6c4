"""`make backup` and `make restore` round-trip the database and the uploaded files."""

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from accelerator.calls.models import ApplicationFile
from accelerator.cooperatives.models import Cooperative
from accelerator.core import backups
from tests.admin.factories import ApplicationFactory, CooperativeFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("the backup round trip is tested on PostgreSQL (DATABASE_URL)")


def test_backup_then_restore_brings_back_the_records_and_the_private_files(
    postgresql, tmp_path, capsys
):
    cooperative = CooperativeFactory(legal_name="Coopérative Argane Tiznit")
    application = ApplicationFactory(cooperative=cooperative)
    attachment = ApplicationFile(
        application=application,
        question_key="statutes",
        original_name="statuts.pdf",
        content_type="application/pdf",
        size=8,
        sha256="0" * 64,
    )
    attachment.file.save("statuts.pdf", ContentFile(b"%PDF-1.4"), save=False)
    attachment.save()
    stored = attachment.file.name

    call_command("backup", output_dir=str(tmp_path))
    folder = backups.latest(tmp_path)

    call_command("flush", interactive=False)
    attachment.file.storage.delete(stored)
    assert not Cooperative.objects.exists()

    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(folder))
    call_command("restore", str(folder), force=True)

    assert Cooperative.objects.get().legal_name == "Coopérative Argane Tiznit"
    restored = ApplicationFile.objects.get()
    with restored.file.open("rb") as content:
        assert content.read() == b"%PDF-1.4"
