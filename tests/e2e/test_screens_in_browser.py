"""Every screen of our workflows, in Chromium, in English, Vietnamese and Arabic, on a phone
(390 px) and a desktop (1280 px): a screenshot of each for a person to look at, and the checks a
reader of a right-to-left language would otherwise find by hand.

The screens are those of tests/i18n/screens.py, found in the demo data. The demo data is loaded
once for the module and committed, since the live server answers from its own connection on
PostgreSQL; the module flushes the database at the end, as a transactional test does.

Screenshots go to $SCREENSHOT_DIR (var/screenshots/ by default, which git ignores), as
<language>/<width>/<screen>.png, with an index.html to browse them; the run prints the folder.
"""

import io
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils.text import slugify
from PIL import Image

from tests.e2e.conftest import DESKTOP, PHONE
from tests.factories import wagtail_root
from tests.i18n import screens

pytestmark = pytest.mark.browser

WIDTHS = {PHONE["width"]: PHONE, DESKTOP["width"]: DESKTOP}
SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR") or Path(settings.VAR_DIR) / "screenshots")
# The cooperatives' portal asks for a sign-in link on its first page; screens.py has no entry
# for it yet.
PORTAL = screens.Screen("portal: sign-in", lambda world, language: f"/{language}/portal/")
ALL_SCREENS = screens.PUBLIC + screens.APPLY + [PORTAL] + screens.WORKSPACE + screens.ADMIN
EXPECTED_STATUS = {"page not found": 404, "apply: form with errors": 422}
# Screens with folded <details> in the demo data: the questions of a call, the notes of results.
FOLDED = {"open call", "closed call", "cohort results"}


def is_admin(screen):
    return screen.name.startswith("admin:")


def slug(screen):
    return slugify(screen.name)


# --- The demo site, served ------------------------------------------------------------------


@dataclass
class DemoSite:
    url: str
    world: screens.World
    admin_language: str | None = None
    sessions: dict = field(default_factory=dict)

    def address(self, screen, language):
        if is_admin(screen) and language != self.admin_language:
            screens.set_admin_language(language)
            self.admin_language = language
        return self.url + screen.address(self.world, language)

    def session_cookie(self, username):
        """A signed-in session for the browser, made without the sign-in form."""
        if username not in self.sessions:
            client = Client()
            client.force_login(screens.user(username))
            self.sessions[username] = client.cookies[settings.SESSION_COOKIE_NAME].value
        return {
            "name": settings.SESSION_COOKIE_NAME,
            "value": self.sessions[username],
            "url": self.url,
        }


@contextmanager
def demo_site_served(live_server, django_db_blocker):
    """The demo data, committed, for the live server to answer from; the database is flushed
    afterwards. The database stays open to the tests (and the server's thread) meanwhile."""
    with django_db_blocker.unblock():
        try:
            wagtail_root()
            call_command("load_demo_data", quiet_logins=True)
            yield DemoSite(live_server.url, screens.World())
        finally:
            call_command("flush", interactive=False, verbosity=0)


def fill_and_submit(page, changes):
    """Sends the page's main form (its POST form with the most fields, as screens.form_values
    picks it) with these changes; a change naming a submit button presses that button."""
    page.evaluate(
        """(changes) => {
            const size = (form) => form.querySelectorAll('input, select, textarea').length;
            const form = [...document.forms]
                .filter((form) => form.method === 'post')
                .reduce((best, form) => (size(form) > size(best) ? form : best));
            let submitter = null;
            for (const [name, value] of Object.entries(changes)) {
                const button = [...form.querySelectorAll('button[name], input[type=submit]')]
                    .find((button) => button.name === name && button.value === value);
                if (button) { submitter = button; continue; }
                const field = form.elements.namedItem(name);
                if (!field) throw new Error(`The form has no field ${name}`);
                field.value = value;
            }
            form.noValidate = true;
            form.requestSubmit(submitter);
        }""",
        changes,
    )


def open_screen(page, site, screen, language):
    """Opens the screen (sending its form back with the screen's changes): what went wrong on
    the way, if anything (an unexpected HTTP status, a redirection, to the sign-in page say)."""
    address = site.address(screen, language)
    response = page.goto(address)
    if screen.changes is not None:
        with page.expect_navigation() as navigation:
            fill_and_submit(page, screen.changes)
        response = navigation.value
    page.evaluate("document.fonts.ready.then(() => true)")
    problems = []
    if response.status != EXPECTED_STATUS.get(screen.name, 200):
        problems.append(f"HTTP status {response.status}")
    if unquote(page.url) != unquote(address):
        problems.append(f"sent to {page.url}")
    return problems


# --- What a reader would notice --------------------------------------------------------------

OVERFLOW = "() => [document.scrollingElement.scrollWidth, window.innerWidth]"

START_SIDE = """(navigation) => {
    const shown = (element) => element.checkVisibility() && element.getBoundingClientRect().width > 2;
    const pageDirection = getComputedStyle(document.documentElement).direction;
    // Where the element's first line of text sits in the nearest box wider than that text.
    const placement = (element) => {
        if (getComputedStyle(element).direction !== pageDirection) return null;
        const range = document.createRange();
        range.selectNodeContents(element);
        const boxes = [...range.getClientRects()].filter((box) => box.width);
        if (!boxes.length) return null;
        const top = Math.min(...boxes.map((box) => box.top));
        const line = boxes.filter((box) => box.top < top + 2);
        const left = Math.min(...line.map((box) => box.left));
        const right = Math.max(...line.map((box) => box.right));
        for (let box = element; box && box !== document.documentElement; box = box.parentElement) {
            const style = getComputedStyle(box);
            if (style.display.startsWith('inline') || style.display === 'contents') continue;
            const edges = box.getBoundingClientRect();
            const start = edges.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
            const end = edges.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
            if (end - start < right - left + 8) continue;
            return {text: element.textContent.trim().slice(0, 40), fromLeft: left - start, fromRight: end - right};
        }
        return null;
    };
    const found = {};
    for (const nav of navigation ? document.querySelectorAll('nav') : []) {
        const links = shown(nav) ? [...nav.querySelectorAll('a, button')].filter(shown) : [];
        if (!links.length) continue;
        found['first link of the navigation'] = placement(links[0]);
        if (links.length > 1) {
            const [first, second] = [links[0], links[1]].map((link) => link.getBoundingClientRect());
            if (Math.abs(first.top - second.top) < 4) found.order = {first: first.left, second: second.left, text: links[0].textContent.trim()};
        }
        break;
    }
    const label = [...document.querySelectorAll('form label, form legend')].find((element) => shown(element) && element.textContent.trim());
    if (label) found['first form label'] = placement(label);
    const heading = [...document.querySelectorAll('h1')].find(shown);
    if (heading) found.heading = placement(heading);
    return found;
}"""


def start_side_problems(page, language, navigation=True):
    """Reading starts on the right in Arabic, on the left otherwise.

    The first link of the navigation, the first form label and the heading each start their
    line at that side of their box (the nearest box wider than their text): centred text passes,
    text pushed to the other side fails. Their box, not the window, is the measure: the site's
    header mirrors as a whole, which puts the navigation at the left of an Arabic desktop
    header, after the site's name, where its first link is still the right-most one. Text that
    takes its direction from its content (dir="auto" around a Latin name) is left out. The
    navigation's first link must also come before its second in reading order.
    """
    rtl = language == "ar"
    found = page.evaluate(START_SIDE, navigation)
    order = found.pop("order", None)
    if navigation and not any(found.values()) and not order:
        return ["no navigation, form label or heading to tell where reading starts"]
    problems = []
    for name, box in found.items():
        if not box:
            continue
        start, end = (
            (box["fromRight"], box["fromLeft"]) if rtl else (box["fromLeft"], box["fromRight"])
        )
        if end <= 2 < start:
            side = "right" if rtl else "left"
            problems.append(
                f"{name} {box['text']!r} does not start on the {side} "
                f"({box['fromLeft']:.0f} px from its box's left, {box['fromRight']:.0f} px from its right)"
            )
    if order and (order["first"] > order["second"]) != rtl:
        problems.append(f"the navigation runs the wrong way: {order['text']!r} is not first")
    return problems


MARKERS = """() => [...document.querySelectorAll('details:not([open]) > summary')]
    .filter((summary) => summary.checkVisibility() && getComputedStyle(summary).display === 'list-item')
    .slice(0, 3)
    .map((summary) => {
        summary.scrollIntoView({block: 'center'});
        // The summary's text on its first line; the triangle is drawn before it.
        const range = document.createRange();
        range.selectNodeContents(summary);
        const lines = [...range.getClientRects()].filter((box) => box.width);
        const top = Math.min(...lines.map((box) => box.top));
        const first = lines.filter((box) => box.top < top + 2);
        const box = summary.getBoundingClientRect();
        return {
            text: summary.textContent.trim().slice(0, 40),
            rtl: getComputedStyle(summary).direction === 'rtl',
            box: {left: box.left, right: box.right},
            text_box: first.length ? {
                left: Math.min(...first.map((box) => box.left)),
                right: Math.max(...first.map((box) => box.right)),
                top: top,
                bottom: Math.max(...first.map((box) => box.bottom)),
            } : null,
        };
    })"""


def pointing(image):
    """Which way a small dark shape on a light ground points: a triangle is heavier on its base
    side, so its ink sits left of its middle when it points right, and the other way round."""
    gray = image.convert("L")
    columns = [
        (x, sum(1 for y in range(gray.height) if gray.getpixel((x, y)) < 128))
        for x in range(gray.width)
    ]
    inked = [(x, count) for x, count in columns if count]
    if len(inked) < 3:
        return None
    middle = (inked[0][0] + inked[-1][0]) / 2
    centre = sum(x * count for x, count in inked) / sum(count for _x, count in inked)
    if abs(centre - middle) < 0.5:
        return None
    return "right" if centre < middle else "left"


def marker_problems(page, expected=False):
    """The disclosure triangles of <details> (the FAQ of a call, the notes of the results page)
    are the site's only icons that point somewhere: closed, each points into the text it opens,
    right in a left-to-right summary and left in a right-to-left one. (The site draws no arrow
    or chevron of its own; Wagtail's admin draws its icons itself.)"""
    markers = page.evaluate(MARKERS)
    problems = [] if markers or not expected else ["no folded <details> to check"]
    for marker in markers:
        text = marker["text_box"]
        if not text:
            continue
        if marker["rtl"]:
            left, right = text["right"], marker["box"]["right"]
        else:
            left, right = marker["box"]["left"], text["left"]
        way = "left" if marker["rtl"] else "right"
        if right - left < 4:
            problems.append(f"no disclosure triangle before {marker['text']!r}")
            continue
        clip = {
            "x": left,
            "y": text["top"],
            "width": right - left,
            "height": text["bottom"] - text["top"],
        }
        shape = Image.open(io.BytesIO(page.screenshot(clip=clip)))
        if pointing(shape) != way:
            problems.append(
                f"the triangle of {marker['text']!r} points {pointing(shape)}, not {way}"
            )
    return problems


MISSING_GLYPHS = """async () => {
    const groups = new Map();
    const add = (element, text) => {
        const style = getComputedStyle(element);
        const font = `${style.fontStyle} ${style.fontWeight} 40px ${style.fontFamily}`;
        if (!groups.has(font)) groups.set(font, new Set());
        for (const character of text) {
            if (!/[\\s\\p{Cc}\\p{Cf}]/u.test(character)) groups.get(font).add(character);
        }
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (element && !element.closest('script, style, template') && element.checkVisibility()) add(element, node.data);
    }
    for (const field of document.querySelectorAll('input, textarea, select')) {
        if (!field.checkVisibility()) continue;
        const typed = /^(text|search|email|tel|url|textarea)$/.test(field.type) ? field.value : '';
        const chosen = field.selectedOptions ? [...field.selectedOptions].map((option) => option.text).join('') : '';
        add(field, (field.placeholder || '') + typed + chosen);
    }
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 96;
    const context = canvas.getContext('2d', {willReadFrequently: true});
    const draw = (font, character) => {
        context.clearRect(0, 0, 96, 96);
        context.font = font;
        context.fillText(character, 16, 64);
        return context.getImageData(0, 0, 96, 96).data;
    };
    const same = (one, other) => one.every((value, index) => value === other[index]);
    const missing = [];
    const unreliable = [];
    let checked = 0;
    for (const [font, characters] of groups) {
        await document.fonts.load(font, [...characters].join(''));
        // U+0378 and U+0379 are unassigned: no font has them, so both are drawn as the
        // missing-glyph box. If they differ from each other, or the box looks like "a", the
        // comparison tells nothing for this font.
        const box = draw(font, '\\u0378');
        if (same(box, draw(font, 'a')) || !same(box, draw(font, '\\u0379'))) {
            unreliable.push(font);
            continue;
        }
        for (const character of characters) {
            checked += 1;
            if (same(draw(font, character), box)) {
                missing.push(`${character} (U+${character.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}) in ${font}`);
            }
        }
    }
    return {missing, unreliable, checked};
}"""


def missing_glyph_problems(page):
    """Characters drawn as a missing-glyph box ("tofu").

    `document.fonts.check()` cannot tell: it only answers whether the web fonts a text would
    use are loaded, and answers true when none of the listed families has a face for the text
    (the text then falls back to whatever the system has, or to nothing). Rendered widths are
    no better: a box can be as wide as a real letter. So every distinct character on the page
    (text, field values and placeholders, chosen options) is drawn on a canvas in the font of
    the element showing it, web fonts loaded first, and its pixels are compared with those of
    an unassigned code point, which Chromium can only draw as the missing-glyph box: the same
    pixels mean the reader sees a box. The comparison is checked on each font first (two
    unassigned code points draw alike, and unlike "a").
    """
    result = page.evaluate(MISSING_GLYPHS)
    problems = [f"missing glyph: {text}" for text in result["missing"]]
    problems += [f"cannot detect missing glyphs in {font}" for font in result["unreliable"]]
    if not result["checked"]:
        problems.append("no text to check for missing glyphs")
    return problems


# A reference number (ATL1-00001, COOP-2022-46924) or an amount with its currency
# (101.000,00 MAD): Latin strings that bidirectional layout garbles in Arabic text when they
# are not isolated.
TOKENS = r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+|\d[\d.,\u00a0\u202f]*\d\s?(?:MAD|VND|USD|EUR|₫)"

READING_ORDER = """(pattern) => {
    const token = new RegExp(pattern, 'g');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const garbled = [];
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!element || element.closest('script, style, template') || !element.checkVisibility()) continue;
        for (const match of node.data.matchAll(token)) {
            count += 1;
            const boxes = [];
            for (let index = 0; index < match[0].length; index++) {
                if (/\\s/.test(match[0][index])) continue;
                const range = document.createRange();
                range.setStart(node, match.index + index);
                range.setEnd(node, match.index + index + 1);
                const box = range.getClientRects()[0];
                if (box && box.width) boxes.push(box);
            }
            // Left to right along a line; a later character may only go to a later line.
            const intact = boxes.every((box, index) => {
                if (!index) return true;
                const before = boxes[index - 1];
                return Math.abs(box.top - before.top) < box.height / 2 ? box.left >= before.left - 1 : box.top > before.top;
            });
            if (!intact) garbled.push(match[0]);
        }
    }
    return {garbled, count};
}"""


def reading_order_problems(page):
    """Reference numbers and amounts read left to right, character after character, wherever
    they stand in the page's text."""
    result = page.evaluate(READING_ORDER, TOKENS)
    return [f"garbled in display: {text!r}" for text in result["garbled"]]


# --- The browser ---------------------------------------------------------------------------


class Browsing:
    """One browser context (and page) per person: the same tab goes from screen to screen."""

    def __init__(self, browser, site):
        self.browser = browser
        self.site = site
        self.pages = {}
        self.third_party = {}

    def page(self, who):
        if who not in self.pages:
            context = self.browser.new_context(viewport=DESKTOP)
            if who:
                context.add_cookies([self.site.session_cookie(who)])
            page = context.new_page()
            page.set_default_timeout(15_000)
            requests = self.third_party.setdefault(who, [])

            def watch(request):
                if not request.url.startswith((self.site.url, "data:", "blob:", "about:")):
                    requests.append(request.url)

            page.on("request", watch)
            self.pages[who] = page
        page = self.pages[who]
        page.set_viewport_size(DESKTOP)
        return page

    def close(self):
        for page in self.pages.values():
            page.context.close()


@pytest.fixture(autouse=True)
def _live_server_helper():
    """Overrides pytest-django's fixture of this name, which gives each test using `live_server`
    a transactional database flushed after the test: here the demo data is loaded once per
    module and flushed after it (`site`). (Its other duty, letting the server's host in, is
    moot: the test settings allow every host.)"""
    yield


@pytest.fixture(scope="module")
def site(django_db_setup, live_server, django_db_blocker):
    with demo_site_served(live_server, django_db_blocker) as site:
        yield site


@pytest.fixture(scope="module")
def browsing(browser, site):
    browsing = Browsing(browser, site)
    yield browsing
    browsing.close()


def screenshot_path(language, width, screen):
    return SCREENSHOT_DIR / language / str(width) / f"{slug(screen)}.png"


@pytest.fixture(scope="module")
def screenshots(request):
    """The screenshots taken, by (language, width, screen name). At the end, an index.html to
    look through every screenshot in the folder (those of all test workers) and a line saying
    where it is, printed past pytest's output capture so that CI logs show it."""
    taken = {}
    yield taken
    if not taken:
        return
    heads = "".join(
        f"<th>{language} {width}</th>" for language in screens.LANGUAGES for width in WIDTHS
    )
    rows = []
    for screen in ALL_SCREENS:
        cells = []
        for language in screens.LANGUAGES:
            for width in WIDTHS:
                path = screenshot_path(language, width, screen)
                link = escape(path.relative_to(SCREENSHOT_DIR).as_posix())
                image = f'<a href="{link}"><img src="{link}" width="120" alt=""></a>'
                cells.append(f"<td>{image if path.exists() else '—'}</td>")
        rows.append(f"<tr><th>{escape(screen.name)}</th>{''.join(cells)}</tr>")
    index = SCREENSHOT_DIR / "index.html"
    index.write_text(
        '<!DOCTYPE html><html lang="en"><meta charset="utf-8"><title>Screens</title>'
        f"<table><tr><th>Screen</th>{heads}</tr>{''.join(rows)}</table></html>",
        encoding="utf-8",
    )
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(
            f"\n{len(taken)} screenshots written to {SCREENSHOT_DIR}/<language>/<width>/; index: {index}"
        )


# --- The tests -----------------------------------------------------------------------------


@pytest.mark.parametrize("language", screens.LANGUAGES)
@pytest.mark.parametrize("screen", ALL_SCREENS, ids=slug)
def test_screen_in_the_browser(browsing, screenshots, screen, language, record_property):
    site = browsing.site
    page = browsing.page(screen.who)
    problems = open_screen(page, site, screen, language)
    direction = "rtl" if language == "ar" else "ltr"
    html = page.evaluate("[document.documentElement.lang, document.documentElement.dir]")
    if html != [language, direction]:
        problems.append(f'<html lang="{html[0]}" dir="{html[1]}">, not {language} {direction}')
    problems += [f"desktop: {problem}" for problem in missing_glyph_problems(page)]
    triangles = screen.name in FOLDED
    problems += [f"desktop: {problem}" for problem in marker_problems(page, triangles)]

    for width, viewport in sorted(WIDTHS.items(), reverse=True):
        page.set_viewport_size(viewport)
        path = screenshot_path(language, width, screen)
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=path, full_page=True, animations="disabled", caret="hide")
        screenshots[language, width, screen.name] = path
        print(f"screenshot: {path}")
        record_property(f"screenshot {width}", str(path))

        where = "phone" if width == PHONE["width"] else "desktop"
        scroll_width, inner_width = page.evaluate(OVERFLOW)
        if scroll_width > inner_width + 1:
            problems.append(f"{where}: {scroll_width} px wide in a {inner_width} px window")
        # On a phone, Wagtail folds its menu away and lays out its breadcrumbs its own way, in
        # every language: there the admin's labels and headings are checked, where it shows any
        # (its listings keep their heading for screen readers only).
        navigation = not is_admin(screen) or width == DESKTOP["width"]
        problems += [
            f"{where}: {problem}" for problem in start_side_problems(page, language, navigation)
        ]
        problems += [f"{where}: {problem}" for problem in reading_order_problems(page)]

    # Wagtail's admin shows staff avatars from gravatar.com (upstream default), so only the
    # public site and the field workspace are held to sending nothing elsewhere.
    if not is_admin(screen):
        sent = browsing.third_party.get(screen.who, [])
        problems += [f"request to a third party: {url}" for url in sent]
        sent.clear()
    assert problems == []


def test_arabic_names_and_latin_references_stay_whole_on_the_attendance_sheet(browsing):
    """The sheet lists the invited cooperatives as "name (registration number)": an Arabic name
    next to a Latin reference, each isolated, so neither the reference nor the parentheses move
    into the name."""
    site = browsing.site
    sheet = next(screen for screen in screens.WORKSPACE if screen.name == "attendance sheet")
    page = browsing.page(sheet.who)
    page.set_viewport_size(PHONE)
    assert open_screen(page, site, sheet, "ar") == []

    pairs = page.evaluate(
        """() => [...document.querySelectorAll('.sheet__invited bdi')].map((element) => {
            const range = document.createRange();
            range.selectNodeContents(element);
            const lines = [...range.getClientRects()].map(({left, right, top}) => ({left, right, top}));
            const rtl = /[\\u0600-\\u06FF]/.test(element.textContent);
            return {text: element.textContent, tag: element.tagName, rtl, lines};
        })"""
    )
    arabic = [
        (name, number)
        for name, number in zip(pairs, pairs[1:], strict=False)
        if name["rtl"] and re.fullmatch(r"COOP-\d{4}-\d{5}", number["text"])
    ]
    assert arabic, "the demo session invites cooperatives with Arabic names"
    names = {
        member.cooperative.legal_name: member.cooperative.registration_number
        for member in site.world.session.invited.select_related("cooperative")
    }
    for name, number in arabic:
        assert names[name["text"]] == number["text"]
        assert name["tag"] == number["tag"] == "BDI"
        # Read right to left, the reference follows the name: where the name ends and the
        # reference begins on one line, the reference stands to the name's left, not inside it.
        end, start = name["lines"][-1], number["lines"][0]
        if abs(end["top"] - start["top"]) < 4:
            assert start["right"] <= end["left"] + 1, (name["text"], number["text"])
    assert reading_order_problems(page) == []


def test_a_reference_the_reader_copies_is_isolated_and_whole(browsing):
    site = browsing.site
    status = next(screen for screen in screens.APPLY if screen.name == "application status")
    page = browsing.page(None)
    assert open_screen(page, site, status, "ar") == []

    reference = page.locator(".reference")
    assert reference.inner_text() == site.world.submitted.reference
    assert reference.evaluate("element => element.querySelector('bdi') !== null")
    assert reading_order_problems(page) == []


# --- The checks can fail -------------------------------------------------------------------


def test_the_checks_catch_boxes_garbled_references_and_unmirrored_triangles(browser):
    """Each check, given a page with the fault it looks for, reports it."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.set_content(
            '<html lang="ar" dir="rtl"><body style="font: 20px sans-serif">'
            # U+038B is unassigned: no font draws it.
            "<p>رقم الطلب \u038b ونص عادي</p>"
            "<p>المبلغ: 12,000 MAD للتعاونية</p>"
            '<details><summary dir="ltr">Questions fréquentes</summary><p>…</p></details>'
            '<form><label style="display: block; text-align: left">الاسم</label></form>'
            "</body></html>"
        )

        assert any("U+038B" in problem for problem in missing_glyph_problems(page))
        assert reading_order_problems(page) == ["garbled in display: '12,000 MAD'"]
        assert start_side_problems(page, "ar")
        assert not start_side_problems(page, "en")
        # A left-to-right summary in a right-to-left page: its triangle rightly points right;
        # checked as if Arabic had been forced on it, it would be wrong.
        assert marker_problems(page) == []
        page.evaluate("document.querySelector('summary').dir = 'rtl'")
        assert marker_problems(page) == []
        # A triangle drawn by the page that forgets to mirror.
        page.add_style_tag(
            content="summary { list-style: none; } summary::before { content: '\\25b8  '; }"
        )
        assert marker_problems(page) == [
            "the triangle of 'Questions fréquentes' points right, not left"
        ]
    finally:
        context.close()
