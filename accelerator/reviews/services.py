"""Reviewers' scoring: assignment, scoring, conflicts of interest, scores and ranking.

Every entry point (the reviewer's workspace, the office's screens, demo data, commands) goes
through these functions, so the rules hold the same everywhere.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accelerator.calls.models import Application, Call
from accelerator.core import audit
from accelerator.programs.models import Membership

from .models import Criterion, Review, Score, to_points, weighted_total

SCORE_ACTIONS = {False: "accelerator.review_save", True: "accelerator.review_submit"}


class ConflictError(Exception):
    """The review changed since the person loaded it (another tab, another window)."""


class ReviewClosed(Exception):
    """The review is no longer open for scoring (submitted, or withdrawn for a conflict)."""


def reviewer_memberships(program):
    """The reviewer role of each person who holds it in this program, with their home region."""
    return (
        Membership.objects.filter(program=program, role=Membership.Role.REVIEWER)
        .select_related("user", "region")
        .order_by("user__last_name", "user__first_name", "user_id")
    )


def own_region(call, membership, application):
    """The call keeps reviewers off the applications of the region they come from."""
    return (
        call.exclude_own_region
        and membership.region_id is not None
        and membership.region_id == application.region_id
    )


def refusal(application, membership, user):
    """Why this person cannot review this application, or None."""
    if membership is None:
        return _("%(person)s is not a reviewer of this program.") % {"person": display_name(user)}
    if own_region(application.call, membership, application):
        return _("%(person)s comes from the region of this cooperative.") % {
            "person": display_name(user)
        }
    return None


def display_name(user):
    return user.get_full_name() or user.get_username()


def assign(application, reviewers, *, by):
    """Give the application to these people. All or nothing: a ValidationError lists whoever is
    refused. People already reviewing it are left as they are. Returns the new reviews."""
    memberships = {
        membership.user_id: membership
        for membership in Membership.objects.filter(
            program_id=application.call.program_id,
            role=Membership.Role.REVIEWER,
            user__in=reviewers,
        )
    }
    existing = dict(application.reviews.values_list("reviewer_id", "status"))
    errors, to_create = [], []
    for user in reviewers:
        reason = refusal(application, memberships.get(user.pk), user)
        if reason is None and existing.get(user.pk) == Review.Status.CONFLICT:
            reason = _("%(person)s declared a conflict of interest with this cooperative.") % {
                "person": display_name(user)
            }
        if reason:
            errors.append(reason)
        elif user.pk not in existing:
            to_create.append(Review(application=application, reviewer=user, assigned_by=by))
            existing[user.pk] = Review.Status.ASSIGNED
    if errors:
        raise ValidationError(errors)
    return Review.objects.bulk_create(to_create)


@dataclass
class Understaffed:
    application: Application
    missing: int
    reason: str


@dataclass
class AssignmentSummary:
    assigned: int = 0
    understaffed: list = field(default_factory=list)


def applications_to_review(call):
    return (
        Application.objects.for_call(call)
        .filter(status=Application.Status.SUBMITTED, eligibility=Application.Eligibility.ELIGIBLE)
        .order_by("submitted_at", "pk")
    )


@transaction.atomic
def assign_balanced(call, *, by):
    """Seat call.reviewers_per_application reviewers on every submitted, eligible application,
    each time taking the reviewers with the fewest reviews in this call (then the longest-
    standing account), never one who declared a conflict on it, nor one from its region when
    the call says so. Running it twice assigns nothing more."""
    # Two staff members pressing the button at once would each count the same seats.
    Call.objects.select_for_update().filter(pk=call.pk).first()
    memberships = list(reviewer_memberships(call.program).order_by("user_id"))
    summary = AssignmentSummary()
    reviews = Review.objects.for_call(call).values_list("application_id", "reviewer_id", "status")
    load = Counter()
    seated, excluded = {}, {}
    for application_id, reviewer_id, status in reviews:
        excluded.setdefault(application_id, set()).add(reviewer_id)
        if status != Review.Status.CONFLICT:
            load[reviewer_id] += 1
            seated[application_id] = seated.get(application_id, 0) + 1
    new_reviews = []
    for application in applications_to_review(call):
        missing = call.reviewers_per_application - seated.get(application.pk, 0)
        if missing <= 0:
            continue
        taken = excluded.get(application.pk, set())
        candidates = [
            membership
            for membership in memberships
            if membership.user_id not in taken and not own_region(call, membership, application)
        ]
        candidates.sort(key=lambda membership: (load[membership.user_id], membership.user_id))
        for membership in candidates[:missing]:
            new_reviews.append(
                Review(application=application, reviewer_id=membership.user_id, assigned_by=by)
            )
            load[membership.user_id] += 1
        if len(candidates) < missing:
            summary.understaffed.append(
                Understaffed(
                    application,
                    missing - len(candidates),
                    understaffed_reason(call, memberships, application),
                )
            )
    Review.objects.bulk_create(new_reviews)
    summary.assigned = len(new_reviews)
    return summary


def understaffed_reason(call, memberships, application):
    if not memberships:
        return _("The program has no reviewers.")
    if call.exclude_own_region and any(
        own_region(call, membership, application) for membership in memberships
    ):
        return _(
            "Not enough reviewers: the others already review it, declared a conflict "
            "or come from its region."
        )
    if len(memberships) < call.reviewers_per_application:
        return _("The program has fewer reviewers than the call asks per application.")
    return _("Not enough reviewers: the others already review it or declared a conflict.")


def check_scores(criteria, scores, *, submit):
    """Scores by criterion id as whole numbers, or a ValidationError keyed by criterion id."""
    errors, values = {}, {}
    for criterion in criteria:
        raw = scores.get(criterion.pk)
        if raw in (None, ""):
            if submit:
                errors[criterion.pk] = _("Give a score from 0 to %(max)d.") % {
                    "max": criterion.scale_max
                }
            values[criterion.pk] = None
            continue
        try:
            value = int(raw)
        except (TypeError, ValueError):
            value = -1
        if not 0 <= value <= criterion.scale_max:
            errors[criterion.pk] = _("A score goes from 0 to %(max)d.") % {
                "max": criterion.scale_max
            }
            continue
        values[criterion.pk] = value
    if errors:
        raise ValidationError(errors)
    return values


def save_scores(review, scores, comments, overall_comment, *, version, submit):
    """Save what the reviewer typed (scores and comments by criterion id) and, with `submit`,
    send the review in: every criterion must then be scored. `version` is the version the
    reviewer loaded; if the review changed since, ConflictError and nothing is written.
    Returns the review as saved, with its new version and total."""
    criteria = list(Criterion.objects.filter(call_id=review.application.call_id))
    if submit and not criteria:
        raise ValidationError(_("This call has no scoring grid yet: it cannot be submitted."))
    values = check_scores(criteria, scores, submit=submit)
    total = weighted_total((criterion, values[criterion.pk]) for criterion in criteria)
    now = timezone.now()
    with transaction.atomic():
        saved = Review.objects.filter(
            pk=review.pk, version=version, status=Review.Status.ASSIGNED
        ).update(
            version=models.F("version") + 1,
            overall_comment=overall_comment or "",
            total=total,
            status=Review.Status.SUBMITTED if submit else Review.Status.ASSIGNED,
            submitted_at=now if submit else None,
            updated_at=now,
        )
        if not saved:
            if Review.objects.filter(pk=review.pk, status=Review.Status.ASSIGNED).exists():
                raise ConflictError
            raise ReviewClosed
        existing = {score.criterion_id: score for score in review.scores.all()}
        before = {f"score_{pk}": score.value for pk, score in existing.items()}
        to_create, to_update = [], []
        for criterion in criteria:
            score = existing.get(criterion.pk) or Score(review=review, criterion=criterion)
            score.value = values[criterion.pk]
            score.comment = (comments.get(criterion.pk) or "").strip()
            (to_update if score.pk else to_create).append(score)
        Score.objects.bulk_create(to_create)
        Score.objects.bulk_update(to_update, ["value", "comment"])
        if submit:
            aggregate(review.application)
        after = {f"score_{pk}": value for pk, value in values.items()}
        if submit or audit.differences(before, after):
            audit.record(
                review,
                SCORE_ACTIONS[submit],
                review.reviewer,
                audit.differences(before | {"total": review.total}, after | {"total": total}),
            )
    review.refresh_from_db()
    return review


def declare_conflict(review, reason):
    """The reviewer steps aside: the review leaves the application's score (if it was in it)
    and the seat is free for someone else. Returns the review."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say briefly what links you to this cooperative.")})
    with transaction.atomic():
        was_counted = Review.objects.filter(pk=review.pk, status=Review.Status.SUBMITTED).exists()
        Review.objects.filter(pk=review.pk).update(
            status=Review.Status.CONFLICT,
            conflict_reason=reason,
            version=models.F("version") + 1,
            updated_at=timezone.now(),
        )
        if was_counted:
            aggregate(review.application)
        audit.record(
            review,
            "accelerator.review_conflict",
            review.reviewer,
            {"status": (review.status, Review.Status.CONFLICT)},
        )
    review.refresh_from_db()
    return review


def aggregate(application):
    """Write the application's score (mean of the submitted reviews' totals), the spread
    between the highest and lowest of them, and how many there are."""
    totals = list(
        Review.objects.filter(application=application).counted().values_list("total", flat=True)
    )
    totals = [total for total in totals if total is not None]
    figures = {
        "score": to_points(sum(totals) / len(totals)) if totals else None,
        "score_spread": to_points(max(totals) - min(totals)) if totals else None,
        "reviews_completed": len(totals),
    }
    Application.objects.filter(pk=application.pk).update(**figures)
    for name, value in figures.items():
        setattr(application, name, value)
    return application


def ranking(call, phase=None):
    """Eligible applications with a score, best first; equal scores by earlier submission.
    For one phase of the cohort when `phase` is given."""
    applications = (
        Application.objects.for_call(call)
        .submitted()
        .exclude(status=Application.Status.WITHDRAWN)
        .filter(eligibility=Application.Eligibility.ELIGIBLE, score__isnull=False)
    )
    if phase is not None:
        applications = applications.filter(phase=phase)
    return applications.select_related("region", "province", "phase", "call").order_by(
        "-score", "submitted_at", "pk"
    )


def spread_flagged(applications):
    """The applications whose reviewers disagree by more than their call tolerates."""
    return applications.filter(score_spread__gt=models.F("call__spread_threshold"))


def is_spread_flagged(application):
    return (
        application.score_spread is not None
        and application.score_spread > application.call.spread_threshold
    )


@dataclass
class ReviewerProgress:
    membership: Membership
    to_score: int = 0
    submitted: int = 0
    conflict: int = 0

    @property
    def user(self):
        return self.membership.user

    @property
    def assigned(self):
        return self.to_score + self.submitted + self.conflict


def reviewer_progress(call):
    """Each reviewer of the call's program with their reviews in this call, by status."""
    rows = {
        membership.user_id: ReviewerProgress(membership)
        for membership in reviewer_memberships(call.program)
    }
    counts = (
        Review.objects.for_call(call)
        .values("reviewer_id", "status")
        .annotate(count=models.Count("pk"))
        .order_by()
    )
    attributes = {
        Review.Status.ASSIGNED: "to_score",
        Review.Status.SUBMITTED: "submitted",
        Review.Status.CONFLICT: "conflict",
    }
    for count in counts:
        row = rows.get(count["reviewer_id"])
        if row is not None:
            setattr(row, attributes[count["status"]], count["count"])
    return list(rows.values())
