"""The public site and the field workspace run under a strict Content-Security-Policy: every
page type carries it, and none holds an inline script, inline style or event handler that the
policy would block (tests/e2e/test_csp_in_browser.py checks the same in Chromium)."""

import pytest

from diagnostics import links as report_links
from tests.calls.conftest import call, call_pages, form_data, places  # noqa: F401 — fixtures
from tests.calls.helpers import start, statutes
from tests.cms.conftest import indexes  # noqa: F401 — fixture
from tests.cms.factories import build_event, build_news
from tests.results.conftest import results_pages, scenario  # noqa: F401 — fixtures
from tests.security.pages import inline_code, walk

pytestmark = pytest.mark.django_db

STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
    "base-uri": "'self'",
}


def policy(response):
    header = response.get("Content-Security-Policy", "")
    directives = {}
    for part in header.split(";"):
        name, _, value = part.strip().partition(" ")
        if name:
            directives[name] = value
    return directives


def problems_of(url, response):
    found = []
    directives = policy(response)
    for name, value in STRICT.items():
        if directives.get(name) != value:
            found.append(f"{url}: {name} is {directives.get(name)!r}, not {value!r}")
    found += [f"{url}: {problem}" for problem in inline_code(response.content.decode())]
    return found


@pytest.fixture
def public_site(home_pages, indexes, call_pages):  # noqa: F811
    news = build_news(
        indexes["news"]["en"],
        "Kick-off in Agadir",
        tags=["training"],
        body=[("paragraph", "<p>Apply <b>now</b>.</p>"), ("quote", {"text": "Welcome"})],
    )
    event = build_event(indexes["events"]["en"], "Workshop", starts_in_days=4)
    return {"news": news, "event": event, "call": call_pages}


def test_every_public_page_carries_the_strict_policy_and_no_inline_code(client, public_site):
    seeds = ["/en/", "/vi/", "/ar/", "/en/search/?q=cooperative"]
    seeds += [
        public_site["call"]["ar"].get_parent().url,
        public_site["call"]["en"].get_parent().url,
    ]
    seeds += [public_site["news"].url, public_site["event"].url]

    visited, problems = [], []
    for url, response in walk(client, seeds, within=("/en/", "/vi/", "/ar/")):
        visited.append(url)
        problems += problems_of(url, response)

    assert problems == []
    for page in (
        public_site["call"]["en"],
        public_site["call"]["en"].get_parent(),
        public_site["news"].get_parent(),
        public_site["event"].get_parent(),
    ):
        assert page.url in visited, page.url


def test_program_and_results_pages_carry_the_strict_policy_and_no_inline_code(
    client,
    results_pages,  # noqa: F811
):
    seeds = [results_pages["en"].url, results_pages["ar"].url]
    seeds += [
        results_pages["en"].get_parent().url,
        results_pages["en"].get_parent().get_parent().url,
    ]

    problems = []
    for url in seeds:
        response = client.get(url)
        assert response.status_code == 200, url
        problems += problems_of(url, response)

    assert problems == []


def test_the_apply_flow_carries_the_strict_policy_and_no_inline_code(
    client,
    call_pages,  # noqa: F811
    form_data,  # noqa: F811
):
    page = call_pages["ar"]
    client.get("/ar/")
    pages = [page.url + "apply/", page.url + "apply/link/"]
    _draft, form_url = start(client, page)
    pages.append(form_url)
    refused = client.post(form_url, {**form_data(members_total="x"), "action": "submit"})
    submitted = client.post(form_url, {**form_data(), "action": "submit", "q_statutes": statutes()})
    assert submitted.status_code == 302
    pages.append(form_url)  # now the application's status

    problems = problems_of("refused submission", refused)
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        problems += problems_of(url, response)

    assert problems == []


def test_every_workspace_page_carries_the_strict_policy_and_no_inline_code(
    client,
    scenario,  # noqa: F811
):
    client.force_login(scenario.coaches["X"])
    member = scenario.members["A"]
    seeds = ["/en/workspace/", "/ar/workspace/", report_links.report_path(member, "ar")]

    visited, problems = [], []
    for url, response in walk(client, seeds, within=("/en/workspace/", "/ar/workspace/")):
        visited.append(url)
        problems += problems_of(url, response)

    assert problems == []
    for part in ("/cooperatives/", "/diagnostics/", "/visits/", "/security/two-step/"):
        assert any(part in url for url in visited), part


def test_signing_in_and_error_pages_carry_the_strict_policy(client, home_pages):
    problems = problems_of("login", client.get("/vi/workspace/login/"))
    missing = client.get("/ar/no-such-page/")

    assert missing.status_code == 404
    assert problems + problems_of("404", missing) == []


def test_the_back_office_is_left_out_of_the_strict_policy(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.org", "x"))

    response = client.get("/admin/")

    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
