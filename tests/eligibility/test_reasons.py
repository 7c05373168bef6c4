"""Reasons are written when they are read, in the reader's language."""

from django.utils import translation

from accelerator.eligibility.models import EligibilityCheck, EligibilityRule
from accelerator.eligibility.reasons import reason, reason_html

Kind = EligibilityRule.Kind

SOUSS = {"en": "Souss-Massa", "vi": "Souss-Massa", "ar": "سوس ماسة"}


def check(kind, passed, **details):
    return EligibilityCheck(kind=kind, passed=passed, details=details)


TOO_OLD = check(
    Kind.REGISTERED_WITHIN,
    False,
    max=4,
    deadline="2026-03-31",
    registered_on="2021-08-31",
    years=4.6,
)


def test_registration_reason_gives_the_age_and_the_limit():
    with translation.override("en"):
        text = reason(TOO_OLD)

    assert "4.6 years before the deadline" in text
    assert "at most 4 years allowed" in text


def test_a_missing_value_says_what_is_missing():
    with translation.override("en"):
        assert reason(check(Kind.MIN_MEMBERS, False, min=10, count=None)) == (
            "The number of members was not given; this call requires at least 10 members."
        )
        assert reason(check(Kind.PLACE, False, region=None, province=None, regions_listed=True))


def test_region_reason_names_the_region_in_the_readers_language():
    passed = check(Kind.PLACE, True, region=SOUSS, province=None, matched="region")

    with translation.override("en"):
        assert reason(passed) == "Region Souss-Massa is among the regions of this call."


def test_members_reason_groups_thousands():
    with translation.override("en"):
        text = reason(check(Kind.MIN_MEMBERS, True, min=1000, count=1250))

    assert text == "The cooperative has 1,250 members; this call requires at least 1,000."


def test_html_reason_isolates_names_and_escapes_them():
    document = check(
        Kind.DOCUMENT,
        True,
        question={"en": "Statutes <b>"},
        question_key="statutes",
        file_name="النظام.pdf",
    )

    with translation.override("en"):
        html = reason_html(document)

    assert "<bdi>Statutes &lt;b&gt;</bdi>" in html
    assert "<bdi>النظام.pdf</bdi>" in html


def test_yes_reason_uses_the_question_as_the_applicant_saw_it():
    answered_no = check(
        Kind.YES_ANSWER,
        False,
        question={"en": "Is the activity market-oriented?"},
        question_key="market",
        answer="no",
    )

    with translation.override("en"):
        assert reason(answered_no) == (
            "Answered no to “Is the activity market-oriented?”; yes is required."
        )


def test_reason_reads_in_arabic_with_latin_digits():
    with translation.override("ar"):
        text = reason(TOO_OLD)

    assert "4,6" in text  # Moroccan Arabic: Latin digits, decimal comma
    assert "سنوات" in text or "سنة" in text


def test_reason_reads_in_vietnamese():
    passed = check(Kind.PLACE, True, region=SOUSS, province=None, matched="region")

    with translation.override("vi"):
        text = reason(passed)

    assert "Souss-Massa" in text
    assert "vùng" in text.lower()
