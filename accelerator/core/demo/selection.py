"""The closed Moroccan call taken through selection: eligibility rules and results, three
reviewers' scores, a proposal confirmed into the cohort, and a waiting list."""

import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from accelerator.calls.models import Call
from accelerator.eligibility.models import EligibilityRule
from accelerator.eligibility.services import rescreen
from accelerator.notifications.models import Event, OutboxMessage
from accelerator.programs.models import Membership
from accelerator.reviews.models import Criterion, Review
from accelerator.reviews.services import assign_balanced, declare_conflict, save_scores
from accelerator.selection.models import CohortMember, Decision
from accelerator.selection.proposals import confirm, propose

from .calls import ATLAS_CALL

CRITERIA = [
    (
        "viability",
        30,
        {
            "en": ("Economic viability", "Turnover, costs, a market that pays for the products."),
            "vi": ("Tính khả thi kinh tế", "Doanh thu, chi phí, thị trường sẵn sàng trả tiền."),
            "ar": ("الجدوى الاقتصادية", "رقم المعاملات والتكاليف وسوق يقتني المنتجات."),
        },
    ),
    (
        "governance",
        25,
        {
            "en": (
                "Governance and member participation",
                "General assemblies held, a board that meets.",
            ),
            "vi": (
                "Quản trị và sự tham gia của thành viên",
                "Đại hội thành viên, hội đồng quản trị họp định kỳ.",
            ),
            "ar": ("الحوكمة ومشاركة الأعضاء", "جموع عامة منعقدة ومجلس إداري يجتمع بانتظام."),
        },
    ),
    (
        "market",
        25,
        {
            "en": ("Market orientation", "Knows its buyers, prices and channels."),
            "vi": ("Định hướng thị trường", "Nắm rõ người mua, giá cả và kênh tiêu thụ."),
            "ar": ("التوجه نحو السوق", "تعرف زبناءها وأسعارها وقنوات التسويق."),
        },
    ),
    (
        "inclusion",
        20,
        {
            "en": (
                "Social and environmental commitment",
                "Women and youth involved, resources spared.",
            ),
            "vi": (
                "Cam kết xã hội và môi trường",
                "Phụ nữ, thanh niên tham gia; tiết kiệm tài nguyên.",
            ),
            "ar": ("الالتزام الاجتماعي والبيئي", "إشراك النساء والشباب والحفاظ على الموارد."),
        },
    ),
]


def ensure_selection():
    call = Call.objects.filter(reference_prefix=ATLAS_CALL).first()
    if call is None or call.proposals.filter(confirmed_at__isnull=False).exists():
        return
    officer = get_user_model().objects.filter(username="officer").first()
    _rules(call)
    rescreen(call)
    _criteria(call)
    _reviewer_regions(call)
    assign_balanced(call, by=officer)
    _score(call, conflict_at=7)
    # The application a reviewer stepped aside from gets another reviewer.
    assign_balanced(call, by=officer)
    _score(call)
    proposal = propose(call, by=officer, prefer_women_led=True, min_score=Decimal("55"))
    confirm(proposal, by=officer)
    _decide_on_time(call)


def _rules(call):
    if call.eligibility_rules.exists():
        return
    registered = EligibilityRule(call=call, kind=EligibilityRule.Kind.REGISTERED_WITHIN, years=4)
    registered.save()
    place = EligibilityRule(call=call, kind=EligibilityRule.Kind.PLACE, sort_order=1)
    place.regions.set(call.regions.all())
    place.save()
    EligibilityRule.objects.create(
        call=call, kind=EligibilityRule.Kind.MIN_MEMBERS, number=5, sort_order=2
    )
    EligibilityRule.objects.create(
        call=call, kind=EligibilityRule.Kind.DOCUMENT, question_key="statutes", sort_order=3
    )


def _criteria(call):
    if call.criteria.exists():
        return
    for order, (_code, weight, texts) in enumerate(CRITERIA):
        Criterion.objects.create(
            call=call,
            sort_order=order,
            weight=weight,
            scale_max=5,
            **{f"name_{lang}": name for lang, (name, _d) in texts.items()},
            **{f"description_{lang}": text for lang, (_n, text) in texts.items()},
        )


def _reviewer_regions(call):
    """Each demo reviewer comes from one region of the call, so nobody scores their own."""
    regions = list(call.regions.order_by("code"))
    reviewers = Membership.objects.filter(
        program=call.program, role=Membership.Role.REVIEWER, region__isnull=True
    ).order_by("user__username")
    for index, membership in enumerate(reviewers):
        membership.region = regions[index * 3 % len(regions)] if regions else None
        membership.save(update_fields=["region"])


def _score(call, conflict_at=None):
    """Each reviewer scores what was assigned; at `conflict_at`, one steps aside instead."""
    generator = random.Random(f"{call.reference_prefix}-reviews")
    criteria = list(call.criteria.all())
    reviews = (
        Review.objects.filter(application__call=call, status=Review.Status.ASSIGNED)
        .select_related("application")
        .order_by("application__reference", "reviewer__username")
    )
    for number, review in enumerate(reviews):
        if number == conflict_at:
            declare_conflict(review, "La présidente de la coopérative est une parente proche.")
            continue
        quality = generator.uniform(0.35, 0.95)
        scores = {
            criterion.pk: max(0, min(5, round(quality * 5 + generator.uniform(-1, 1))))
            for criterion in criteria
        }
        comments = {criteria[0].pk: "Chiffre d'affaires en hausse, clients réguliers."}
        save_scores(review, scores, comments, "", version=review.version, submit=True)


def _decide_on_time(call):
    """The decisions were announced within the promised date."""
    if call.decisions_announced_by is None:
        call.decisions_announced_by = (call.closes_at + timezone.timedelta(days=30)).date()
        call.save(update_fields=["decisions_announced_by"])
    decided_on = call.closes_at + timezone.timedelta(days=21)
    call.applications.filter(decided_at__isnull=False).update(decided_at=decided_on)
    Decision.objects.filter(application__call=call).update(decided_at=decided_on)
    CohortMember.objects.filter(application__call=call).update(admitted_at=decided_on)
    # The applicants are invented: their notices are recorded as delivered, not e-mailed.
    OutboxMessage.objects.filter(event=Event.DECISION, status=OutboxMessage.Status.PENDING).update(
        status=OutboxMessage.Status.SENT, attempts=1, sent_at=decided_on
    )
