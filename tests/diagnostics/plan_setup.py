"""A completed diagnostic with clear weak domains, its coach, the offices around it and a
library of standard actions: what the development-plan and report tests start from."""

from decimal import Decimal

import pytest

from accelerator.programs.models import Membership
from diagnostics import plans
from diagnostics.models import ActionCategory, Diagnostic, SwotItem
from tests.admin.factories import MembershipFactory
from tests.diagnostics.factories import (
    AnswerFactory,
    CoachAssignmentFactory,
    DiagnosticFactory,
    StandardActionFactory,
    SwotItemFactory,
    build_instrument,
)

#: Level answered to every question of each domain: finance, marketing and production are the
#: three weakest.
LEVELS = {
    "governance": 4,
    "management": 3,
    "finance": 0,
    "production": 2,
    "marketing": 1,
    "digital": 3,
}


def answer_by_domain(diagnostic, levels):
    for domain in diagnostic.version.domains.prefetch_related("questions"):
        for question in domain.questions.all():
            AnswerFactory(diagnostic=diagnostic, question=question, level=levels[domain.code])


def finished_diagnostic(member, coach, version, *, phase="baseline", levels=LEVELS):
    diagnostic = DiagnosticFactory(
        member=member,
        coach=coach,
        version=version,
        phase=phase,
        status=Diagnostic.Status.COMPLETED,
    )
    answer_by_domain(diagnostic, levels)
    finance = diagnostic.version.domains.get(code="finance")
    for quadrant, description in (
        (SwotItem.Quadrant.STRENGTH, "Members trust the board"),
        (SwotItem.Quadrant.WEAKNESS, "No bookkeeping since 2024"),
        (SwotItem.Quadrant.OPPORTUNITY, "Provincial OCOP fair in spring"),
        (SwotItem.Quadrant.THREAT, "Cheaper imported honey"),
    ):
        SwotItemFactory(
            diagnostic=diagnostic, quadrant=quadrant, description=description, domain=finance
        )
    return diagnostic


@pytest.fixture
def version(db):
    return build_instrument([(code, 2) for code in LEVELS])


@pytest.fixture
def assignment(version):
    return CoachAssignmentFactory(coach__username="coach", coach__first_name="Hoa")


@pytest.fixture
def coach(assignment):
    return assignment.coach


@pytest.fixture
def member(assignment):
    return assignment.member


@pytest.fixture
def diagnostic(member, coach, version):
    return finished_diagnostic(member, coach, version)


@pytest.fixture
def library(db):
    """Standard actions: two for finance, one for marketing, one for a strong domain and one
    no longer offered."""
    return {
        "bookkeeping": StandardActionFactory(
            domain_code="finance",
            title_en="Set up simple bookkeeping",
            title_vi="Thiết lập sổ sách kế toán đơn giản",
            title_ar="إعداد محاسبة مبسطة",
            category=ActionCategory.TRAINING,
        ),
        "audit": StandardActionFactory(
            domain_code="finance", title_en="Yearly accounts reviewed by an accountant"
        ),
        "fair": StandardActionFactory(
            domain_code="marketing",
            title_en="Take part in a trade fair",
            category=ActionCategory.MARKETING,
        ),
        "assembly": StandardActionFactory(
            domain_code="governance", title_en="Hold the general assembly on time"
        ),
        "retired": StandardActionFactory(
            domain_code="finance", title_en="Retired advice", is_active=False
        ),
    }


@pytest.fixture
def plan(diagnostic, coach):
    return plans.create_plan(diagnostic, user=coach)


@pytest.fixture
def weakness(diagnostic):
    return diagnostic.swot_items.get(quadrant=SwotItem.Quadrant.WEAKNESS)


@pytest.fixture
def other_coach(db):
    return CoachAssignmentFactory(coach__username="elsewhere").coach


@pytest.fixture
def office(member):
    return MembershipFactory(
        program=member.cohort.program, role=Membership.Role.OFFICER, user__username="office"
    ).user


@pytest.fixture
def other_office(db):
    return MembershipFactory(role=Membership.Role.OFFICER, user__username="otheroffice").user


def action_data(plan, **changes):
    """Valid values of an action, as a form's cleaned data."""
    data = {
        "objective": None,
        "title": "Train the treasurer in bookkeeping",
        "description": "",
        "category": ActionCategory.TRAINING,
        "owner": "Treasurer",
        "start_date": None,
        "due_date": None,
        "budget_program": Decimal("1000"),
        "budget_cooperative": Decimal("200"),
        "budget_other": Decimal("0"),
        "status": "planned",
        "progress": 0,
        "swot_items": list(plan.diagnostic.swot_items.filter(quadrant="weakness")),
        "domain_codes": ["finance"],
    }
    data.update(changes)
    return data
