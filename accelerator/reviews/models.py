from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable

from accelerator.calls.models import Application, Call
from accelerator.programs.models import Membership, Program

CENT = Decimal("0.01")


def to_points(value):
    """A score out of 100, as stored: two decimals, halves rounded up."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def weighted_total(scored):
    """Points out of 100 for (criterion, value) pairs: each criterion brings its weight times
    the share of its scale reached. Unscored criteria bring nothing (a draft's running total)."""
    total = sum(
        (
            Decimal(criterion.weight) * Decimal(value) / Decimal(criterion.scale_max)
            for criterion, value in scored
            if value is not None
        ),
        Decimal(0),
    )
    return to_points(total)


class Criterion(Orderable):
    """A line of a call's scoring grid. The weights of a call's criteria add up to 100."""

    call = ParentalKey(Call, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What reviewers look for, and what each level means."),
    )
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Points out of 100 this criterion is worth."),
    )
    scale_max = models.PositiveSmallIntegerField(
        _("highest score"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("Reviewers score from 0 to this number."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self):
        return self.name

    @property
    def scale(self):
        return range(self.scale_max + 1)


class ReviewQuerySet(models.QuerySet):
    def for_reviewer(self, user):
        """This person's own reviews, in the programs where they still hold the reviewer role."""
        if not user.is_authenticated:
            return self.none()
        programs = Program.objects.filter(
            memberships__user=user, memberships__role=Membership.Role.REVIEWER
        )
        return self.filter(reviewer=user, application__call__program__in=programs).exclude(
            application__status=Application.Status.DRAFT
        )

    def visible_to(self, user):
        """Reviews of the applications a person's program office sees."""
        return self.filter(application__in=Application.objects.visible_to(user))

    def for_call(self, call):
        return self.filter(application__call=call)

    def counted(self):
        """The reviews that make an application's score."""
        return self.filter(status=Review.Status.SUBMITTED)

    def active(self):
        """The reviews that occupy a reviewer's seat on an application."""
        return self.exclude(status=Review.Status.CONFLICT)

    def todo_first(self):
        return self.alias(
            progress=models.Case(
                models.When(status=Review.Status.ASSIGNED, then=0),
                models.When(status=Review.Status.SUBMITTED, then=1),
                default=2,
            )
        ).order_by("progress", "assigned_at", "pk")

    def with_application(self):
        return self.select_related("application", "application__call", "reviewer")


class Review(models.Model):
    """One reviewer's scoring of one application."""

    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("To score")
        SUBMITTED = "submitted", _("Submitted")
        CONFLICT = "conflict", _("Conflict of interest")

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        # A person who scored stays on record: their scores make published rankings.
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ASSIGNED, db_index=True
    )
    overall_comment = models.TextField(_("overall comment"), blank=True)
    total = models.DecimalField(_("total"), max_digits=5, decimal_places=2, null=True, blank=True)
    conflict_reason = models.TextField(_("reason for the conflict of interest"), blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    # Bumped by every save: a save based on an older version is refused, never merged.
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["assigned_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="one_review_per_reviewer_per_application"
            )
        ]

    def __str__(self):
        return f"{self.application} — {self.reviewer}"

    @property
    def is_open(self):
        return self.status == self.Status.ASSIGNED


class Score(models.Model):
    """A reviewer's score on one criterion; empty while the review is a draft."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        Criterion,
        verbose_name=_("criterion"),
        # Scored criteria are kept: the call form refuses to delete them.
        on_delete=models.PROTECT,
        related_name="scores",
    )
    value = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="one_score_per_criterion")
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"
