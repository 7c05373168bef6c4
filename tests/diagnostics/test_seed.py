import pytest
from django.core.management import call_command

from diagnostics.models import ActionCategory, Question, StandardAction
from diagnostics.seed import INSTRUMENT_CODE, ensure_capacity_scorecard

pytestmark = pytest.mark.django_db

DOMAINS = ["governance", "management", "finance", "production", "marketing", "digital"]
TRANSLATED = ["text", "evidence_hint", "level_0", "level_1", "level_2", "level_3", "level_4"]


def test_the_seeded_instrument_has_the_six_domains_of_the_issue():
    version = ensure_capacity_scorecard()

    assert version.instrument.code == INSTRUMENT_CODE
    assert version.number == 1 and version.is_published
    assert list(version.domains.values_list("code", flat=True)) == DOMAINS
    for domain in version.domains.all():
        assert 4 <= domain.questions.count() <= 6, domain.code
        assert domain.name_en and domain.name_vi and domain.name_ar


def test_every_question_has_its_hint_and_five_levels_in_three_languages():
    version = ensure_capacity_scorecard()

    for question in Question.objects.filter(domain__version=version):
        for name in TRANSLATED:
            for code in ("en", "vi", "ar"):
                assert getattr(question, f"{name}_{code}"), (question.code, name, code)
        texts = [question.level_0_en, question.level_1_en, question.level_4_en]
        assert len(set(texts)) == 3, question.code


def test_moroccan_and_vietnamese_vocabulary_is_used():
    version = ensure_capacity_scorecard()
    governance = version.domains.get(code="governance")
    arabic = " ".join(q.text_ar for q in governance.questions.all())
    vietnamese = " ".join(q.text_vi for q in governance.questions.all())

    assert "الجمع العام" in arabic and "المجلس الإداري" in arabic
    assert "đại hội thành viên" in vietnamese.lower() and "hội đồng quản trị" in vietnamese.lower()
    assert version.domains.get(code="management").name_ar == "التدبير"


def test_standard_actions_two_or_three_per_domain_translated_with_a_category():
    ensure_capacity_scorecard()

    for code in DOMAINS:
        actions = StandardAction.objects.filter(domain_code=code)
        assert 2 <= actions.count() <= 3, code
        for action in actions:
            assert action.title_en and action.title_vi and action.title_ar
            assert action.category in ActionCategory.values


def test_seeding_twice_changes_nothing():
    ensure_capacity_scorecard()
    counts = (Question.objects.count(), StandardAction.objects.count())

    ensure_capacity_scorecard()

    assert (Question.objects.count(), StandardAction.objects.count()) == counts


def test_seeding_leaves_a_frozen_version_exactly_as_it_is():
    version = ensure_capacity_scorecard()
    version.freeze()
    question = Question.objects.filter(domain__version=version).first()
    Question.objects.filter(pk=question.pk).update(text_en="Kept as diagnostics answered it")

    ensure_capacity_scorecard()

    assert Question.objects.get(pk=question.pk).text_en == "Kept as diagnostics answered it"


def test_the_command_seeds_the_instrument(capsys):
    call_command("seed_instrument")

    assert "6 domains" in capsys.readouterr().out
