"""Fuzzing every public form and the whole apply flow (hypothesis): any Unicode (Arabic,
Vietnamese with combining marks, bidi overrides, zero-width and control characters, NUL),
oversized values, malformed numbers, dates and choices, missing and repeated fields, files that
are not what they claim. Whatever is sent: never a server error; refusals are explained next to
the field, in the page's language; and everything else typed comes back.

Bounded (a few dozen examples per form, languages drawn per example) so that it runs in well
under a minute; run it on PostgreSQL too (DATABASE_URL), which refuses NUL in text."""

import re

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accelerator.calls import services
from accelerator.calls.links import make_token
from accelerator.calls.models import Application
from tests.calls.conftest import PDF, call, call_pages, form_data, places  # noqa: F401
from tests.cms.conftest import indexes  # noqa: F401 — fixture
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
LANGUAGES = st.sampled_from(["en", "vi", "ar"])

TROUBLE = [
    "تعاونية النور",  # Arabic
    "Hợp tác xã Nông nghiệp",  # Vietnamese, precomposed
    "Hơ\u0323p ta\u0301c xa\u0303",  # Vietnamese with combining marks
    "\u202e",  # right-to-left override
    "\u202d",  # left-to-right override
    "\u2066\u2069",  # isolates
    "\u200b\u200c\u200d\ufeff",  # zero-width characters
    "\x00",  # NUL
    "\x01\x07\x1b\x7f",  # control characters
    "\r\n\t",
    "<script>",
    "'; --",
    "%s{}",
    "١٢٣",  # Arabic-Indic digits
]
characters = st.one_of(
    st.characters(codec="utf-8", exclude_categories=["Cs"]),
    st.sampled_from(TROUBLE),
)
text = st.lists(characters, max_size=40).map("".join)
oversized = st.builds(
    lambda chunk, times: chunk * times, st.sampled_from(TROUBLE), st.integers(300, 3000)
)
value = st.one_of(text, oversized)
numbers = st.one_of(
    value,
    st.sampled_from(
        ["-1", "0", "1e999", "NaN", "Infinity", "1,5", "1.000.000", "9" * 40, "0x10", "١٢"]
    ),
)
dates = st.one_of(
    value,
    st.sampled_from(
        ["2024-02-30", "0000-00-00", "31/12/2024", "9999-12-31", "2024-13-01", "٢٠٢٤-٠١-٠١"]
    ),
)
choices = st.one_of(value, st.integers(-(2**63), 2**64).map(str))


def post_fields(fields):
    """Each field's values: missing, one, or repeated."""
    return st.fixed_dictionaries(
        {},
        optional={
            name: st.lists(strategy, min_size=1, max_size=3) for name, strategy in fields.items()
        },
    )


def content_of(response):
    return response.content.decode()


def assert_handled(response):
    assert response.status_code < 500, content_of(response)[:3000]


def assert_errors_in_language(response, language):
    """Every error the form shows is next to its field and written in the page's language."""
    form = response.context["form"]
    content = content_of(response)
    assert f'<html lang="{language}"' in content
    for name, errors in form.errors.items():
        if name != "__all__":
            assert f'id="field-{form.add_prefix(name)}"' in content, name
        for error in errors:
            assert escape(error) in content, error
            if language == "ar":
                assert re.search("[\u0600-\u06ff]", error), error
            elif language == "vi":
                assert re.search("[^\x00-\x7f]", error), error


def assert_kept(response, data, fields):
    """What was typed in these fields is back in the page (as text)."""
    content = content_of(response)
    for name in fields:
        values = data.get(name) or []
        if len(values) == 1 and values[0].strip("\x00"):
            assert escape(values[0].replace("\x00", "")) in content.replace("\x00", ""), name


@pytest.fixture
def open_page(call_pages):  # noqa: F811
    return call_pages


@given(
    language=LANGUAGES, data=post_fields({"email": value, "consent": value, "website": st.just("")})
)
@FUZZ
def test_starting_an_application(client, open_page, language, data):
    cache.clear()
    response = client.post(open_page[language].url + "apply/", data)

    assert_handled(response)
    if response.status_code == 200 and "form" in response.context:
        assert_errors_in_language(response, language)
        if "email" in response.context["form"].errors:
            return
        assert_kept(response, data, ["email"])


@given(language=LANGUAGES, data=post_fields({"email": value, "website": st.just("")}))
@FUZZ
def test_asking_for_the_link_again(client, open_page, language, data):
    cache.clear()
    response = client.post(open_page[language].url + "apply/link/", data)

    assert_handled(response)
    if (
        response.context
        and response.context.get("form") is not None
        and response.context["form"].errors
    ):
        assert_errors_in_language(response, language)


TEXT_FIELDS = ["legal_name", "products", "commune", "contact_name", "q_project"]


def application_fields(places):  # noqa: F811
    return {
        "legal_name": value,
        "registration_number": value,
        "registration_date": dates,
        "legal_form": st.one_of(st.just(str(places["legal_form"].pk)), choices),
        "sector": st.one_of(st.just(str(places["sector"].pk)), choices),
        "products": value,
        "annual_turnover": numbers,
        "region": st.one_of(st.just(str(places["region"].pk)), choices),
        "province": st.one_of(st.just(str(places["province"].pk)), choices),
        "commune": value,
        "members_total": numbers,
        "members_women": numbers,
        "members_youth": numbers,
        "founders_count": numbers,
        "contact_name": value,
        "contact_phone": numbers,
        "contact_email": value,
        "q_project": value,
        "action": st.sampled_from(["save", "submit", "send_existing_link", "other"]),
    }


uploads = st.builds(
    lambda content, name, kind: SimpleUploadedFile(name, content, content_type=kind),
    st.one_of(st.binary(max_size=2000), st.just(PDF[:20]), st.just(b"MZ\x90\x00" + bytes(500))),
    st.one_of(st.just("statuts.pdf"), text.map(lambda name: name[:80] + ".pdf")),
    st.sampled_from(["application/pdf", "image/png", "text/html", "application/x-msdownload", ""]),
)


@pytest.mark.parametrize("start_language", ["vi"])
def test_the_whole_apply_flow(client, open_page, places, form_data, start_language):  # noqa: F811
    call_ = open_page["en"].call

    @given(
        language=LANGUAGES,
        data=st.fixed_dictionaries(
            {},
            optional={
                name: st.lists(strategy, min_size=1, max_size=2)
                for name, strategy in application_fields(places).items()
            },
        ),
        upload=st.one_of(st.none(), uploads),
        typical=st.booleans(),
    )
    @FUZZ
    def apply(language, data, upload, typical):
        cache.clear()
        application = services.start_application(
            call_, email="lan@example.org", language=start_language, request=None
        )
        url = open_page[language].url + f"apply/{make_token(application)}/"
        if typical:
            data = {**{k: [v] for k, v in form_data().items()}, **data}
        if upload is not None:
            data = {**data, "q_statutes": upload}

        response = client.post(url, data)

        assert_handled(response)
        after = client.get(url)
        assert_handled(after)
        if response.status_code == 422:
            assert_errors_in_language(response, language)
            kept = [name for name in TEXT_FIELDS if name not in response.context["form"].errors]
            assert_kept(response, data, kept)
        if response.status_code == 302 and "action" in data and data["action"] == ["save"]:
            assert_kept(after, data, TEXT_FIELDS)
        Application.objects.filter(pk=application.pk).delete()

    apply()


@given(language=LANGUAGES, query=st.lists(value, max_size=3), page=st.lists(numbers, max_size=2))
@FUZZ
def test_searching(client, home_pages, language, query, page):
    response = client.get(f"/{language}/search/", {"q": query, "page": page})

    assert_handled(response)


@given(
    language=LANGUAGES,
    data=post_fields({"tag": value, "program": choices, "page": numbers, "year": numbers}),
)
@FUZZ
def test_filtering_the_news(client, indexes, language, data):  # noqa: F811
    response = client.get(indexes["news"][language].url, data)

    assert_handled(response)


@given(
    language=LANGUAGES,
    data=post_fields(
        {"username": st.one_of(value, st.just("hoa")), "password": value, "next": value}
    ),
)
@FUZZ
def test_signing_in_to_the_workspace(client, db, language, data):
    UserFactory(username="hoa")
    with override_settings(AXES_ENABLED=True):
        response = client.post(f"/{language}/workspace/login/", data, REMOTE_ADDR="192.0.2.1")

    assert_handled(response)
    if response.status_code == 200:
        assert_errors_in_language(response, language)
        if "username" not in response.context["form"].errors:
            assert_kept(response, data, ["username"])
