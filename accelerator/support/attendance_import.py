"""Import of filled attendance sheets (XLSX or CSV) into a training session.

The file's columns are those of the printable sheet (`COLUMNS`, in its order):

    No. | Name | Cooperative | Sex | Age | Role in the cooperative | Present | Score before |
    Score after | Signature

- With a header row — the first non-empty row, written in English, Vietnamese or Arabic (the
  sheet's own headings) or with the column codes (`full_name`, `pre_test`…), recognised when it
  holds the Name heading or two headings — columns are found by their heading, in any order;
  unknown columns are ignored; only Name is required.
- Without one, the columns are read by position, in the order above; "No." and "Signature" are
  read past.

Values: the cooperative by its name or registration number, among the cooperatives invited to
the session (required when the session invites any); sex and role by their code or their label
in any of the three languages; age from AGE_MIN to AGE_MAX or empty (unknown); present: yes or
no in any of the three languages, empty meaning present (a person written on the sheet came);
scores: whole numbers from 0 to 100, or empty.

Every row is checked before anything is written: each bad row is reported with its row number in
the file (the header row is row 1) and every reason, in the reader's language, and nothing is
imported unless the whole file is clean. Rows with nothing but a number or a signature are blank
lines of the sheet and are skipped. A person already on the session's list, or twice in the file,
is refused, so importing the same file twice adds nobody twice.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from accelerator.calls.models import FileType
from accelerator.calls.validators import check_upload
from accelerator.cooperatives.models import normalise_registration_number

from .models import Attendance, TrainingSession
from .training import AGE_MAX, AGE_MIN, SCORE_MAX

MAX_FILE_SIZE = 5 * 1024 * 1024
MAX_ROWS = 20_000
NAME_MAX_LENGTH = Attendance._meta.get_field("full_name").max_length


@dataclass(frozen=True)
class SheetColumn:
    key: str
    label: str
    imported: bool = True


COLUMNS = (
    SheetColumn("number", gettext_lazy("No."), imported=False),
    SheetColumn("full_name", gettext_lazy("Name")),
    SheetColumn("cooperative", gettext_lazy("Cooperative")),
    SheetColumn("sex", gettext_lazy("Sex")),
    SheetColumn("age", gettext_lazy("Age")),
    SheetColumn("role", gettext_lazy("Role in the cooperative")),
    SheetColumn("present", gettext_lazy("Present")),
    SheetColumn("pre_test", gettext_lazy("Score before")),
    SheetColumn("post_test", gettext_lazy("Score after")),
    SheetColumn("signature", gettext_lazy("Signature"), imported=False),
)
YES = gettext_lazy("yes")
NO = gettext_lazy("no")

# Ways people write these by hand besides our codes and labels.
SEX_SYNONYMS = {
    Attendance.Sex.FEMALE: ("w", "female", "women", "nữ", "nu", "أنثى", "انثى", "امرأة", "إمرأة"),
    Attendance.Sex.MALE: ("male", "men", "nam", "ذكر", "رجل"),
}
YES_SYNONYMS = ("y", "x", "1", "✓", "✔", "true", "oui", "có", "co", "نعم")
NO_SYNONYMS = ("n", "0", "false", "non", "không", "khong", "لا", "absent")


def _normalise(value):
    """Text compared without case, surrounding spaces, repeated spaces or a trailing colon."""
    text = re.sub(r"\s+", " ", str(value)).strip().rstrip(":*").strip()
    return text.casefold()


def _in_every_language(label):
    texts = set()
    for code, _name in settings.LANGUAGES:
        with override(code):
            texts.add(_normalise(label))
    return texts


def _lookup(choices, synonyms=None):
    """{written form: code} of a TextChoices: its codes, its labels in every language and the
    synonyms given."""
    table = {}
    for code, label in choices.choices:
        table[_normalise(code)] = code
        for text in _in_every_language(label):
            table[text] = code
    for code, words in (synonyms or {}).items():
        for word in words:
            table[_normalise(word)] = code
    return table


def _headers():
    table = {}
    for column in COLUMNS:
        table[column.key] = column.key
        for text in _in_every_language(column.label):
            table[text] = column.key
    return table


# Reading the file ---------------------------------------------------------------------------


@dataclass
class Sheet:
    """The file's rows, each (row number in the file, [cell texts])."""

    rows: list


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_xlsx(data):
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as error:
        raise ValidationError(
            _("This spreadsheet cannot be read; please save it again as XLSX and retry."),
            code="unreadable",
        ) from error
    try:
        sheet = workbook.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_cell_text(value) for value in row]
    finally:
        workbook.close()


def _read_csv(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _(
                "This CSV file is not in UTF-8. In your spreadsheet, save it as “CSV UTF-8” "
                "(or as XLSX) and retry."
            ),
            code="encoding",
        ) from error
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        yield number, [cell.strip() for cell in row]


CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _looks_like_text(data):
    """Text has no control characters besides tabs and line breaks; images, PDFs and other
    binary files have them within their first bytes."""
    return not data.startswith(b"%PDF") and not CONTROL_BYTES.search(data[:65536])


def read_sheet(uploaded):
    """The rows of an uploaded XLSX or CSV file; a translated ValidationError for a file that is
    too large, empty, of another type, unreadable or too long."""
    try:
        check_upload(uploaded, [FileType.XLSX], MAX_FILE_SIZE)
        kind = FileType.XLSX
    except ValidationError as error:
        if error.code != "wrong_type":
            raise
        kind = "csv"
    uploaded.seek(0)
    data = uploaded.read()
    if kind == "csv" and not _looks_like_text(data):
        raise ValidationError(
            _("This file is neither an XLSX spreadsheet nor a CSV file."), code="wrong_type"
        )
    reader = _read_xlsx(data) if kind == FileType.XLSX else _read_csv(data)
    rows = []
    try:
        for number, cells in reader:
            if any(cells):
                rows.append((number, cells))
                if len(rows) > MAX_ROWS + 1:
                    raise ValidationError(
                        _("This file has more than %(limit)s rows; split it and import each part.")
                        % {"limit": MAX_ROWS},
                        code="too_long",
                    )
    except csv.Error as error:
        raise ValidationError(
            _("This CSV file cannot be read; please export it again and retry."),
            code="unreadable",
        ) from error
    if not rows:
        raise ValidationError(_("This file has no rows."), code="empty")
    return Sheet(rows=rows)


# Checking the rows --------------------------------------------------------------------------


@dataclass
class RowError:
    row: int
    reasons: list


@dataclass
class ImportResult:
    imported: int = 0
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


class _Invitations:
    """The cooperatives invited to a session, found by name or registration number."""

    def __init__(self, session):
        self.members = list(session.invited.select_related("cooperative"))
        self.by_number = {}
        self.by_name = {}
        for member in self.members:
            cooperative = member.cooperative
            if cooperative.registration_key:
                self.by_number[cooperative.registration_key] = member
            self.by_name.setdefault(_normalise(cooperative.legal_name), []).append(member)

    def find(self, text):
        """(member, reason): the invited cooperative written, or why there is none."""
        by_number = self.by_number.get(normalise_registration_number(text))
        if by_number is not None:
            return by_number, None
        named = self.by_name.get(_normalise(text), [])
        if len(named) == 1:
            return named[0], None
        if named:
            return None, _(
                "several invited cooperatives are called “%(name)s”: write its registration "
                "number instead"
            ) % {"name": text}
        return None, _("“%(name)s” is not among the cooperatives invited to this session") % {
            "name": text
        }


def _whole_number(text, low, high, message):
    """(value, reason) of a cell holding a whole number from low to high, or empty."""
    if text == "":
        return None, None
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None, message
    if not number.is_integer() or not low <= number <= high:
        return None, message
    return int(number), None


class _RowChecker:
    def __init__(self, session):
        self.session = session
        self.invitations = _Invitations(session)
        self.sexes = _lookup(Attendance.Sex, SEX_SYNONYMS)
        self.roles = _lookup(Attendance.Role)
        self.yes = _in_every_language(YES) | {_normalise(word) for word in YES_SYNONYMS}
        self.no = _in_every_language(NO) | {_normalise(word) for word in NO_SYNONYMS}
        self.seen = {
            (_normalise(name), member_id): None
            for name, member_id in session.attendance.values_list("full_name", "member_id")
        }
        self.age_message = _("the age must be a whole number from %(low)s to %(high)s") % {
            "low": AGE_MIN,
            "high": AGE_MAX,
        }

    def check(self, number, values):
        """(Attendance, reasons) of one row."""
        reasons = []
        name = re.sub(r"\s+", " ", values.get("full_name", "")).strip()
        if not name:
            reasons.append(_("the name is missing"))
        elif len(name) > NAME_MAX_LENGTH:
            reasons.append(
                _("the name is longer than %(limit)s characters") % {"limit": NAME_MAX_LENGTH}
            )
        member = None
        cooperative = values.get("cooperative", "")
        if cooperative:
            member, reason = self.invitations.find(cooperative)
            if reason:
                reasons.append(reason)
        elif self.invitations.members:
            reasons.append(_("the cooperative is missing"))
        sex = self.sexes.get(_normalise(values.get("sex", "")))
        if sex is None:
            reasons.append(
                _("the sex must be “%(woman)s” or “%(man)s”")
                % {"woman": Attendance.Sex.FEMALE.label, "man": Attendance.Sex.MALE.label}
            )
        role = self.roles.get(_normalise(values.get("role", "")))
        if role is None:
            reasons.append(
                _("the role must be one of: %(choices)s")
                % {"choices": ", ".join(str(label) for label in Attendance.Role.labels)}
            )
        age, reason = _whole_number(values.get("age", ""), AGE_MIN, AGE_MAX, self.age_message)
        if reason:
            reasons.append(reason)
        present_text = _normalise(values.get("present", ""))
        present = True
        if present_text in self.no:
            present = False
        elif present_text and present_text not in self.yes:
            reasons.append(_("present must be “%(yes)s” or “%(no)s”") % {"yes": YES, "no": NO})
        scores = {}
        for key, label in (("pre_test", _("score before")), ("post_test", _("score after"))):
            scores[key], reason = _whole_number(
                values.get(key, ""),
                0,
                SCORE_MAX,
                _("the %(score)s must be a whole number from 0 to %(high)s")
                % {"score": label, "high": SCORE_MAX},
            )
            if reason:
                reasons.append(reason)
        if name:
            key = (_normalise(name), member.pk if member else None)
            if key in self.seen:
                earlier = self.seen[key]
                reasons.append(
                    _("this person is already on the session's attendance list")
                    if earlier is None
                    else _("this person is already on row %(row)s") % {"row": earlier}
                )
            else:
                self.seen[key] = number
        attendance = Attendance(
            session=self.session,
            member=member,
            full_name=name,
            sex=sex or "",
            age=age,
            role=role or "",
            present=present,
            **scores,
        )
        return attendance, reasons


def _columns(sheet):
    """(column keys by position, rows of data): from the header row when there is one, by
    position otherwise."""
    headers = _headers()
    _number, first = sheet.rows[0]
    found = [headers.get(_normalise(cell)) for cell in first]
    recognised = {key for key in found if key}
    if "full_name" in recognised or len(recognised) >= 2:
        if "full_name" not in recognised:
            raise ValidationError(
                _("The header row has no “%(column)s” column.") % {"column": COLUMNS[1].label},
                code="no_name_column",
            )
        return found, sheet.rows[1:]
    return [column.key for column in COLUMNS], sheet.rows


def check_sheet(session, sheet):
    """(attendance rows ready to save, [RowError]) of a sheet; nothing is written."""
    keys, rows = _columns(sheet)
    imported = {column.key for column in COLUMNS if column.imported}
    checker = _RowChecker(session)
    ready, errors = [], []
    for number, cells in rows:
        values = {
            key: cell for key, cell in zip(keys, cells, strict=False) if key in imported and cell
        }
        if not values:
            continue  # a blank line of the sheet, perhaps numbered or signed
        attendance, reasons = checker.check(number, values)
        if reasons:
            errors.append(RowError(row=number, reasons=reasons))
        else:
            ready.append(attendance)
    return ready, errors


def import_attendance(session, uploaded):
    """Check every row of an uploaded sheet and, only if all are right, add them to the session's
    attendance in one transaction. Raises ValidationError for a file that cannot be read."""
    sheet = read_sheet(uploaded)
    with transaction.atomic():
        # Two imports of the same file at once: the second waits and finds the first's rows.
        session = TrainingSession.objects.select_for_update().get(pk=session.pk)
        ready, errors = check_sheet(session, sheet)
        if errors:
            return ImportResult(errors=errors)
        if not ready:
            raise ValidationError(_("This file has no participant to import."), code="empty")
        Attendance.objects.bulk_create(ready, batch_size=1000)
    return ImportResult(imported=len(ready))


def size_limit():
    return filesizeformat(MAX_FILE_SIZE)
