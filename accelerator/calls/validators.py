"""Uploaded files are judged by what they contain, never by their name."""

import hashlib
import io
import zipfile

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image

from .models import FileType

CONTENT_TYPES = {
    FileType.PDF: "application/pdf",
    FileType.JPEG: "image/jpeg",
    FileType.PNG: "image/png",
    FileType.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileType.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
OFFICE_PARTS = {FileType.DOCX: "word/document.xml", FileType.XLSX: "xl/workbook.xml"}


def _detect(head, data):
    """The file type its bytes show, or None."""
    if head.startswith(b"%PDF-"):
        return FileType.PDF
    if head.startswith(b"\xff\xd8\xff"):
        return FileType.JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileType.PNG
    if head.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            return None
        for kind, part in OFFICE_PARTS.items():
            if part in names:
                return kind
    return None


def _intact(kind, data):
    if kind in (FileType.JPEG, FileType.PNG):
        try:
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
        except Exception:
            return False
    if kind == FileType.PDF:
        return b"%%EOF" in data[-2048:]
    return True


def check_upload(uploaded, allowed_types, max_size):
    """Return (file type, sha256) of an acceptable upload, or raise a translated error."""
    if uploaded.size > max_size:
        raise ValidationError(
            _("This file is %(size)s; files may be at most %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(max_size)},
            code="too_large",
        )
    if uploaded.size == 0:
        raise ValidationError(_("This file is empty."), code="empty")
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    kind = _detect(data[:2048], data)
    accepted = ", ".join(str(FileType(code).label) for code in allowed_types)
    if kind is None or kind not in allowed_types:
        raise ValidationError(
            _("The content of this file is not an accepted type (accepted: %(types)s).")
            % {"types": accepted},
            code="wrong_type",
        )
    if not _intact(kind, data):
        raise ValidationError(
            _("This file seems damaged or incomplete; please export it again and retry."),
            code="damaged",
        )
    return kind, hashlib.sha256(data).hexdigest()
