"""In Chromium, the public pages and the apply form (with its scripts at work) run under the
strict Content-Security-Policy without a single violation."""

import pytest

from accelerator.calls.models import CallQuestion
from tests.calls.factories import CallFactory, ProvinceFactory, QuestionFactory, build_call_pages
from tests.e2e.conftest import PHONE
from tests.factories import UserFactory, build_home_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def call_pages():
    home_pages = build_home_pages()
    province = ProvinceFactory()
    call = CallFactory()
    call.regions.add(province.region)
    QuestionFactory(call=call, key="project", kind=CallQuestion.Kind.LONG_TEXT)
    return build_call_pages(call, home_pages)


def watched(open_page):
    page = open_page(PHONE)
    page.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    return page, console


def violations(page):
    return page.evaluate("window.__cspViolations")


def test_public_pages_and_the_apply_form_run_without_a_policy_violation(
    open_page, live_server, call_pages
):
    page, console = watched(open_page)
    call_page = call_pages["ar"]
    found = []
    for path in ("/en/", "/ar/", "/vi/search/?q=x", call_page.url, call_page.url + "apply/"):
        response = page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert "script-src 'self'" in response.headers["content-security-policy"]
        found += violations(page)

    page.fill("input[name=email]", "lan@example.org")
    page.check("input[name=consent]")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/apply/*/")
    page.fill("textarea[name=q_project]", "نريد تحديث المعصرة")
    page.fill("input[name=legal_name]", "تعاونية النور")
    page.wait_for_timeout(2500)  # the form saves itself as the person types
    page.reload()
    page.wait_for_load_state("networkidle")
    found += violations(page)

    assert page.input_value("input[name=legal_name]") == "تعاونية النور"
    assert found == []
    assert console == []


def test_the_workspace_runs_without_a_policy_violation(open_page, live_server, call_pages):
    UserFactory(username="hoa")
    page, console = watched(open_page)

    page.goto(f"{live_server.url}/vi/workspace/login/")
    page.fill("input[name=username]", "hoa")
    page.fill("input[name=password]", "correct horse battery")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/vi/workspace/")
    page.goto(f"{live_server.url}/vi/workspace/security/two-step/")
    page.wait_for_load_state("networkidle")

    assert page.locator("img.qr-code").evaluate("image => image.naturalWidth") > 0
    assert violations(page) == []
    assert console == []
