"""The Vietnamese and Arabic catalogs are complete, valid, and cover every string in the code."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

ROOT = Path(settings.BASE_DIR)
CATALOGS = {code: ROOT / "locale" / code / "LC_MESSAGES" / "django.po" for code in ("vi", "ar")}
ARABIC_PLURAL_FORMS = (
    "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
    "n%100>=11 && n%100<=99 ? 4 : 5;"
)


def entries(code):
    return [entry for entry in polib.pofile(str(CATALOGS[code])) if not entry.obsolete]


@pytest.mark.parametrize("code", CATALOGS)
def test_every_entry_is_translated_and_none_is_fuzzy(code):
    untranslated = [e.msgid for e in entries(code) if not e.translated()]
    fuzzy = [e.msgid for e in entries(code) if "fuzzy" in e.flags]

    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("code", CATALOGS)
def test_msgfmt_check_accepts_the_catalog(code):
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(CATALOGS[code])],
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr


def test_arabic_catalog_declares_six_plural_forms_and_fills_them():
    catalog = polib.pofile(str(CATALOGS["ar"]))

    assert catalog.metadata["Plural-Forms"] == ARABIC_PLURAL_FORMS
    for entry in catalog:
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == [0, 1, 2, 3, 4, 5], entry.msgid
            assert all(entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, "لا توجد أي نتيجة"),
        (1, "نتيجة واحدة"),
        (2, "نتيجتان"),
        (3, "3 نتائج"),
        (11, "11 نتيجة"),
        (100, "100 نتيجة"),
    ],
)
def test_arabic_plural_forms_follow_the_number(count, expected):
    with translation.override("ar"):
        text = translation.ngettext("%(count)s result", "%(count)s results", count) % {
            "count": count
        }

    assert text == expected


def test_every_translatable_string_in_the_code_is_in_the_catalogs(tmp_path):
    """Extract the strings afresh into a copy and compare with the committed catalogs."""
    for folder in ("accelerator", "cms", "diagnostics", "templates", "static"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("*.mo"))
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    (tmp_path / "locale" / "vi" / "LC_MESSAGES").mkdir(parents=True)
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "vi", "--no-location"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "accelerator.settings.test",
            "PYTHONPATH": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stderr
    extracted = {
        (e.msgctxt, e.msgid)
        for e in polib.pofile(str(tmp_path / "locale/vi/LC_MESSAGES/django.po"))
        if e.msgid
    }
    committed = {(e.msgctxt, e.msgid) for e in entries("vi")} | {
        (e.msgctxt, e.msgid) for e in entries("ar")
    }
    in_both = {(e.msgctxt, e.msgid) for e in entries("vi")} & {
        (e.msgctxt, e.msgid) for e in entries("ar")
    }

    assert sorted(extracted - in_both, key=str) == []
    assert committed >= extracted
