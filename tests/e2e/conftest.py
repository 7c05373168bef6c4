import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(config, items):
    """Browser tests need Debian's Chromium; CI sets REQUIRE_BROWSER=1 so they can never skip."""
    if shutil.which(CHROMIUM) or os.environ.get("REQUIRE_BROWSER") == "1":
        return
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    # Django refuses ORM calls from a thread running an event loop; Playwright's sync API runs
    # one, and the tests use the ORM between browser steps.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def third_party_requests():
    return []


@pytest.fixture
def open_page(browser, live_server, third_party_requests):
    """A fresh browser page at a given viewport that records any request leaving the server."""
    contexts = []

    def open_at(viewport=DESKTOP, **options):
        context = browser.new_context(viewport=viewport, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)

        def watch(request):
            if not request.url.startswith((live_server.url, "data:", "blob:")):
                third_party_requests.append(request.url)

        page.on("request", watch)
        return page

    yield open_at
    for context in contexts:
        context.close()
