"""What the Atlas program delivered after the plans: coaching visits with their follow-ups,
collective training with a training-of-trainers cascade, technical assistance and marketing
support. Dates follow each cooperative's own baseline."""

import random
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from accelerator.programs.models import Program
from accelerator.selection.models import CohortMember
from accelerator.support.models import (
    Attendance,
    CoachAssignment,
    CoachingVisit,
    FollowUp,
    MarketingSupport,
    TechnicalAssistance,
    TrainingSession,
)
from accelerator.support.training_seed import ensure_training_modules

from .programs import ATLAS

TOPICS = [
    "Préparation du jeu de comptes annuel et du budget de la campagne.",
    "تحضير الجمع العام السنوي ومحضره.",
    "Suivi des stocks de matière première et fiche de stock.",
    "Choix d'un nouvel emballage et devis des fournisseurs.",
    "إعداد لائحة الزبناء وأثمنة البيع.",
]
ADVICE = [
    "Tenir le cahier de caisse chaque semaine et le faire signer par le trésorier.",
    "اقتراح توزيع المهام بين أعضاء المجلس الإداري.",
    "Comparer trois devis avant d'acheter.",
]
FOLLOW_UPS = [
    ("Envoyer le procès-verbal de l'assemblée au coach", "Le secrétaire"),
    ("إرسال فواتير المشتريات إلى المحاسب", "أمين المال"),
    ("Demander deux devis d'emballage", "La présidente"),
]
FIRST_NAMES = {
    "f": ["Fatima", "Khadija", "Aicha", "Naima", "Zineb", "Hanane", "Malika", "Salma", "Ikram"],
    "m": ["Mohamed", "Youssef", "Brahim", "Hassan", "Omar", "Abdellah", "Rachid", "Said"],
}
LAST_NAMES = ["Ait Ali", "Oubaha", "El Amrani", "Bakkali", "Tazi", "Idrissi", "Ouhammou", "Zeroual"]
# The coach of the last caseload visits less often than contracted: the compliance report
# and the office's weekly summary show them behind.
SLOW_COACH = "coach.hamid"


def ensure_support():
    program = Program.objects.filter(code=ATLAS).first()
    if program is None or CoachingVisit.objects.filter(member__cohort__program=program).exists():
        return
    today = timezone.localdate()
    generator = random.Random("atlas-support")
    members = list(
        CohortMember.objects.active()
        .filter(cohort__program=program)
        .select_related("cooperative", "phase", "cohort")
        .prefetch_related("diagnostics", "plan__actions")
        .order_by("pk")
    )
    _visits(members, today, generator)
    _training(program, members, today, generator)
    _assistance(members, today, generator)


def _visits(members, today, generator):
    assignments = {
        assignment.member_id: assignment
        for assignment in CoachAssignment.objects.filter(member__in=members).select_related("coach")
    }
    visits = []
    for member in members:
        assignment = assignments.get(member.pk)
        baseline = next((d for d in member.diagnostics.all() if d.phase == "baseline"), None)
        if assignment is None or baseline is None or baseline.held_on is None:
            continue
        every = 90 if assignment.coach.username == SLOW_COACH else 50
        day = baseline.held_on
        while day <= today and len([v for v in visits if v.member_id == member.pk]) < 12:
            visits.append(
                CoachingVisit(
                    member=member,
                    coach=assignment.coach,
                    visited_on=day,
                    mode=generator.choice(["on_site", "on_site", "phone", "remote"]),
                    duration_minutes=generator.choice([60, 90, 120, 180]),
                    attendees_women=generator.randint(1, 6),
                    attendees_men=generator.randint(0, 4),
                    attendees_youth=generator.randint(0, 3),
                    topics=generator.choice(TOPICS),
                    advice=generator.choice(ADVICE),
                    next_visit_on=day + timedelta(days=every),
                )
            )
            day += timedelta(days=every + generator.randint(-5, 5))
    CoachingVisit.objects.bulk_create(visits)
    last_visits = {}
    for visit in CoachingVisit.objects.filter(member__in=members).order_by("visited_on"):
        last_visits[visit.member_id] = visit
    FollowUp.objects.bulk_create(
        FollowUp(
            visit=visit,
            description=description,
            owner=owner,
            due_on=visit.visited_on + timedelta(days=generator.randint(7, 40)),
        )
        for visit in last_visits.values()
        for description, owner in generator.sample(FOLLOW_UPS, k=2)
    )
    links = []
    Through = CoachingVisit.plan_actions.through
    actions_by_member = {
        member.pk: list(member.plan.actions.all()) for member in members if hasattr(member, "plan")
    }
    for visit in CoachingVisit.objects.filter(member__in=members):
        actions = actions_by_member.get(visit.member_id) or []
        if actions:
            links.append(
                Through(coachingvisit_id=visit.pk, planaction_id=generator.choice(actions).pk)
            )
    Through.objects.bulk_create(links)


def _person(generator):
    sex = generator.choice(["f", "f", "m"])
    return (
        f"{generator.choice(FIRST_NAMES[sex])} {generator.choice(LAST_NAMES)}",
        sex,
        generator.randint(19, 62),
    )


def _attendance(session, members, generator, per_member=2):
    rows = []
    for member in members:
        for _n in range(per_member):
            name, sex, age = _person(generator)
            pre = generator.randint(25, 60)
            rows.append(
                Attendance(
                    session=session,
                    member=member,
                    full_name=name,
                    sex=sex,
                    age=age,
                    role=generator.choice(["president", "board", "manager", "member", "member"]),
                    present=generator.random() > 0.1,
                    pre_test=pre,
                    post_test=min(100, pre + generator.randint(5, 35)),
                )
            )
    return Attendance.objects.bulk_create(rows)


def _training(program, members, today, generator):
    modules = ensure_training_modules()
    trainer = get_user_model().objects.filter(username="trainer").first()
    cohort = members[0].cohort if members else None
    if cohort is None:
        return
    by_phase = {}
    for member in members:
        by_phase.setdefault(member.phase_id, []).append(member)
    start = min(member.admitted_at.date() for member in members) + timedelta(days=45)
    for number, module in enumerate(modules):
        for offset, (_phase, phase_members) in enumerate(sorted(by_phase.items())):
            day = start + timedelta(days=60 * number + 7 * offset)
            if day > today:
                continue
            session = TrainingSession.objects.create(
                module=module,
                cohort=cohort,
                trainer=trainer,
                place="Chambre d'agriculture, salle de formation",
                starts_on=day,
                ends_on=day + timedelta(days=1),
                mode=TrainingSession.Mode.IN_PERSON,
                language="ar",
            )
            session.invited.set(phase_members)
            _attendance(session, phase_members, generator)
    # Training of trainers: eight cooperative members learn to run the governance module, and
    # two of them go on to train others.
    governance = modules[0]
    tot_day = start + timedelta(days=20)
    tot = TrainingSession.objects.create(
        module=governance,
        cohort=cohort,
        trainer=trainer,
        is_training_of_trainers=True,
        place="Agadir, centre de formation",
        starts_on=tot_day,
        ends_on=tot_day + timedelta(days=2),
        language="ar",
    )
    leaders = members[:8]
    tot.invited.set(leaders)
    trained = [row for row in _attendance(tot, leaders, generator, per_member=1) if row.present]
    for number, trained_trainer in enumerate(trained[:2]):
        for round_ in range(2):
            day = tot_day + timedelta(days=40 + 30 * round_ + 10 * number)
            if day > today:
                continue
            local = members[8 + number * 10 : 18 + number * 10]
            session = TrainingSession.objects.create(
                module=governance,
                cohort=cohort,
                trained_trainer=trained_trainer,
                place="Siège d'une coopérative",
                starts_on=day,
                ends_on=day,
                language="ar",
            )
            session.invited.set(local)
            _attendance(session, local, generator, per_member=1)


EQUIPMENT = [
    ("Balance électronique et thermoscelleuse", 2, 18_000),
    ("Presse à huile semi-automatique", 1, 95_000),
    ("Séchoir solaire pour plantes aromatiques", 1, 42_000),
]


def _assistance(members, today, generator):
    records, marketing = [], []
    for number, member in enumerate(members):
        baseline = next((d for d in member.diagnostics.all() if d.phase == "baseline"), None)
        if baseline is None or baseline.held_on is None:
            continue
        day = min(today, baseline.held_on + timedelta(days=120 + number % 60))
        if number % 3 == 0:
            title, quantity, value = generator.choice(EQUIPMENT)
            records.append(
                TechnicalAssistance(
                    member=member,
                    kind=TechnicalAssistance.Kind.EQUIPMENT,
                    title=title,
                    provider="Fournisseur sélectionné sur trois devis",
                    delivered_on=day,
                    quantity=quantity,
                    cost_program=Decimal(value) * Decimal("0.8"),
                    cost_cooperative=Decimal(value) * Decimal("0.2"),
                )
            )
        if number % 4 == 1:
            records.append(
                TechnicalAssistance(
                    member=member,
                    kind=TechnicalAssistance.Kind.EXPERT_ADVICE,
                    title="Mise en place d'une comptabilité simplifiée",
                    provider="Cabinet comptable agréé",
                    delivered_on=day,
                    cost_program=Decimal(6_000),
                )
            )
        if number % 3 == 1:
            product = member.cooperative.products.split(",")[0][:200] or "Produit principal"
            sales = Decimal(generator.randrange(60_000, 400_000, 1_000))
            marketing.append(
                MarketingSupport(
                    member=member,
                    product=product,
                    kind=MarketingSupport.Kind.PACKAGING,
                    description="Nouvel emballage hermétique avec étiquette bilingue.",
                    supported_on=day,
                    sales_before=sales,
                    sales_after=sales * Decimal(generator.choice(["1.10", "1.25", "1.40"])),
                    income_before=sales * Decimal("0.3"),
                    income_after=sales * Decimal("0.38"),
                )
            )
        if number % 6 == 2:
            marketing.append(
                MarketingSupport(
                    member=member,
                    product=(member.cooperative.products.split(",")[0][:200] or "Produit"),
                    kind=MarketingSupport.Kind.CERTIFICATION,
                    certification="Label bio",
                    supported_on=day,
                    obtained_on=day + timedelta(days=60),
                    expires_on=day + timedelta(days=60 + 3 * 365),
                )
            )
    TechnicalAssistance.objects.bulk_create(records)
    MarketingSupport.objects.bulk_create(marketing)
