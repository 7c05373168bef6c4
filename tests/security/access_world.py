"""The world the permission matrix walks: two programs, A and B, each with its people in every
role and a record of every kind, plus the data all programs share.

Built with the factories, once per test module. Program B exists so that B's people can try A's
records: they must find nothing.
"""

from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from accelerator.calls.models import Application
from accelerator.cooperatives.models import LoginToken, Representative
from accelerator.cooperatives.portal import LINK_LIFETIME, token_hash
from accelerator.reviews.models import Review
from accelerator.selection.models import Decision, Outcome, Proposal
from accelerator.support.models import VisitAttachment
from diagnostics import links, plans
from diagnostics.models import ActionCategory, Diagnostic, Objective, PlanAction
from tests.admin.factories import (
    ApplicationFactory,
    ApplicationFileFactory,
    CallFactory,
    CohortFactory,
    CooperativeFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgramFactory,
)
from tests.diagnostics.factories import (
    CoachAssignmentFactory,
    CohortMemberFactory,
    DiagnosticFactory,
    StandardActionFactory,
    answer_all,
    build_instrument,
    complete_swot,
)
from tests.factories import StaffFactory, UserFactory, build_home_pages
from tests.support.assistance_people import MarketingSupportFactory, TechnicalAssistanceFactory
from tests.support.coaching import CoachContractFactory, FollowUpFactory, VisitFactory
from tests.support.training_factories import (
    AttendanceFactory,
    TrainingModuleFactory,
    TrainingSessionFactory,
)

#: Someone holding the role in program B, trying program A's records.
OUTSIDER = "other "


@dataclass
class Program:
    """One program's people (role → user) and records."""

    people: dict = field(default_factory=dict)
    records: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.__dict__["records"][name]
        except KeyError as error:
            raise AttributeError(name) from error


@dataclass
class World:
    a: Program
    b: Program
    shared: dict
    superuser: object

    def person(self, role):
        """The user behind a matrix role: "coach" (of A), "other coach" (of B), "superuser",
        or None for an anonymous visitor."""
        if role == "anonymous":
            return None
        if role == "superuser":
            return self.superuser
        if role.startswith(OUTSIDER):
            return self.b.people[role.removeprefix(OUTSIDER)]
        return self.a.people[role]


def build_world():
    version = build_instrument((("governance", 1), ("finance", 1)))
    document = Document.objects.create(
        title="Program leaflet", file=ContentFile(b"%PDF-1.4 leaflet", name="leaflet.pdf")
    )
    shared = {
        "document": document,
        "document_filename": document.filename,
        "home_pages": build_home_pages(),
        "version": version,
        "instrument": version.instrument,
        "domain": version.domains.get(code="finance"),
        "standard_action": StandardActionFactory(domain_code="finance"),
        "module": TrainingModuleFactory(),
        "organisation": OrganisationFactory(),
    }
    world = World(
        a=_program("a", shared),
        b=_program("b", shared),
        shared=shared,
        superuser=StaffFactory(username="superuser"),
    )
    application = world.a.application
    shared.update(
        region=application.region,
        province=application.province,
        sector=application.sector,
        legal_form=application.legal_form,
    )
    return world


def _program(label, shared):
    side = Program()
    program = ProgramFactory(name_en=f"Program {label.upper()}", code=f"program-{label}")
    for role in ("administrator", "officer", "reviewer", "coach", "trainer"):
        side.people[role] = MembershipFactory(
            program=program, role=role, user__username=f"{role}-{label}"
        ).user
    cohort = CohortFactory(program=program)
    call = CallFactory(program=program, cohort=cohort, reference_prefix=f"P{label.upper()}")
    cooperative = CooperativeFactory(legal_name=f"Cooperative {label.upper()}")
    application = ApplicationFactory(
        call=call,
        cooperative=cooperative,
        status=Application.Status.ADMITTED,
        eligibility=Application.Eligibility.ELIGIBLE,
    )
    member = CohortMemberFactory(cohort=cohort, cooperative=cooperative, application=application)
    coach = side.people["coach"]
    assignment = CoachAssignmentFactory(member=member, coach=coach)
    diagnostic = DiagnosticFactory(
        member=member, coach=coach, version=shared["version"], status=Diagnostic.Status.COMPLETED
    )
    answer_all(diagnostic)
    swot = complete_swot(diagnostic)
    plan = plans.create_plan(diagnostic, user=coach)
    objective = Objective.objects.create(plan=plan, title="Sell beyond the province")
    action = PlanAction.objects.create(
        plan=plan, objective=objective, title="Join the fair", category=ActionCategory.MARKETING
    )
    visit = VisitFactory(member=member, coach=coach, topics="Bookkeeping")
    session = TrainingSessionFactory(
        cohort=cohort, trainer=side.people["trainer"], module=shared["module"]
    )
    session.invited.add(member)
    representative = UserFactory(username=f"representative-{label}")
    representative.set_unusable_password()
    representative.save()
    Representative.objects.create(
        cooperative=cooperative, email=f"board-{label}@example.org", user=representative
    )
    side.people["representative"] = representative
    side.records.update(
        program=program,
        cohort=cohort,
        call=call,
        cooperative=cooperative,
        application=application,
        attachment=ApplicationFileFactory(application=application),
        decision=Decision.objects.create(
            application=application, outcome=Outcome.ADMIT, decided_at=timezone.now()
        ),
        review=Review.objects.create(application=application, reviewer=side.people["reviewer"]),
        proposal=Proposal.objects.create(call=call, created_by=side.people["officer"]),
        member=member,
        assignment=assignment,
        contract=CoachContractFactory(program=program, coach=coach),
        diagnostic=diagnostic,
        swot_item=swot[0],
        plan=plan,
        objective=objective,
        action=action,
        visit=visit,
        follow_up=FollowUpFactory(visit=visit),
        visit_attachment=VisitAttachment.objects.create(
            visit=visit,
            file=ContentFile(b"%PDF-1.4 minutes", name="minutes.pdf"),
            original_name="minutes.pdf",
            content_type="application/pdf",
            size=16,
        ),
        session=session,
        attendance=AttendanceFactory(session=session, member=member),
        assistance=TechnicalAssistanceFactory(member=member),
        marketing=MarketingSupportFactory(member=member),
        report_token=links.make_token(member),
        sign_in_token=_sign_in_token(f"board-{label}@example.org", label),
    )
    return side


def _sign_in_token(email, label):
    token = f"matrix-sign-in-{label}"
    LoginToken.objects.create(
        email=email, token_hash=token_hash(token), expires_at=timezone.now() + LINK_LIFETIME
    )
    return token
