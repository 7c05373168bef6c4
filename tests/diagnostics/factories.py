"""Instruments, admitted cooperatives with their coach, diagnostics, answers and SWOT items.

`build_instrument()` makes a whole published version in one call; the factories make the pieces.
"""

from datetime import date
from decimal import Decimal

import factory
from django.utils import timezone

from accelerator.calls.models import Application
from accelerator.selection.models import CohortMember
from accelerator.support.models import CoachAssignment
from diagnostics.models import (
    Answer,
    Diagnostic,
    Domain,
    Instrument,
    InstrumentVersion,
    Question,
    StandardAction,
    SwotItem,
)
from diagnostics.models.plan import ActionCategory
from tests.admin.factories import ApplicationFactory, CohortFactory, CooperativeFactory
from tests.factories import UserFactory


class InstrumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Instrument
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"scorecard-{n}")
    name_en = "Cooperative capacity scorecard"
    name_vi = "Bảng đánh giá năng lực hợp tác xã"
    name_ar = "بطاقة تقييم قدرات التعاونية"


class InstrumentVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InstrumentVersion

    instrument = factory.SubFactory(InstrumentFactory)
    number = factory.Sequence(lambda n: n + 1)
    is_published = True


class DomainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Domain

    version = factory.SubFactory(InstrumentVersionFactory)
    code = factory.Sequence(lambda n: f"domain-{n}")
    name_en = factory.Sequence(lambda n: f"Domain {n}")
    name_vi = factory.Sequence(lambda n: f"Lĩnh vực {n}")
    name_ar = factory.Sequence(lambda n: f"المجال {n}")
    weight = Decimal(1)
    sort_order = factory.Sequence(lambda n: n)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    domain = factory.SubFactory(DomainFactory)
    code = factory.Sequence(lambda n: f"question-{n}")
    text_en = factory.Sequence(lambda n: f"Question {n}?")
    text_vi = factory.Sequence(lambda n: f"Câu hỏi {n}?")
    text_ar = factory.Sequence(lambda n: f"السؤال {n}؟")
    evidence_hint_en = "Minutes of the last general assembly"
    weight = Decimal(1)
    level_0_en = "Absent"
    level_1_en = "Weak"
    level_2_en = "Basic"
    level_3_en = "Good"
    level_4_en = "Very good"
    sort_order = factory.Sequence(lambda n: n)


class CohortMemberFactory(factory.django.DjangoModelFactory):
    """An admitted cooperative, with the application it was admitted from."""

    class Meta:
        model = CohortMember

    cohort = factory.SubFactory(CohortFactory)
    cooperative = factory.SubFactory(CooperativeFactory)
    application = factory.SubFactory(
        ApplicationFactory,
        call__program=factory.SelfAttribute("...cohort.program"),
        call__cohort=factory.SelfAttribute("...cohort"),
        status=Application.Status.ADMITTED,
        cooperative=factory.SelfAttribute("..cooperative"),
    )
    admitted_at = factory.LazyFunction(timezone.now)


class CoachAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoachAssignment

    member = factory.SubFactory(CohortMemberFactory)
    coach = factory.SubFactory(UserFactory)
    is_lead = True
    started_on = date(2026, 3, 1)


class DiagnosticFactory(factory.django.DjangoModelFactory):
    """A draft baseline; pass `member`, `coach`, `version` or `phase` to place it."""

    class Meta:
        model = Diagnostic

    member = factory.SubFactory(CohortMemberFactory)
    phase = Diagnostic.Phase.BASELINE
    version = factory.SubFactory(InstrumentVersionFactory)
    coach = factory.SubFactory(UserFactory)
    held_on = date(2026, 4, 15)
    place = "Tiznit"


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    diagnostic = factory.SubFactory(DiagnosticFactory)
    question = factory.SubFactory(QuestionFactory)
    level = 2
    evidence = ""


class SwotItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SwotItem

    diagnostic = factory.SubFactory(DiagnosticFactory)
    quadrant = SwotItem.Quadrant.STRENGTH
    description = factory.Sequence(lambda n: f"SWOT item {n}")
    priority = SwotItem.Priority.MEDIUM
    position = factory.Sequence(lambda n: n)


class StandardActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StandardAction

    domain_code = "finance"
    title_en = factory.Sequence(lambda n: f"Standard action {n}")
    title_vi = factory.Sequence(lambda n: f"Hành động mẫu {n}")
    title_ar = factory.Sequence(lambda n: f"إجراء نموذجي {n}")
    category = ActionCategory.TRAINING


def build_instrument(
    domains=(("governance", 2), ("finance", 2)), *, version=None, **version_fields
):
    """A published version with the given (domain code, number of questions) pairs."""
    version = version or InstrumentVersionFactory(**version_fields)
    for position, (code, questions) in enumerate(domains):
        domain = DomainFactory(
            version=version, code=code, name_en=code.title(), sort_order=position
        )
        for _ in range(questions):
            QuestionFactory(domain=domain)
    return version


def answer_all(diagnostic, level=2, **levels_by_question_code):
    """Answer every question of the diagnostic's version (at `level`, or per question code)."""
    for domain in diagnostic.version.domains.all():
        for question in domain.questions.all():
            AnswerFactory(
                diagnostic=diagnostic,
                question=question,
                level=levels_by_question_code.get(question.code, level),
                evidence="Seen on site",
            )
    return diagnostic


def complete_swot(diagnostic):
    """One item in each quadrant, the minimum a diagnostic needs to be completed."""
    return [
        SwotItemFactory(diagnostic=diagnostic, quadrant=quadrant)
        for quadrant in SwotItem.Quadrant.values
    ]
