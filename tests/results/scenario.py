"""One small cohort whose every result can be worked out by hand (the expected values in the
tests are written from the records below, never computed by the code under test).

Program: youth up to 30 years, money in MAD. Two phases: P1 covers region R1, P2 region R2.

| coop | phase | region | sector | status    | members | women | youth |
| ---- | ----- | ------ | ------ | --------- | ------- | ----- | ----- |
| A    | P1    | R1     | S1     | active    | 20      | 12    | 5     |
| B    | P1    | R1     | S2     | active    | 10      | 4     | —     |
| C    | P2    | R2     | S1     | active    | 30      | —     | 9     |
| D    | P2    | R2     | S2     | withdrawn | 8       | 8     | 8     |

Every other record is described where it is built.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from accelerator.calls.models import Application
from accelerator.programs.models import Phase
from accelerator.selection.models import CohortMember
from accelerator.support.models import Attendance, MarketingSupport, TechnicalAssistance
from diagnostics.models import ActionCategory, DevelopmentPlan, Diagnostic, PlanAction
from tests.admin.factories import (
    ApplicationFactory,
    CallFactory,
    CohortFactory,
    CooperativeFactory,
    ProgramFactory,
    RegionFactory,
    SectorFactory,
)
from tests.diagnostics.factories import (
    AnswerFactory,
    CoachAssignmentFactory,
    CohortMemberFactory,
    DiagnosticFactory,
    build_instrument,
)
from tests.factories import UserFactory
from tests.support.assistance_people import MarketingSupportFactory, TechnicalAssistanceFactory
from tests.support.coaching import VisitFactory
from tests.support.training_factories import AttendanceFactory, TrainingSessionFactory

# The day the figures are computed for: after every assignment's period has ended, so the
# sessions expected to date are the sessions contracted.
TODAY = date(2027, 1, 15)


@dataclass
class Scenario:
    program: object
    cohort: object
    phases: dict
    regions: dict
    sectors: dict
    members: dict
    coaches: dict = field(default_factory=dict)
    sessions: dict = field(default_factory=dict)


def _member(cohort, call, phase, region, sector, *, total, women, youth, withdrawn=False):
    cooperative = CooperativeFactory(
        region=region,
        sector=sector,
        members_total=total,
        members_women=women,
        members_youth=youth,
    )
    return CohortMemberFactory(
        cohort=cohort,
        phase=phase,
        cooperative=cooperative,
        application__call=call,
        application__phase=phase,
        application__region=region,
        application__sector=sector,
        application__status=(
            Application.Status.WITHDRAWN if withdrawn else Application.Status.ADMITTED
        ),
        status=CohortMember.Status.WITHDRAWN if withdrawn else CohortMember.Status.ACTIVE,
    )


def build_people():
    program = ProgramFactory(youth_age_limit=30, currency="MAD")
    cohort = CohortFactory(
        program=program, name_en="First cohort", name_vi="Đợt một", name_ar="الدفعة الأولى"
    )
    call = CallFactory(program=program, cohort=cohort)
    regions = {
        "R1": RegionFactory(name_en="Souss-Massa"),
        "R2": RegionFactory(name_en="Drâa-Tafilalet"),
    }
    sectors = {"S1": SectorFactory(name_en="Argan"), "S2": SectorFactory(name_en="Honey")}
    phases = {}
    for position, name in enumerate(("P1", "P2")):
        phase = Phase.objects.create(
            cohort=cohort, name=f"Phase {name}", capacity=10, sort_order=position
        )
        phase.regions.set([regions[f"R{position + 1}"]])
        phase.regions.commit()
        phases[name] = phase
    members = {
        "A": _member(
            cohort, call, phases["P1"], regions["R1"], sectors["S1"], total=20, women=12, youth=5
        ),
        "B": _member(
            cohort, call, phases["P1"], regions["R1"], sectors["S2"], total=10, women=4, youth=None
        ),
        "C": _member(
            cohort, call, phases["P2"], regions["R2"], sectors["S1"], total=30, women=None, youth=9
        ),
        "D": _member(
            cohort,
            call,
            phases["P2"],
            regions["R2"],
            sectors["S2"],
            total=8,
            women=8,
            youth=8,
            withdrawn=True,
        ),
    }
    # Applications not admitted: two rejected in P1/R1/S1, one still submitted in P2/R2/S2,
    # one draft (never counted).
    for status in (Application.Status.REJECTED, Application.Status.REJECTED):
        ApplicationFactory(
            call=call, phase=phases["P1"], region=regions["R1"], sector=sectors["S1"], status=status
        )
    ApplicationFactory(
        call=call,
        phase=phases["P2"],
        region=regions["R2"],
        sector=sectors["S2"],
        status=Application.Status.SUBMITTED,
    )
    ApplicationFactory(
        call=call,
        phase=phases["P2"],
        region=regions["R2"],
        sector=sectors["S2"],
        status=Application.Status.DRAFT,
        reference=None,
        submitted_at=None,
    )
    return Scenario(program, cohort, phases, regions, sectors, members)


def add_diagnostics(scenario):
    """Two domains of two questions, weight 1. Level L scores L × 25.

    A: baseline every answer 1 (25); end-line governance 3 (75), finance 2 (50). Validated.
    B: baseline every answer 2 (50); end-line governance 4 (100), finance 2 (50). Completed.
    C: baseline only. D (withdrawn): baseline 0, end-line 4 — never counted.
    """
    version = build_instrument((("governance", 2), ("finance", 2)))
    coach = UserFactory()

    def diagnostic(member, phase, levels, status=Diagnostic.Status.COMPLETED):
        made = DiagnosticFactory(
            member=member, version=version, coach=coach, phase=phase, status=status
        )
        for domain in version.domains.all():
            for question in domain.questions.all():
                AnswerFactory(diagnostic=made, question=question, level=levels[domain.code])
        return made

    members = scenario.members
    baseline, endline = Diagnostic.Phase.BASELINE, Diagnostic.Phase.ENDLINE
    validated = Diagnostic.Status.VALIDATED
    diagnostic(members["A"], baseline, {"governance": 1, "finance": 1}, validated)
    diagnostic(members["A"], endline, {"governance": 3, "finance": 2}, validated)
    diagnostic(members["B"], baseline, {"governance": 2, "finance": 2})
    diagnostic(members["B"], endline, {"governance": 4, "finance": 2})
    diagnostic(members["C"], baseline, {"governance": 3, "finance": 3})
    diagnostic(members["D"], baseline, {"governance": 0, "finance": 0})
    diagnostic(members["D"], endline, {"governance": 4, "finance": 4})
    scenario.diagnostics_version = version


def add_training(scenario):
    """T1: A woman 25, A man 40, B woman 30, a woman 22 from no cooperative, C man of unknown
    age, all present; a B man 28 absent. T2 (training of trainers): C woman 45 and A woman 31,
    present. T3: only an A man, absent."""
    cohort, members = scenario.cohort, scenario.members
    t1 = TrainingSessionFactory(cohort=cohort)
    t2 = TrainingSessionFactory(cohort=cohort, is_training_of_trainers=True)
    t3 = TrainingSessionFactory(cohort=cohort)
    woman, man = Attendance.Sex.FEMALE, Attendance.Sex.MALE
    rows = [
        (t1, members["A"], woman, 25, True),
        (t1, members["A"], man, 40, True),
        (t1, members["B"], woman, 30, True),
        (t1, None, woman, 22, True),
        (t1, members["C"], man, None, True),
        (t1, members["B"], man, 28, False),
        (t2, members["C"], woman, 45, True),
        (t2, members["A"], woman, 31, True),
        (t3, members["A"], man, 50, False),
    ]
    for session, member, sex, age, present in rows:
        AttendanceFactory(session=session, member=member, sex=sex, age=age, present=present)
    scenario.sessions = {"T1": t1, "T2": t2, "T3": t3}


def add_coaching(scenario):
    """Coach X follows A (12 sessions contracted), coach Y follows B (1 session). Visits: X to A
    twice (120 and 90 minutes), Y to B once (60 minutes), someone to D (withdrawn) once."""
    members = scenario.members
    x, y = UserFactory(username="coach-x"), UserFactory(username="coach-y")
    CoachAssignmentFactory(
        member=members["A"], coach=x, contracted_sessions=12, started_on=date(2026, 3, 1)
    )
    CoachAssignmentFactory(
        member=members["B"], coach=y, contracted_sessions=1, started_on=date(2026, 3, 1)
    )
    VisitFactory(member=members["A"], coach=x, duration_minutes=120, visited_on=date(2026, 4, 1))
    VisitFactory(member=members["A"], coach=x, duration_minutes=90, visited_on=date(2026, 5, 1))
    VisitFactory(member=members["B"], coach=y, duration_minutes=60, visited_on=date(2026, 4, 2))
    VisitFactory(member=members["D"], coach=y, duration_minutes=120, visited_on=date(2026, 4, 3))
    scenario.coaches = {"X": x, "Y": y}


def add_assistance(scenario):
    """A: equipment 1,000 (program) + 200 (cooperative); expert advice 500 (program).
    C: equipment 300 (program) + 100 (other partner). D (withdrawn): equipment 999."""
    members = scenario.members
    kind = TechnicalAssistance.Kind
    for member, assistance_kind, program, cooperative, other in (
        ("A", kind.EQUIPMENT, "1000", "200", "0"),
        ("A", kind.EXPERT_ADVICE, "500", "0", "0"),
        ("C", kind.EQUIPMENT, "300", "0", "100"),
        ("D", kind.EQUIPMENT, "999", "0", "0"),
    ):
        TechnicalAssistanceFactory(
            member=members[member],
            kind=assistance_kind,
            cost_program=Decimal(program),
            cost_cooperative=Decimal(cooperative),
            cost_other=Decimal(other),
        )


def add_marketing(scenario):
    """Products improved: A "Argan oil" twice (packaging, then labelling as " argan OIL ") and
    "Honey" (branding), B "Argan oil" (packaging): three products. Certifications: A's expired in
    June 2026, C's has no end, B's was never obtained: one valid. New channels: A (sales 1,000 →
    1,500) and C (sales before only). C's certification: sales 500 → 700."""
    members = scenario.members
    kind = MarketingSupport.Kind
    MarketingSupportFactory(member=members["A"], kind=kind.PACKAGING, product="Argan oil")
    MarketingSupportFactory(member=members["A"], kind=kind.LABELLING, product=" argan OIL ")
    MarketingSupportFactory(member=members["A"], kind=kind.BRANDING, product="Honey")
    MarketingSupportFactory(member=members["B"], kind=kind.PACKAGING, product="Argan oil")
    MarketingSupportFactory(
        member=members["A"],
        kind=kind.CERTIFICATION,
        certification="Organic",
        obtained_on=date(2026, 1, 1),
        expires_on=date(2026, 6, 30),
    )
    MarketingSupportFactory(
        member=members["C"],
        kind=kind.CERTIFICATION,
        certification="PGI",
        obtained_on=date(2026, 5, 1),
        sales_before=Decimal(500),
        sales_after=Decimal(700),
    )
    MarketingSupportFactory(member=members["B"], kind=kind.CERTIFICATION, certification="Organic")
    MarketingSupportFactory(
        member=members["A"],
        kind=kind.NEW_CHANNEL,
        channel="Online shop",
        sales_before=Decimal(1000),
        sales_after=Decimal(1500),
    )
    MarketingSupportFactory(
        member=members["C"], kind=kind.NEW_CHANNEL, channel="Hotel", sales_before=Decimal(2000)
    )
    MarketingSupportFactory(member=members["D"], kind=kind.BRANDING, product="Dates")


def add_plans(scenario):
    """A: done (1,000 program, 100 cooperative), planned (500 program, 50 other), dropped
    (9,999 program). B: done (300 cooperative, 200 other). C: no plan."""
    members = scenario.members
    status = PlanAction.Status
    for name, actions in (
        (
            "A",
            [
                (status.DONE, "1000", "100", "0"),
                (status.PLANNED, "500", "0", "50"),
                (status.DROPPED, "9999", "0", "0"),
            ],
        ),
        ("B", [(status.DONE, "0", "300", "200")]),
    ):
        member = members[name]
        baseline = Diagnostic.objects.filter(member=member, phase=Diagnostic.Phase.BASELINE).first()
        if baseline is None:
            baseline = DiagnosticFactory(member=member)
        plan = DevelopmentPlan.objects.create(member=member, diagnostic=baseline)
        for position, (action_status, program, cooperative, other) in enumerate(actions):
            PlanAction.objects.create(
                plan=plan,
                title=f"Action {position}",
                category=ActionCategory.TRAINING,
                status=action_status,
                budget_program=Decimal(program),
                budget_cooperative=Decimal(cooperative),
                budget_other=Decimal(other),
                position=position,
            )


def build_scenario():
    scenario = build_people()
    add_diagnostics(scenario)
    add_training(scenario)
    add_coaching(scenario)
    add_assistance(scenario)
    add_marketing(scenario)
    add_plans(scenario)
    return scenario
