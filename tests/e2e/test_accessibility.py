"""WCAG 2.1 AA on the public site and the applicant's path, in Chromium.

axe-core looks at every public page type (tests/i18n/screens.py: the public pages, the apply
flow with and without errors, the sign-in pages of the workspace and of the portal) in English,
Vietnamese and Arabic, on a desktop and on a phone: no serious or critical violation is allowed.
Then an applicant who uses no mouse starts an application and fills in its first fields with
the keyboard alone, seeing at every step where the focus is, and hears of the errors when they
submit too early.

The demo data and its live server come from test_screens_in_browser.py.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e import test_screens_in_browser as in_browser
from tests.e2e.conftest import DESKTOP, PHONE
from tests.i18n import screens

pytestmark = pytest.mark.browser

# The demo site, served (fixtures), as test_screens_in_browser.py sets it up.
_live_server_helper = in_browser._live_server_helper
site = in_browser.site

PUBLIC_SCREENS = [screen for screen in in_browser.ALL_SCREENS if screen.is_public]
SERIOUS = ("serious", "critical")
AXE = Axe()


@pytest.fixture(scope="module")
def axe_page(browser, site):
    # The site's Content-Security-Policy allows only its own script files, no inline script
    # and no eval; axe-core is injected into the page, so the context bypasses the policy.
    # These runs are about accessibility: tests/e2e/test_csp_in_browser.py holds the policy.
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


LANGUAGE_PARTS = """() => [...document.querySelectorAll('.language-switcher li > *')].map(
    (element) => ({text: element.textContent.trim(), lang: element.lang, hreflang: element.hreflang || null})
)"""


@pytest.mark.parametrize("language", screens.LANGUAGES)
@pytest.mark.parametrize("screen", PUBLIC_SCREENS, ids=in_browser.slug)
def test_public_page_has_no_serious_accessibility_violation(
    axe_page,
    site,
    screen,
    language,
):
    page = axe_page
    page.set_viewport_size(DESKTOP)
    assert in_browser.open_screen(page, site, screen, language) == []

    violations = []
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        results = AXE.run(page).response
        for violation in results["violations"]:
            if violation["impact"] not in SERIOUS:
                continue
            for node in violation["nodes"]:
                violations.append(
                    f"{viewport['width']} px: {violation['id']} ({violation['impact']}) at "
                    f"{' '.join(map(str, node['target']))}: {violation['help']} "
                    f"<{violation['helpUrl']}>"
                )
    # Language of parts (3.1.2): each language's name is spoken in that language.
    parts = page.evaluate(LANGUAGE_PARTS)

    assert violations == []
    assert page.evaluate("document.documentElement.lang") == language
    assert parts, "the language switcher is on every public page"
    assert [part["lang"] for part in parts] == list(screens.LANGUAGES), parts
    assert all(part["hreflang"] in (None, part["lang"]) for part in parts), parts


# --- The keyboard alone ---------------------------------------------------------------------

FOCUS = """(selector) => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
        matches: element.matches(selector),
        element: element.outerHTML.slice(0, 150),
        outlined: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
            || style.boxShadow !== 'none',
        // Focus inside a built-in control (the calendar button of a date field): Chromium
        // rings that part itself, and the page cannot style it.
        innerPart: element.matches(':focus-within') && !element.matches(':focus'),
        inView: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    };
}"""


def press_until(page, selector, key="Tab", limit=120):
    """Presses the key until the focus reaches an element matching the selector; at every stop
    on the way, the focused element must show a focus ring (outline or box-shadow) and be on
    screen."""
    for _ in range(limit):
        page.keyboard.press(key)
        focus = page.evaluate(FOCUS, selector)
        if focus["element"].startswith("<body"):
            continue
        assert focus["outlined"] or focus["innerPart"], f"no visible focus on {focus['element']}"
        assert focus["inView"], f"the focus is off screen, on {focus['element']}"
        if focus["matches"]:
            return
    raise AssertionError(f"{key} never reaches {selector}")


ANNOUNCED = """(selector) => {
    const field = document.querySelector(selector);
    const described = (field.getAttribute('aria-describedby') || '').split(/\\s+/)
        .map((id) => document.getElementById(id))
        .filter((element) => element && element.classList.contains('errors'));
    const summary = document.querySelector('.error-summary');
    return {
        summary: summary && summary.checkVisibility() ? summary.textContent.trim() : null,
        summaryRole: summary && (summary.getAttribute('role') || summary.getAttribute('aria-live')),
        invalid: field.getAttribute('aria-invalid'),
        error: described.map((element) => element.textContent.trim()).join(' '),
        value: field.value,
    };
}"""


@pytest.mark.parametrize(
    "language, email, name, number",
    [
        ("en", "keyboard@example.org", "Tan Phu Agricultural Cooperative", "RC-2024/0153"),
        ("ar", "lawha@example.org", "تعاونية النور للأعشاب الطبية", "RC-2024/0154"),
    ],
    ids=["en", "ar"],
)
def test_an_applicant_starts_and_fills_in_an_application_with_the_keyboard_alone(
    browser,
    site,
    language,
    email,
    name,
    number,
):
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        call_page = site.world.call_page(site.world.open_call, language)
        page.goto(site.url + call_page.url)

        # The first stop is the skip link, shown when focused; it leads past the header.
        press_until(page, ".skip-link", limit=1)
        page.keyboard.press("Enter")
        press_until(page, 'main a[href$="/apply/"]')
        page.keyboard.press("Enter")
        page.wait_for_url("**/apply/")

        press_until(page, "#id_email")
        page.keyboard.type(email)
        press_until(page, "#id_consent")
        page.keyboard.press("Space")
        assert page.is_checked("#id_consent")
        # Back and forth: the address typed is still there.
        press_until(page, "#id_email", key="Shift+Tab", limit=3)
        assert page.input_value("#id_email") == email
        press_until(page, "main form button[type=submit]")
        page.keyboard.press("Enter")
        page.wait_for_selector("form.application-form")

        press_until(page, "#id_legal_name")
        page.keyboard.type(name)
        press_until(page, "#id_registration_number", limit=1)
        page.keyboard.type(number)
        press_until(page, "#id_legal_form")
        page.keyboard.press("ArrowDown")
        assert page.input_value("#id_legal_form") != ""
        # Through every other field to the submit button, then submit too early.
        press_until(page, "button[name=action][value=submit]")
        with page.expect_navigation() as navigation:
            page.keyboard.press("Enter")

        assert navigation.value.status == 422
        kept = page.evaluate(ANNOUNCED, "#id_legal_name")
        missing = page.evaluate(ANNOUNCED, "#id_sector")
        # The summary is an alert, read out as the page opens; each field in error says so
        # and points at its message.
        assert kept["summary"] and kept["summaryRole"] == "alert"
        assert kept["value"] == name and kept["invalid"] is None
        assert missing["invalid"] == "true"
        assert missing["error"]
        assert page.input_value("#id_registration_number") == number
    finally:
        context.close()
