"""Data at ten times the largest real program, on top of the demo site.

At scale 1: 20,000 cooperatives; 50,000 applications over 10 calls, with two reviews each;
40,000 cohort members (8 cohorts of 5,000, each cooperative in two programs' cohorts), each
with a validated baseline diagnostic (one answer per question of the scorecard, 8 SWOT items),
an approved development plan of 8 actions and 6 coaching visits; 5,000 training sessions with
150,000 attendance rows; 500 news pages per language. Every count is multiplied by the scale.

The demo's Moroccan program carries the first cohort and call, so its public call page, results
page and the demo coach's caseload are the ones measured at scale. Rows are written with
bulk_create in batches (no signals: the results are recomputed once at the end, by the runner);
a fixed seed makes two runs at the same scale on the same day identical.
"""

import random
import time as time_module
import uuid
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale

from accelerator.calls.models import Application, Call
from accelerator.cooperatives.models import Cooperative
from accelerator.core.demo.call_pages import LANGUAGES, ensure_translations
from accelerator.core.demo.calls import ATLAS_CALL, DIGITAL_CALL
from accelerator.core.demo.news import NEWS
from accelerator.core.demo.news import _filler as news_filler
from accelerator.core.demo.programs import ATLAS
from accelerator.programs.models import (
    Cohort,
    LegalForm,
    Membership,
    Phase,
    Program,
    Province,
    Sector,
)
from accelerator.reviews.models import Criterion, Review, Score
from accelerator.selection.models import CohortMember, Decision, Outcome, RejectionReason
from accelerator.support.models import (
    Attendance,
    CoachAssignment,
    CoachContract,
    CoachingVisit,
    MarketingSupport,
    TechnicalAssistance,
    TrainingModule,
    TrainingSession,
)
from cms.models import CallPage, NewsIndexPage, NewsPage
from diagnostics import scoring
from diagnostics.models import (
    ActionCategory,
    Answer,
    DevelopmentPlan,
    Diagnostic,
    InstrumentVersion,
    PlanAction,
    SwotItem,
)

BATCH = 5_000
SEED = "cooperative-accelerator-benchmark"
MARKER = "bench"  # code of the program that records the scale the data was generated at

# Counts at scale 1 (ten times the largest real program).
COOPERATIVES = 20_000
COHORTS_WITH_MEMBERS = 8
MEMBERS_PER_COHORT = 5_000
NOT_ADMITTED_PER_COHORT = 500
UNDER_REVIEW_APPLICATIONS = 3_000
OPEN_CALL_APPLICATIONS = 3_000
REVIEWS_PER_APPLICATION = 2
REVIEWERS = 30
CASELOAD = 200
SWOT_PER_QUADRANT = 2
ACTIONS_PER_PLAN = 8
VISITS_PER_MEMBER = 6
TRAINING_SESSIONS = 5_000
ATTENDANCE_PER_SESSION = 30
NEWS_PER_LANGUAGE = 500


@dataclass
class Counts:
    scale: float

    def __getattr__(self, name):
        return max(1, round(globals()[name.upper()] * self.scale))


def scaled(scale):
    return Counts(scale)


def existing_scale():
    """The scale the database was generated at, or None."""
    program = Program.objects.filter(code=MARKER).first()
    return float(program.description) if program else None


def _bulk(model, rows):
    """bulk_create in batches from any iterable; returns the saved objects (with their pk)."""
    saved, batch = [], []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            saved += model.objects.bulk_create(batch)
            batch = []
    if batch:
        saved += model.objects.bulk_create(batch)
    return saved


def _moment(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


class Generator:
    def __init__(self, scale, log=print):
        self.scale = scale
        self.n = scaled(scale)
        self.rng = random.Random(f"{SEED}:{scale}")
        self.today = timezone.localdate()
        self.log = log
        self.counts = {}
        self.seconds = {}

    def uuid(self):
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def run(self):
        steps = [
            self.reference_data,
            self.programs,
            self.people,
            self.cooperatives,
            self.applications,
            self.reviews,
            self.cohort_members,
            self.diagnostics,
            self.plans,
            self.visits,
            self.training,
            self.assistance,
            self.news,
        ]
        with transaction.atomic():
            for step in steps:
                started = time_module.perf_counter()
                step()
                self.seconds[step.__name__] = round(time_module.perf_counter() - started, 1)
            Program.objects.filter(pk=self.marker.pk).update(description=str(self.scale))
        # Fresh planner statistics, as autovacuum keeps them on a live database: measured
        # against tables bulk-loaded a minute ago, PostgreSQL would choose plans for empty ones.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        return self.counts

    def _count(self, name, rows):
        self.counts[name] = self.counts.get(name, 0) + len(rows)
        self.log(f"  {name}: {self.counts[name]:,}")
        return rows

    # Structure ---------------------------------------------------------------------------------

    def reference_data(self):
        self.provinces = list(
            Province.objects.filter(region__country="MA").select_related("region").order_by("pk")
        )
        self.sectors = list(Sector.objects.order_by("pk"))
        self.legal_forms = list(LegalForm.objects.order_by("pk"))
        self.version = InstrumentVersion.objects.filter(is_published=True).order_by("pk").first()
        self.domains = list(scoring.domains_of(self.version))
        self.questions = [q for domain in self.domains for q in domain.questions.all()]
        self.modules = list(TrainingModule.objects.order_by("pk"))

    def programs(self):
        """The demo's Moroccan program carries the first cohort; three more programs of two
        cohorts each, and a cohort whose call is still under review, make up the rest."""
        atlas = Program.objects.get(code=ATLAS)
        self.atlas_call = Call.objects.get(reference_prefix=ATLAS_CALL)
        self.open_call = Call.objects.get(reference_prefix=DIGITAL_CALL)
        self.marker = Program.objects.create(
            name="Benchmark marker",
            code=MARKER,
            country="MA",
            currency=atlas.currency,
            start_date=atlas.start_date,
            end_date=atlas.end_date,
        )
        self.cohorts = [self.atlas_call.cohort]
        self.calls = [self.atlas_call]
        number = 0
        for program_number in range(1, 5):
            program = Program.objects.create(
                name=f"Programme {program_number} (benchmark)",
                code=f"bench-{program_number}",
                country="MA",
                currency=atlas.currency,
                start_date=atlas.start_date - timedelta(days=365 * program_number),
                end_date=atlas.end_date,
                implementing_office=atlas.implementing_office,
            )
            for cohort_number in (1, 2):
                if len(self.cohorts) > COHORTS_WITH_MEMBERS:
                    break
                number += 1
                start = self.atlas_call.cohort.start_date - timedelta(days=200 * number)
                cohort = Cohort.objects.create(
                    program=program,
                    name=f"Cohort {cohort_number}",
                    capacity=self.n.members_per_cohort,
                    start_date=start,
                    end_date=start + timedelta(days=730),
                )
                for phase_number in (1, 2, 3):
                    Phase.objects.create(
                        cohort=cohort,
                        name=f"Phase {phase_number}",
                        capacity=self.n.members_per_cohort // 3 + 1,
                        sort_order=phase_number,
                    )
                call = self._copy_call(self.atlas_call, cohort, f"BN{number}", start)
                self.cohorts.append(cohort)
                self.calls.append(call)
        # The last one is still under review: its cohort has no members yet.
        self.review_call = self.calls.pop()
        self.cohorts.pop()
        self.phases = {
            cohort.pk: list(cohort.phases.order_by("sort_order", "pk")) for cohort in self.cohorts
        }

    def _copy_call(self, template, cohort, prefix, cohort_start):
        opens = _moment(cohort_start - timedelta(days=120))
        call = Call.objects.create(
            program=cohort.program,
            cohort=cohort,
            title=f"{template.title_en} ({prefix})",
            title_en=f"{template.title_en} ({prefix})",
            reference_prefix=prefix,
            opens_at=opens,
            closes_at=opens + timedelta(days=45),
            timezone=template.timezone,
            target_cooperatives=cohort.capacity,
            reviewers_per_application=REVIEWS_PER_APPLICATION,
        )
        call.regions.set(template.regions.all())
        for question in template.questions.all():
            question.pk = None
            question.call = call
            question.save()
        for criterion in template.criteria.all():
            criterion.pk = None
            criterion.call = call
            criterion.save()
        return call

    def people(self):
        User = get_user_model()
        password = make_password(None)
        self.reviewers = _bulk(
            User,
            (
                User(
                    username=f"bench.reviewer{number}",
                    email=f"bench.reviewer{number}@example.org",
                    password=password,
                )
                for number in range(REVIEWERS)
            ),
        )
        # The demo coach carries a caseload at scale; bench coaches take the rest.
        self.demo_coach = User.objects.get(username="coach")
        coaches = self.n.members_per_cohort * COHORTS_WITH_MEMBERS // self.n.caseload
        self.coaches = [self.demo_coach] + _bulk(
            User,
            (
                User(
                    username=f"bench.coach{number}",
                    first_name="Coach",
                    last_name=str(number),
                    email=f"bench.coach{number}@example.org",
                    password=password,
                )
                for number in range(max(1, coaches - 1))
            ),
        )
        office = User.objects.get(username="admin")
        programs = {cohort.program for cohort in self.cohorts} | {self.review_call.program}
        for program in programs:
            # Created one by one: the office's admin groups follow membership changes.
            Membership.objects.get_or_create(
                program=program, user=office, role=Membership.Role.ADMINISTRATOR
            )
        Membership.objects.bulk_create(
            [
                Membership(program=program, user=coach, role=Membership.Role.COACH)
                for program in programs
                for coach in self.coaches[1:]
            ]
            + [
                Membership(program=program, user=reviewer, role=Membership.Role.REVIEWER)
                for program in programs
                for reviewer in self.reviewers
            ],
            ignore_conflicts=True,
        )

    # Records -----------------------------------------------------------------------------------

    def _profile(self, number):
        province = self.provinces[number % len(self.provinces)]
        members = self.rng.randint(7, 180)
        return {
            "legal_name": f"Coopérative {self.rng.choice(NAMES)} {number}",
            "registration_number": f"BN-{number:06d}",
            "registration_key": f"BN{number:06d}",
            "registration_date": self.today - timedelta(days=self.rng.randint(400, 9000)),
            "legal_form": self.legal_forms[number % len(self.legal_forms)],
            "region": province.region,
            "province": province,
            "commune": f"Commune {number % 300}",
            "sector": self.sectors[number % len(self.sectors)],
            "members_total": members,
            "members_women": self.rng.randint(0, members),
            "members_youth": self.rng.randint(0, members // 2),
            "founders_count": self.rng.randint(7, 15),
            "products": self.rng.choice(PRODUCTS),
            "annual_turnover": Decimal(self.rng.randrange(20_000, 2_000_000, 1_000)),
            "contact_name": f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}",
            "contact_phone": f"+2126{number:08d}",
            "contact_email": f"coop{number}@example.org",
        }

    def cooperatives(self):
        self.profiles = [self._profile(number) for number in range(self.n.cooperatives)]
        self.cooperative_rows = self._count(
            "cooperatives",
            _bulk(Cooperative, (Cooperative(**profile) for profile in self.profiles)),
        )

    def _application(self, call, number, profile, status, template, submitted_at):
        draft = status == Application.Status.DRAFT
        return Application(
            call=call,
            public_id=self.uuid(),
            email=profile["contact_email"],
            email_verified=True,
            language=self.rng.choice(["en", "vi", "ar", "ar"]),
            status=status,
            reference=None if draft else f"{call.reference_prefix}-{number:05d}",
            draft_data={"legal_name": profile["legal_name"]} if draft else {},
            answers={} if draft else template.answers,
            questions_snapshot=[] if draft else template.questions_snapshot,
            eligibility="pending" if draft else "eligible",
            score=None if draft else Decimal(self.rng.randint(40, 95)),
            reviews_completed=0 if draft else REVIEWS_PER_APPLICATION,
            submitted_at=None if draft else submitted_at,
            **dict(profile.items()),
        )

    def _template(self, call):
        """A submitted demo application of the call: its answers are copied at scale."""
        return Application.objects.filter(call=call, reference__isnull=False).order_by("pk").first()

    def applications(self):
        template = self._template(self.atlas_call)
        start = self.atlas_call.next_reference_number + 1000
        self.admitted = {}  # cohort pk -> [(application, cooperative row)]
        self.reviewed = []
        rows = []
        per_cohort = self.n.members_per_cohort
        for index, (cohort, call) in enumerate(zip(self.cohorts, self.calls, strict=True)):
            submitted_at = call.closes_at - timedelta(days=3)
            first = index % 4 * per_cohort
            for k in range(per_cohort + self.n.not_admitted_per_cohort):
                coop_index = (first + k) % self.n.cooperatives
                status = (
                    Application.Status.ADMITTED if k < per_cohort else Application.Status.REJECTED
                )
                rows.append(
                    (
                        cohort.pk,
                        coop_index if k < per_cohort else None,
                        self._application(
                            call,
                            start + k,
                            self.profiles[coop_index],
                            status,
                            template,
                            submitted_at - timedelta(minutes=k),
                        ),
                    )
                )
        review_submitted = self.review_call.closes_at - timedelta(days=2)
        for k in range(self.n.under_review_applications):
            coop_index = k * 7 % self.n.cooperatives
            rows.append(
                (
                    None,
                    None,
                    self._application(
                        self.review_call,
                        start + k,
                        self.profiles[coop_index],
                        Application.Status.SUBMITTED,
                        template,
                        review_submitted - timedelta(minutes=k),
                    ),
                )
            )
        open_submitted = timezone.now() - timedelta(hours=2)
        for k in range(self.n.open_call_applications):
            coop_index = k * 11 % self.n.cooperatives
            status = Application.Status.SUBMITTED if k % 3 else Application.Status.DRAFT
            rows.append(
                (
                    None,
                    None,
                    self._application(
                        self.open_call,
                        start + k,
                        self.profiles[coop_index],
                        status,
                        self._template(self.open_call) or template,
                        open_submitted - timedelta(minutes=k),
                    ),
                )
            )
        saved = self._count("applications", _bulk(Application, (row[2] for row in rows)))
        for (cohort_pk, coop_index, _row), application in zip(rows, saved, strict=True):
            if coop_index is not None:
                self.admitted.setdefault(cohort_pk, []).append(
                    (application, self.cooperative_rows[coop_index])
                )
            if application.status != Application.Status.DRAFT:
                self.reviewed.append(application)
        for call in [*self.calls, self.review_call, self.open_call]:
            Call.objects.filter(pk=call.pk).update(
                next_reference_number=start + call.applications.count() + 1
            )

    def reviews(self):
        criteria = {}
        for criterion in Criterion.objects.filter(
            call__in=[*self.calls, self.review_call, self.open_call]
        ):
            criteria.setdefault(criterion.call_id, []).append(criterion)
        reviews, values = [], []
        for number, application in enumerate(self.reviewed):
            submitted_at = application.submitted_at + timedelta(days=10)
            for offset in range(REVIEWS_PER_APPLICATION):
                reviews.append(
                    Review(
                        application=application,
                        reviewer=self.reviewers[(number + offset * 7) % len(self.reviewers)],
                        status=Review.Status.SUBMITTED,
                        submitted_at=submitted_at,
                        total=Decimal(self.rng.randint(40, 95)),
                    )
                )
        reviews = self._count("reviews", _bulk(Review, reviews))
        for review in reviews:
            for criterion in criteria.get(review.application.call_id, []):
                values.append(
                    Score(
                        review=review,
                        criterion=criterion,
                        value=self.rng.randint(1, criterion.scale_max),
                    )
                )
        self._count("scores", _bulk(Score, values))

    def cohort_members(self):
        members, decisions = [], []
        self.members_by_cohort = {}
        for cohort in self.cohorts:
            phases = self.phases[cohort.pk]
            admitted_at = _moment(cohort.start_date - timedelta(days=10))
            for k, (application, cooperative) in enumerate(self.admitted[cohort.pk]):
                phase = phases[k % len(phases)] if phases else None
                members.append(
                    CohortMember(
                        cohort=cohort,
                        phase=phase,
                        cooperative=cooperative,
                        application=application,
                        admitted_at=admitted_at,
                    )
                )
                decisions.append(
                    Decision(
                        application=application,
                        outcome=Outcome.ADMIT,
                        phase=phase,
                        decided_at=admitted_at,
                    )
                )
        decisions += [
            Decision(
                application=application,
                outcome=Outcome.REJECT,
                reason=RejectionReason.SCORE,
                decided_at=timezone.now() - timedelta(days=400),
            )
            for application in self.reviewed
            if application.status == Application.Status.REJECTED
        ]
        self._count("decisions", _bulk(Decision, decisions))
        self.members = self._count("cohort members", _bulk(CohortMember, members))
        for member in self.members:
            self.members_by_cohort.setdefault(member.cohort_id, []).append(member)

    def diagnostics(self):
        diagnostics = []
        for number, member in enumerate(self.members):
            held_on = min(self.today, member.admitted_at.date() + timedelta(days=15 + number % 20))
            member.baseline_day = held_on
            diagnostics.append(
                Diagnostic(
                    member=member,
                    phase=Diagnostic.Phase.BASELINE,
                    version=self.version,
                    coach=self._coach_of(number),
                    status=Diagnostic.Status.VALIDATED,
                    held_on=held_on,
                    place="Siège de la coopérative",
                    participants_women=self.rng.randint(2, 9),
                    participants_men=self.rng.randint(1, 6),
                    participants_youth=self.rng.randint(1, 5),
                    completed_at=_moment(held_on),
                    validated_at=_moment(held_on + timedelta(days=3)),
                )
            )
        self.diagnostic_rows = self._count("diagnostics", _bulk(Diagnostic, diagnostics))
        answers = (
            Answer(
                diagnostic=diagnostic,
                question=question,
                level=self.rng.randint(0, 4),
                evidence="Vérifié avec le président et le gérant.",
            )
            for diagnostic in self.diagnostic_rows
            for question in self.questions
        )
        self.counts["answers"] = len(_bulk(Answer, answers))
        self.log(f"  answers: {self.counts['answers']:,}")
        swot = (
            SwotItem(
                diagnostic=diagnostic,
                quadrant=quadrant,
                domain=self.domains[(diagnostic.pk + position) % len(self.domains)],
                description=SWOT[quadrant][position % len(SWOT[quadrant])],
                priority=SwotItem.Priority.values[position % 3],
                position=position,
            )
            for diagnostic in self.diagnostic_rows
            for quadrant in SwotItem.Quadrant.values
            for position in range(SWOT_PER_QUADRANT)
        )
        self.counts["swot items"] = len(_bulk(SwotItem, swot))
        self.log(f"  swot items: {self.counts['swot items']:,}")

    def _coach_of(self, number):
        return self.coaches[min(number // self.n.caseload, len(self.coaches) - 1)]

    def plans(self):
        plans = [
            DevelopmentPlan(
                member=diagnostic.member,
                diagnostic=diagnostic,
                status=DevelopmentPlan.Status.APPROVED,
                submitted_at=_moment(diagnostic.held_on + timedelta(days=20)),
                approved_at=_moment(diagnostic.held_on + timedelta(days=26)),
            )
            for diagnostic in self.diagnostic_rows
        ]
        plans = self._count("plans", _bulk(DevelopmentPlan, plans))
        categories = ActionCategory.values
        actions = []
        for plan in plans:
            start = plan.diagnostic.held_on + timedelta(days=15)
            for position in range(ACTIONS_PER_PLAN):
                domain = self.domains[(plan.pk + position) % len(self.domains)]
                actions.append(
                    PlanAction(
                        plan=plan,
                        title=ACTIONS[position % len(ACTIONS)],
                        category=categories[position % len(categories)],
                        domain_codes=[domain.code],
                        owner="Le bureau de la coopérative",
                        start_date=start,
                        due_date=start + timedelta(days=60 + 10 * position),
                        budget_program=Decimal(self.rng.randrange(5_000, 40_000, 500)),
                        budget_cooperative=Decimal(self.rng.randrange(0, 8_000, 500)),
                        status=PlanAction.Status.values[position % 3],
                        progress=(0, 25, 50, 100)[position % 4],
                        position=position,
                    )
                )
        self._count("plan actions", _bulk(PlanAction, actions))

    def visits(self):
        assignments, contracts = [], {}
        for number, member in enumerate(self.members):
            coach = self._coach_of(number)
            key = (member.cohort.program_id, coach.pk)
            if key not in contracts:
                contracts[key] = CoachContract(
                    program_id=member.cohort.program_id,
                    coach=coach,
                    lot=f"Lot {len(contracts) + 1}",
                    cooperatives=self.n.caseload,
                    sessions_per_cooperative=12,
                    starts_on=member.cohort.start_date,
                    ends_on=member.cohort.end_date,
                )
        existing = {
            (contract.program_id, contract.coach_id): contract
            for contract in CoachContract.objects.filter(coach=self.demo_coach)
        }
        new = [contract for key, contract in contracts.items() if key not in existing]
        _bulk(CoachContract, new)
        contracts.update(existing)
        for number, member in enumerate(self.members):
            coach = self._coach_of(number)
            assignments.append(
                CoachAssignment(
                    member=member,
                    coach=coach,
                    is_lead=True,
                    contract=contracts[(member.cohort.program_id, coach.pk)],
                    contracted_sessions=12,
                    started_on=member.admitted_at.date(),
                )
            )
        self._count("coach assignments", _bulk(CoachAssignment, assignments))
        visits = (
            CoachingVisit(
                member=member,
                coach=self._coach_of(number),
                visited_on=min(self.today, member.baseline_day + timedelta(days=45 * visit)),
                mode=CoachingVisit.Mode.values[visit % 3],
                duration_minutes=(60, 90, 120, 180)[visit % 4],
                attendees_women=self.rng.randint(1, 6),
                attendees_men=self.rng.randint(0, 4),
                attendees_youth=self.rng.randint(0, 3),
                topics=TOPICS[visit % len(TOPICS)],
                advice="Tenir le cahier de caisse chaque semaine.",
                next_visit_on=member.baseline_day + timedelta(days=45 * (visit + 1)),
            )
            for number, member in enumerate(self.members)
            for visit in range(VISITS_PER_MEMBER)
        )
        self.counts["coaching visits"] = len(_bulk(CoachingVisit, visits))
        self.log(f"  coaching visits: {self.counts['coaching visits']:,}")

    def training(self):
        trainer = get_user_model().objects.filter(username="trainer").first()
        per_cohort = self.n.training_sessions // len(self.cohorts) or 1
        sessions = []
        for cohort in self.cohorts:
            for number in range(per_cohort):
                day = min(self.today, cohort.start_date + timedelta(days=30 + number % 600))
                sessions.append(
                    TrainingSession(
                        module=self.modules[number % len(self.modules)],
                        cohort=cohort,
                        trainer=trainer,
                        place="Chambre d'agriculture, salle de formation",
                        starts_on=day,
                        ends_on=day + timedelta(days=1),
                        mode=TrainingSession.Mode.IN_PERSON,
                        language="ar",
                    )
                )
        sessions = self._count("training sessions", _bulk(TrainingSession, sessions))
        per_session = ATTENDANCE_PER_SESSION

        def rows():
            for number, session in enumerate(sessions):
                members = self.members_by_cohort[session.cohort_id]
                for seat in range(per_session):
                    member = members[(number * per_session + seat) % len(members)]
                    pre = self.rng.randint(25, 60)
                    yield Attendance(
                        session=session,
                        member=member,
                        full_name=f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}",
                        sex=("f", "f", "m")[seat % 3],
                        age=self.rng.randint(19, 62),
                        role=Attendance.Role.values[seat % 5],
                        present=seat % 10 != 0,
                        pre_test=pre,
                        post_test=min(100, pre + self.rng.randint(5, 35)),
                    )

        self.counts["attendance rows"] = len(_bulk(Attendance, rows()))
        self.log(f"  attendance rows: {self.counts['attendance rows']:,}")

    def assistance(self):
        records, marketing = [], []
        for number, member in enumerate(self.members):
            day = min(self.today, member.baseline_day + timedelta(days=120))
            if number % 3 == 0:
                records.append(
                    TechnicalAssistance(
                        member=member,
                        kind=TechnicalAssistance.Kind.EQUIPMENT,
                        title="Balance électronique et thermoscelleuse",
                        delivered_on=day,
                        quantity=2,
                        cost_program=Decimal(14_400),
                        cost_cooperative=Decimal(3_600),
                    )
                )
            if number % 3 == 1:
                sales = Decimal(self.rng.randrange(60_000, 400_000, 1_000))
                marketing.append(
                    MarketingSupport(
                        member=member,
                        product="Huile d'argan",
                        kind=MarketingSupport.Kind.PACKAGING,
                        supported_on=day,
                        sales_before=sales,
                        sales_after=sales * Decimal("1.25"),
                        income_before=sales * Decimal("0.3"),
                        income_after=sales * Decimal("0.38"),
                    )
                )
        self._count("technical assistance", _bulk(TechnicalAssistance, records))
        self._count("marketing support", _bulk(MarketingSupport, marketing))

    def news(self):
        """News pages created through Wagtail (a page tree cannot be bulk-inserted), each
        published in English and translated into Vietnamese and Arabic."""
        locales = {language: Locale.objects.get(language_code=language) for language in LANGUAGES}
        index = NewsIndexPage.objects.get(locale=locales["en"])
        call_page = CallPage.objects.filter(call=self.open_call, locale=locales["en"]).first()
        for number in range(self.n.news_per_language):
            spec = NEWS[number % len(NEWS)]
            fill_content = news_filler(spec, call_page)

            def fill(page, language, number=number, fill_content=fill_content):
                fill_content(page, language)
                page.title = f"{page.title} ({number + 1})"
                page.slug = f"{page.slug}-{number + 1}"

            page = NewsPage(
                date=self.today - timedelta(days=number % 900),
                program=self.cohorts[0].program,
            )
            fill(page, "en")
            index.add_child(instance=page)
            page.save_revision().publish()
            ensure_translations(page, locales, fill)
        self.counts["news pages per language"] = self.n.news_per_language
        self.log(f"  news pages per language: {self.n.news_per_language:,}")


NAMES = ["Tafoukt", "Amal", "Argan Souss", "Nour", "Al Baraka", "Tighanimine", "Ait Baha"]
PRODUCTS = ["Huile d'argan", "Safran", "Miel, amlou", "Plantes aromatiques", "Dattes", "Couscous"]
FIRST_NAMES = ["Fatima", "Khadija", "Aicha", "Naima", "Mohamed", "Youssef", "Brahim", "Omar"]
LAST_NAMES = ["Ait Ali", "Oubaha", "El Amrani", "Bakkali", "Tazi", "Idrissi", "Zeroual"]
TOPICS = [
    "Préparation du jeu de comptes annuel et du budget de la campagne.",
    "تحضير الجمع العام السنوي ومحضره.",
    "Suivi des stocks de matière première et fiche de stock.",
]
ACTIONS = [
    "Tenir une comptabilité simplifiée",
    "Organiser l'assemblée générale annuelle",
    "Nouvel emballage hermétique",
    "Former le bureau à la gestion des stocks",
    "Obtenir la certification bio",
    "Participer à un salon régional",
    "Ouvrir un compte bancaire",
    "Contrat avec une épicerie fine",
]
SWOT = {
    "strength": ["Des membres fondateurs très engagés.", "منتوج معروف محلياً بجودته."],
    "weakness": ["Pas de comptabilité tenue régulièrement.", "لا يتم تحرير محاضر الجمع العام."],
    "opportunity": ["Demande croissante des épiceries fines.", "معارض جهوية كل سنة."],
    "threat": ["Sécheresse répétée.", "منافسة منتجات غير مصرح بها."],
}
