"""Coaching of the admitted Moroccan cooperatives: coaches with their contracts and caseloads,
a baseline diagnostic for every cooperative, an end-line for the first ones, and their
development plans, most of them approved."""

import random
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from accelerator.programs.models import Membership, Program
from accelerator.selection.models import CohortMember
from accelerator.support.models import CoachAssignment, CoachContract
from diagnostics import plans, scoring
from diagnostics.models import (
    Answer,
    DevelopmentPlan,
    Diagnostic,
    PlanAction,
    PlanVersion,
    SwotItem,
)
from diagnostics.seed import ensure_capacity_scorecard
from diagnostics.services import start_diagnostic

from .programs import ATLAS

# The demo coach account signs in; the others carry the rest of the caseload.
COACHES = [
    ("coach", None, None),
    ("coach.tarik", "Tarik", "El Idrissi"),
    ("coach.salma", "Salma", "Benjelloun"),
    ("coach.hamid", "Hamid", "Oubaha"),
]
CASELOAD = 20
ENDLINE_SHARE = 4  # one cooperative in four already had its end-line diagnostic

SWOT_TEXTS = {
    SwotItem.Quadrant.STRENGTH: [
        "Des membres fondateurs très engagés et présents aux réunions.",
        "منتوج معروف محلياً بجودته.",
        "Accès à une eau d'irrigation régulière.",
    ],
    SwotItem.Quadrant.WEAKNESS: [
        "Pas de comptabilité tenue régulièrement.",
        "لا يتم تحرير محاضر الجمع العام.",
        "Emballage artisanal qui ne protège pas le produit.",
    ],
    SwotItem.Quadrant.OPPORTUNITY: [
        "Demande croissante des épiceries fines de Casablanca et Rabat.",
        "معارض جهوية للمنتوجات المحلية كل سنة.",
    ],
    SwotItem.Quadrant.THREAT: [
        "Sécheresse répétée qui réduit la récolte.",
        "منافسة منتجات غير مصرح بها وبأثمنة منخفضة.",
    ],
}


def ensure_coaching():
    program = Program.objects.filter(code=ATLAS).first()
    if program is None:
        return
    version = ensure_capacity_scorecard()
    members = list(
        CohortMember.objects.active()
        .filter(cohort__program=program)
        .select_related("cooperative", "cohort")
        .order_by("application__score", "pk")
        .reverse()
    )
    if not members or CoachAssignment.objects.filter(member__in=members).exists():
        return
    coaches = _coaches(program, members[0].cohort)
    generator = random.Random("atlas-coaching")
    today = timezone.localdate()
    for number, member in enumerate(members):
        coach = coaches[min(number // CASELOAD, len(coaches) - 1)]
        CoachAssignment.objects.create(
            member=member,
            coach=coach,
            contract=coach.demo_contract,
            started_on=member.admitted_at.date(),
            contracted_sessions=12,
        )
        baseline_day = member.admitted_at.date() + timedelta(days=15 + number % 20)
        if baseline_day > today:
            continue
        quality = generator.uniform(0.25, 0.6)
        baseline = _diagnostic(member, coach, version, "baseline", baseline_day, quality, generator)
        plan = _plan(baseline, coach, generator, approve=number % 5 != 4)
        if number % ENDLINE_SHARE == 0 and plan is not None:
            endline_day = min(today, baseline_day + timedelta(days=540))
            _diagnostic(member, coach, version, "endline", endline_day, quality + 0.25, generator)


def _coaches(program, cohort):
    """Coaches contracted for the cohort's two years, one lot of regions each."""
    User = get_user_model()
    coaches = []
    regions = list(program.calls.first().regions.order_by("code")) if program.calls.exists() else []
    for index, (username, first, last) in enumerate(COACHES):
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create(
                username=username,
                first_name=first,
                last_name=last,
                email=f"{username}@example.org",
            )
            user.set_unusable_password()
            user.save(update_fields=["password"])
        Membership.objects.get_or_create(program=program, user=user, role=Membership.Role.COACH)
        contract, _created = CoachContract.objects.get_or_create(
            program=program,
            coach=user,
            defaults={
                "lot": regions[index * 3 % len(regions)].name_en if regions else "Lot",
                "cooperatives": CASELOAD,
                "sessions_per_cooperative": 12,
                "starts_on": cohort.start_date,
                "ends_on": cohort.end_date,
            },
        )
        if regions:
            contract.regions.set(regions[index * 3 % len(regions) :][:3])
        user.demo_contract = contract
        coaches.append(user)
    return coaches


def _diagnostic(member, coach, version, phase, held_on, quality, generator):
    diagnostic = start_diagnostic(member, phase, coach=coach)
    questions = [q for domain in scoring.domains_of(version) for q in domain.questions.all()]
    Answer.objects.bulk_create(
        Answer(
            diagnostic=diagnostic,
            question=question,
            level=max(0, min(4, round(quality * 4 + generator.uniform(-1.2, 1.2)))),
            evidence="Vérifié avec le président et le gérant.",
        )
        for question in questions
    )
    domains = list(scoring.domains_of(version))
    SwotItem.objects.bulk_create(
        SwotItem(
            diagnostic=diagnostic,
            quadrant=quadrant,
            domain=generator.choice(domains),
            description=text,
            priority=generator.choice(SwotItem.Priority.values),
            position=position,
        )
        for quadrant, texts in SWOT_TEXTS.items()
        for position, text in enumerate(generator.sample(texts, k=min(2, len(texts))))
    )
    moment = _moment(held_on)
    Diagnostic.objects.filter(pk=diagnostic.pk).update(
        status=Diagnostic.Status.VALIDATED,
        held_on=held_on,
        place="Siège de la coopérative",
        participants_women=generator.randint(2, 9),
        participants_men=generator.randint(1, 6),
        participants_youth=generator.randint(1, 5),
        completed_at=moment,
        validated_at=moment + timedelta(days=3),
    )
    diagnostic.refresh_from_db()
    return diagnostic


def _plan(baseline, coach, generator, *, approve):
    plan = plans.create_plan(baseline, user=coach)
    weakness = baseline.swot_items.filter(quadrant=SwotItem.Quadrant.WEAKNESS).first()
    for suggestion in plans.suggestions(plan)[:4]:
        action = plans.accept_suggestion(plan, suggestion, user=coach, language="ar")
        start = baseline.held_on + timedelta(days=generator.randint(10, 60))
        PlanAction.objects.filter(pk=action.pk).update(
            owner="Le bureau de la coopérative",
            start_date=start,
            due_date=start + timedelta(days=generator.randint(30, 120)),
            budget_program=Decimal(generator.randrange(5_000, 40_000, 500)),
            budget_cooperative=Decimal(generator.randrange(0, 8_000, 500)),
            status=generator.choice(
                [PlanAction.Status.PLANNED, PlanAction.Status.IN_PROGRESS, PlanAction.Status.DONE]
            ),
            progress=generator.choice([0, 25, 50, 100]),
        )
        if weakness is not None:
            action.swot_items.add(weakness)
    if not plan.actions.exists():
        return plan
    plans.submit(plan, user=coach)
    submitted_at = _moment(baseline.held_on + timedelta(days=20))
    DevelopmentPlan.objects.filter(pk=plan.pk).update(submitted_at=submitted_at)
    if approve:
        office = get_user_model().objects.filter(username="officer").first()
        plans.approve(DevelopmentPlan.objects.get(pk=plan.pk), user=office)
        approved_at = submitted_at + timedelta(days=6)
        DevelopmentPlan.objects.filter(pk=plan.pk).update(approved_at=approved_at)
        PlanVersion.objects.filter(plan=plan).update(created_at=approved_at)
    return plan


def _moment(day):
    return timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time()))
