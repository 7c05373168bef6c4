"""Every screen of our workflows reads entirely in Vietnamese and in Arabic.

The demo data is loaded once; each screen (tests/i18n/screens.py) is rendered in English,
Vietnamese and Arabic, the admin ones in the staff member's preferred language, and the
Vietnamese and Arabic renderings are compared with the English one (tests/i18n/visible_text.py).
A leftover is named with its screen: find its msgid in Wagtail's or Django's English catalog and
add it to accelerator/core/admin_strings.py (or mark our own string for translation), then
`make messages` and translate it.
"""

import re
import subprocess
from pathlib import Path

import polib
import pytest
import wagtail.admin
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import Client, TestCase
from django.utils import translation

from tests.factories import wagtail_root
from tests.i18n import screens
from tests.i18n.visible_text import english_leftovers

# The rendering happens once, in the module's fixture; the mark makes pytest-django create the
# test database before it (without a database test in the run, it would not).
pytestmark = pytest.mark.django_db

# English that Wagtail writes without a translation hook: nothing our catalogs can change.
UPSTREAM_ENGLISH = [
    # wagtailadmin/shared/header.html and home.html: the search form's hidden submit button.
    re.compile(r"^Search$"),
    # wagtailadmin/shared/headers/_actions.html: the header's action bar, aria-label="Actions".
    re.compile(r"^Actions$"),
    # wagtailadmin/shared/side_panel_toggle.html: a hidden counter printed as "None", filled in
    # by JavaScript.
    re.compile(r"^None$"),
    # wagtail/admin/wagtail_hooks.py: the help menu's label is translated once, when the menu
    # is first built, in whatever language is active then.
    re.compile(r"^What's new in Wagtail [\d.]+$"),
]
EXPECTED_STATUS = {"page not found": 404, "apply: form with errors": 422}


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker):
    """{(screen name, language): response} for every screen, from the demo data.

    The data lives in a transaction rolled back at the end, so other tests never see it.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        wagtail_root()
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("load_demo_data", quiet_logins=True)
        world = screens.World()
        clients = {}
        responses = {}
        for language in screens.LANGUAGES:
            screens.set_admin_language(language)
            for screen in screens.SCREENS:
                if screen.who not in clients:
                    clients[screen.who] = Client()
                    if screen.who:
                        clients[screen.who].force_login(screens.user(screen.who))
                responses[screen.name, language] = screens.render(
                    clients[screen.who], screen, world, language
                )
                translation.activate("en")
        data = screens.known_data()
        transaction.set_rollback(True)
    return responses, data


def _html(response):
    return response.content.decode()


@pytest.mark.parametrize("screen", screens.SCREENS, ids=lambda screen: screen.name)
@pytest.mark.parametrize("language", screens.LANGUAGES)
def test_screen_opens_in_its_language(rendered, screen, language):
    responses, _data = rendered
    response = responses[screen.name, language]
    html = _html(response)

    assert response.status_code == EXPECTED_STATUS.get(screen.name, 200), html[:500]
    direction = "rtl" if language == "ar" else "ltr"
    assert re.search(rf'<html[^>]*lang="{language}"[^>]*dir="{direction}"', html), html[:300]


@pytest.mark.parametrize("screen", screens.SCREENS, ids=lambda screen: screen.name)
@pytest.mark.parametrize("language", ["vi", "ar"])
def test_screen_has_no_english_left(rendered, screen, language):
    responses, data = rendered
    english = _html(responses[screen.name, "en"])
    translated = _html(responses[screen.name, language])

    leftovers = [
        text
        for text in english_leftovers(translated, english, language, data)
        if screen.is_public or not any(pattern.match(text) for pattern in UPSTREAM_ENGLISH)
    ]

    assert leftovers == []


# The Wagtail admin's JavaScript strings (sidebar, page editor, comments) come from Django's
# JavaScript catalog, which our locale/ folder also overrides. Upstream has about a quarter of them
# in Vietnamese and all of them in Arabic; ours keeps every one in Vietnamese. `make messages`
# cannot extract them (they live in Wagtail's bundled scripts), so this test guards the file.
LOCALE = Path(settings.BASE_DIR) / "locale"


def _wagtail_catalog(language, domain):
    folder = Path(wagtail.admin.__file__).parent / "locale" / language / "LC_MESSAGES"
    return polib.pofile(str(folder / domain))


def _translated(catalog):
    return {
        (entry.msgctxt, entry.msgid)
        for entry in catalog
        if entry.translated() and "fuzzy" not in entry.flags and not entry.obsolete
    }


@pytest.mark.parametrize("language", ["vi", "ar"])
def test_every_admin_javascript_string_is_translated(language):
    wanted = {(entry.msgctxt, entry.msgid) for entry in _wagtail_catalog("en", "djangojs.po")}
    ours = LOCALE / language / "LC_MESSAGES" / "djangojs.po"
    translated = _translated(_wagtail_catalog(language, "djangojs.po"))
    if ours.exists():
        translated |= _translated(polib.pofile(str(ours)))

    assert sorted(wanted - translated, key=str) == []


def test_our_javascript_catalog_is_valid_and_complete():
    catalog = LOCALE / "vi" / "LC_MESSAGES" / "djangojs.po"
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(catalog)], capture_output=True, text=True
    )
    entries = [entry for entry in polib.pofile(str(catalog)) if not entry.obsolete]

    assert result.returncode == 0, result.stderr
    assert [entry.msgid for entry in entries if not entry.translated()] == []
    assert [entry.msgid for entry in entries if "fuzzy" in entry.flags] == []
