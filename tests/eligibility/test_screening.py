import pytest
from django.core.exceptions import ValidationError

from accelerator.calls.models import Application
from accelerator.eligibility.models import EligibilityOverride, EligibilityRule
from accelerator.eligibility.services import override, rescreen, screen
from accelerator.eligibility.tasks import rescreen_call
from tests.admin.factories import (
    ApplicationFactory,
    ApplicationFileFactory,
    LegalFormFactory,
    ProvinceFactory,
    SectorFactory,
)
from tests.factories import UserFactory

from .factories import EligibilityRuleFactory

pytestmark = pytest.mark.django_db

Kind = EligibilityRule.Kind
Eligibility = Application.Eligibility


def eligibility_of(application):
    application.refresh_from_db(fields=["eligibility"])
    return application.eligibility


def test_rescreening_after_a_rule_changes_updates_every_submitted_application(call):
    rule = EligibilityRuleFactory(call=call, kind=Kind.MIN_MEMBERS, number=10)
    small = ApplicationFactory(call=call, members_total=8, members_women=None)
    large = ApplicationFactory(call=call, members_total=40)
    screen(small)
    screen(large)
    assert eligibility_of(small) == Eligibility.INELIGIBLE

    rule.number = 5
    rule.save()
    counts = rescreen(call)

    assert counts == {"eligible": 2, "ineligible": 0}
    assert eligibility_of(small) == Eligibility.ELIGIBLE
    (check,) = small.eligibility_checks.all()
    assert check.passed is True
    assert check.parameters == {"number": 5}


def test_rescreening_leaves_drafts_and_other_calls_alone(call):
    EligibilityRuleFactory(call=call, kind=Kind.MIN_MEMBERS, number=10)
    draft = ApplicationFactory(call=call, status=Application.Status.DRAFT, reference=None)
    elsewhere = ApplicationFactory(members_total=1, members_women=None)

    rescreen(call)

    assert eligibility_of(draft) == Eligibility.PENDING
    assert eligibility_of(elsewhere) == Eligibility.PENDING


def test_the_task_rescreens_the_call(call):
    EligibilityRuleFactory(call=call, kind=Kind.MIN_MEMBERS, number=10)
    application = ApplicationFactory(call=call, members_total=3, members_women=None)

    result = rescreen_call.delay(call.pk)

    assert result.get() == {"eligible": 0, "ineligible": 1}
    assert eligibility_of(application) == Eligibility.INELIGIBLE


def every_kind_of_rule(call):
    province = ProvinceFactory()
    legal_form, sector = LegalFormFactory(), SectorFactory()
    EligibilityRuleFactory(call=call, kind=Kind.REGISTERED_WITHIN, years=4)
    EligibilityRuleFactory(
        call=call, kind=Kind.PLACE, lists={"regions": [province.region], "provinces": [province]}
    )
    EligibilityRuleFactory(call=call, kind=Kind.LEGAL_FORM, lists={"legal_forms": [legal_form]})
    EligibilityRuleFactory(call=call, kind=Kind.MIN_MEMBERS, number=10)
    EligibilityRuleFactory(call=call, kind=Kind.SECTOR, lists={"sectors": [sector]})
    EligibilityRuleFactory(call=call, kind=Kind.DOCUMENT, question_key="statutes")
    EligibilityRuleFactory(call=call, kind=Kind.YES_ANSWER, question_key="viable")
    return province, legal_form, sector


@pytest.mark.parametrize("count", [5, 40])
def test_rescreening_runs_a_bounded_number_of_queries(call, count, django_assert_max_num_queries):
    province, legal_form, sector = every_kind_of_rule(call)
    for number in range(count):
        application = ApplicationFactory(
            call=call,
            region=province.region,
            province=province,
            legal_form=legal_form,
            sector=sector,
            answers={"viable": "yes"},
        )
        ApplicationFileFactory(application=application)
        if number % 3 == 0:
            override(application, eligible=False, justification="Seen twice", user=None)

    with django_assert_max_num_queries(16):
        counts = rescreen(call)

    assert sum(counts.values()) == count


def test_an_override_wins_over_the_screening_and_records_who_when_why(call):
    EligibilityRuleFactory(call=call, kind=Kind.MIN_MEMBERS, number=10)
    application = ApplicationFactory(call=call, members_total=6, members_women=None)
    officer = UserFactory()
    screen(application)

    record = override(
        application,
        eligible=True,
        justification="Members list updated at the general assembly of May.",
        user=officer,
    )
    rescreen(call)
    screen(application)

    assert eligibility_of(application) == Eligibility.ELIGIBLE
    assert record.decided_by == officer
    assert record.decided_at is not None
    assert record.justification == "Members list updated at the general assembly of May."


def test_the_latest_override_counts_and_earlier_ones_stay_in_the_history(call):
    application = ApplicationFactory(call=call)
    officer = UserFactory()
    override(application, eligible=False, justification="Duplicate", user=officer)
    override(application, eligible=True, justification="Not a duplicate after all", user=officer)

    screen(application)

    assert eligibility_of(application) == Eligibility.ELIGIBLE
    assert [o.justification for o in application.eligibility_overrides.all()] == [
        "Not a duplicate after all",
        "Duplicate",
    ]


def test_an_override_without_justification_is_refused(call):
    application = ApplicationFactory(call=call)
    screen(application)

    with pytest.raises(ValidationError) as error:
        override(application, eligible=False, justification="   ", user=UserFactory())

    assert "justification" in error.value.message_dict
    assert not EligibilityOverride.objects.exists()
    assert eligibility_of(application) == Eligibility.ELIGIBLE
