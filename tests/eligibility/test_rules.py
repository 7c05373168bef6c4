"""Each rule kind, passing and failing, measured through `screen()`."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from accelerator.calls.models import Application, CallQuestion
from accelerator.eligibility.models import EligibilityRule
from accelerator.eligibility.services import screen
from tests.admin.factories import (
    ApplicationFactory,
    ApplicationFileFactory,
    CallQuestionFactory,
    LegalFormFactory,
    ProvinceFactory,
    RegionFactory,
    SectorFactory,
)

from .factories import EligibilityRuleFactory

pytestmark = pytest.mark.django_db

Kind = EligibilityRule.Kind


def only_check(application):
    screen(application)
    (check,) = application.eligibility_checks.all()
    return check


@pytest.mark.parametrize(
    ("registered_on", "passed"),
    [
        (datetime.date(2022, 3, 31), True),  # exactly 4 years before the deadline
        (datetime.date(2022, 3, 30), False),  # one day too old
        (datetime.date(2025, 6, 1), True),
    ],
)
def test_registration_rule_allows_at_most_the_years_set(call, registered_on, passed):
    EligibilityRuleFactory(call=call, kind=Kind.REGISTERED_WITHIN, years=4)
    application = ApplicationFactory(call=call, registration_date=registered_on)

    check = only_check(application)

    assert check.passed is passed
    assert check.details["max"] == 4
    assert check.details["deadline"] == "2026-03-31"


def test_registration_rule_measures_the_age_in_years(call):
    EligibilityRuleFactory(call=call, kind=Kind.REGISTERED_WITHIN, years=4)
    application = ApplicationFactory(call=call, registration_date=datetime.date(2021, 8, 31))

    check = only_check(application)

    assert check.passed is False
    assert check.details["years"] == 4.6
    assert application.eligibility == Application.Eligibility.INELIGIBLE


def test_registration_rule_fails_without_a_registration_date(call):
    EligibilityRuleFactory(call=call, kind=Kind.REGISTERED_WITHIN, years=4)
    application = ApplicationFactory(call=call, registration_date=None)

    check = only_check(application)

    assert check.passed is False
    assert check.details["missing"] is True


def test_place_rule_passes_a_listed_region(call):
    souss = RegionFactory()
    EligibilityRuleFactory(call=call, kind=Kind.PLACE, lists={"regions": [souss]})

    assert only_check(ApplicationFactory(call=call, region=souss)).passed is True
    assert only_check(ApplicationFactory(call=call, region=RegionFactory())).passed is False


def test_place_rule_listing_a_province_refuses_the_rest_of_its_region(call):
    taroudant = ProvinceFactory()
    agadir = ProvinceFactory(region=taroudant.region)
    EligibilityRuleFactory(call=call, kind=Kind.PLACE, lists={"provinces": [taroudant]})

    inside = only_check(ApplicationFactory(call=call, region=taroudant.region, province=taroudant))
    next_door = only_check(ApplicationFactory(call=call, region=agadir.region, province=agadir))

    assert (inside.passed, inside.details["matched"]) == (True, "province")
    assert next_door.passed is False


def test_place_rule_passes_a_listed_province_outside_the_listed_regions(call):
    oriental, taroudant = RegionFactory(), ProvinceFactory()
    EligibilityRuleFactory(
        call=call, kind=Kind.PLACE, lists={"regions": [oriental], "provinces": [taroudant]}
    )

    check = only_check(ApplicationFactory(call=call, region=taroudant.region, province=taroudant))

    assert check.passed is True


def test_place_rule_fails_without_region_or_province(call):
    EligibilityRuleFactory(call=call, kind=Kind.PLACE, lists={"regions": [RegionFactory()]})

    check = only_check(ApplicationFactory(call=call, region=None, province=None))

    assert check.passed is False
    assert check.details["region"] is None


def test_legal_form_rule(call):
    accepted = LegalFormFactory()
    EligibilityRuleFactory(call=call, kind=Kind.LEGAL_FORM, lists={"legal_forms": [accepted]})

    assert only_check(ApplicationFactory(call=call, legal_form=accepted)).passed is True
    assert only_check(ApplicationFactory(call=call, legal_form=LegalFormFactory())).passed is False
    assert only_check(ApplicationFactory(call=call, legal_form=None)).passed is False


def test_sector_rule(call):
    argan = SectorFactory()
    EligibilityRuleFactory(call=call, kind=Kind.SECTOR, lists={"sectors": [argan]})

    assert only_check(ApplicationFactory(call=call, sector=argan)).passed is True
    assert only_check(ApplicationFactory(call=call, sector=SectorFactory())).passed is False
    assert only_check(ApplicationFactory(call=call, sector=None)).passed is False


@pytest.mark.parametrize(("members", "passed"), [(10, True), (9, False), (None, False)])
def test_members_rule_needs_at_least_the_number_set(call, members, passed):
    EligibilityRuleFactory(call=call, kind=Kind.MIN_MEMBERS, number=10)

    check = only_check(ApplicationFactory(call=call, members_total=members, members_women=None))

    assert check.passed is passed
    assert check.details == {"min": 10, "count": members}


def statutes_question(call):
    question = CallQuestionFactory(
        call=call, key="statutes", kind=CallQuestion.Kind.FILE, label_en="Statutes"
    )
    return [question.snapshot()]


def test_document_rule_passes_when_the_document_is_attached(call):
    EligibilityRuleFactory(call=call, kind=Kind.DOCUMENT, question_key="statutes")
    application = ApplicationFactory(call=call, questions_snapshot=statutes_question(call))
    ApplicationFileFactory(application=application, question_key="statutes")

    check = only_check(application)

    assert check.passed is True
    assert check.details["file_name"] == "statutes.pdf"
    assert check.details["question"]["en"] == "Statutes"


def test_document_rule_fails_when_the_document_is_missing(call):
    EligibilityRuleFactory(call=call, kind=Kind.DOCUMENT, question_key="statutes")
    application = ApplicationFactory(call=call, questions_snapshot=statutes_question(call))
    ApplicationFileFactory(application=application, question_key="minutes")

    assert only_check(application).passed is False


@pytest.mark.parametrize(("answer", "passed"), [("yes", True), ("no", False), (None, False)])
def test_yes_rule_needs_a_yes(call, answer, passed):
    EligibilityRuleFactory(call=call, kind=Kind.YES_ANSWER, question_key="viable")
    answers = {"viable": answer} if answer else {}

    check = only_check(ApplicationFactory(call=call, answers=answers))

    assert check.passed is passed
    assert check.details["answer"] == answer


def test_application_is_eligible_only_when_every_rule_passes(call):
    EligibilityRuleFactory(call=call, kind=Kind.MIN_MEMBERS, number=10)
    EligibilityRuleFactory(call=call, kind=Kind.YES_ANSWER, question_key="viable")
    application = ApplicationFactory(call=call, members_total=12, answers={"viable": "no"})

    screen(application)

    application.refresh_from_db()
    assert application.eligibility == Application.Eligibility.INELIGIBLE
    assert [c.passed for c in application.eligibility_checks.all()] == [True, False]


def test_a_call_without_rules_finds_every_application_eligible(call):
    application = ApplicationFactory(call=call)

    screen(application)

    application.refresh_from_db()
    assert application.eligibility == Application.Eligibility.ELIGIBLE
    assert not application.eligibility_checks.exists()


def test_a_check_stays_readable_when_its_rule_is_deleted(call):
    rule = EligibilityRuleFactory(call=call, kind=Kind.MIN_MEMBERS, number=10)
    application = ApplicationFactory(call=call, members_total=4, members_women=None)
    screen(application)

    rule.delete()

    (check,) = application.eligibility_checks.all()
    assert check.rule is None
    assert (check.kind, check.parameters, check.passed) == (Kind.MIN_MEMBERS, {"number": 10}, False)


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        (Kind.REGISTERED_WITHIN, "years"),
        (Kind.MIN_MEMBERS, "number"),
        (Kind.PLACE, "regions"),
        (Kind.LEGAL_FORM, "legal_forms"),
        (Kind.SECTOR, "sectors"),
        (Kind.DOCUMENT, "question_key"),
        (Kind.YES_ANSWER, "question_key"),
    ],
)
def test_a_rule_needs_the_parameters_of_its_kind(call, kind, field):
    rule = EligibilityRule(call=call, kind=kind)

    with pytest.raises(ValidationError) as error:
        rule.full_clean()

    assert field in error.value.message_dict


def test_a_question_rule_refuses_a_question_of_another_type(call):
    CallQuestionFactory(call=call, key="statutes", kind=CallQuestion.Kind.SHORT_TEXT)
    rule = EligibilityRule(call=call, kind=Kind.DOCUMENT, question_key="statutes")

    with pytest.raises(ValidationError) as error:
        rule.full_clean()

    assert "question_key" in error.value.message_dict
