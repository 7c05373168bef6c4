from datetime import date

import pytest

from diagnostics import services
from diagnostics.models import Diagnostic, InstrumentVersion
from tests.diagnostics.factories import (
    CoachAssignmentFactory,
    DiagnosticFactory,
    build_instrument,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def version():
    return build_instrument((("governance", 3), ("finance", 2)))


def test_a_version_freezes_when_its_first_diagnostic_starts(version):
    assignment = CoachAssignmentFactory()
    assert not version.is_frozen

    diagnostic = services.start_diagnostic(
        assignment.member, Diagnostic.Phase.BASELINE, coach=assignment.coach
    )

    version.refresh_from_db()
    assert diagnostic.version == version
    assert version.is_frozen


def test_freezing_again_keeps_the_first_date(version):
    version.freeze()
    first = version.frozen_at

    version.freeze()
    InstrumentVersion.objects.get(pk=version.pk).freeze()

    assert InstrumentVersion.objects.get(pk=version.pk).frozen_at == first


def test_the_next_version_is_an_open_unpublished_copy(version):
    version.freeze()

    copy = version.new_version()

    assert copy.number == version.number + 1
    assert not copy.is_frozen
    assert not copy.is_published
    assert list(copy.domains.values_list("code", flat=True)) == ["governance", "finance"]


def test_the_copy_keeps_texts_in_every_language_weights_and_descriptors(version):
    original = version.domains.get(code="finance").questions.first()
    original.weight = 2
    original.level_3_ar = "جيد"
    original.save()

    copied = version.new_version().domains.get(code="finance").questions.get(code=original.code)

    assert copied.pk != original.pk
    assert (copied.text_en, copied.text_vi, copied.text_ar) == (
        original.text_en,
        original.text_vi,
        original.text_ar,
    )
    assert copied.weight == 2
    assert copied.descriptors() == original.descriptors()
    assert copied.equivalent_to_id == original.pk


def test_every_copy_shares_the_lineage_of_the_first_question(version):
    second = version.new_version()
    third = second.new_version()
    from_older = version.new_version()

    for original in version.domains.get(code="governance").questions.all():
        copies = [
            later.domains.get(code="governance").questions.get(code=original.code)
            for later in (second, third, from_older)
        ]
        assert {copy.lineage for copy in copies} == {original.pk}
    assert from_older.number == third.number + 1


def test_changing_the_copy_leaves_the_frozen_original_as_it_was(version):
    version.freeze()
    copy = version.new_version()
    question = copy.domains.get(code="finance").questions.first()
    question.text_en = "Reworded"
    question.save()
    copy.domains.get(code="governance").delete()

    assert version.domains.count() == 2
    assert "Reworded" not in version.domains.get(code="finance").questions.values_list(
        "text_en", flat=True
    )


def test_a_diagnostic_stays_on_its_version_when_the_next_one_is_published(version):
    diagnostic = DiagnosticFactory(version=version, held_on=date(2026, 4, 1))
    version.freeze()
    copy = version.new_version()
    copy.is_published = True
    copy.save()

    diagnostic.refresh_from_db()

    assert diagnostic.version_id == version.pk
