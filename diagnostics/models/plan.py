"""The development plan that follows a diagnostic: objectives and actions, each answering a
weakness, an opportunity or a weak domain, with its budget and its progress."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accelerator.selection.models import CohortMember

from .diagnostic import Diagnostic, SwotItem


class ActionCategory(models.TextChoices):
    TRAINING = "training", _("Training")
    COACHING = "coaching", _("Coaching")
    TECHNICAL_ASSISTANCE = "technical_assistance", _("Technical assistance / expert advice")
    EXPERIENCE_EXCHANGE = "experience_exchange", _("Experience exchange")
    EQUIPMENT = "equipment", _("Equipment and materials")
    INSTITUTION_BUILDING = "institution_building", _("Institution building")
    MARKETING = "marketing", _("Marketing")


class StandardAction(models.Model):
    """An action the office recommends for a weak domain, offered to coaches as a start."""

    domain_code = models.SlugField(
        _("domain code"), max_length=40, help_text=_("The code of the domain, e.g. finance.")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    category = models.CharField(_("category"), max_length=25, choices=ActionCategory.choices)
    is_active = models.BooleanField(_("offered"), default=True)

    class Meta:
        verbose_name = _("standard action")
        verbose_name_plural = _("standard actions")
        ordering = ["domain_code", "title"]

    def __str__(self):
        return self.title


class DevelopmentPlanQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(member__in=CohortMember.objects.visible_to(user))


class DevelopmentPlan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for approval")
        RETURNED = "returned", _("Returned with comments")
        APPROVED = "approved", _("Approved")

    member = models.OneToOneField(
        CohortMember,
        verbose_name=_("cooperative in the cohort"),
        on_delete=models.PROTECT,
        related_name="plan",
    )
    diagnostic = models.ForeignKey(
        Diagnostic,
        verbose_name=_("from the diagnostic"),
        on_delete=models.PROTECT,
        related_name="plans",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    review_comment = models.TextField(_("comments of the program office"), blank=True)
    returned_at = models.DateTimeField(_("returned"), null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("returned by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    dismissed_suggestions = models.ManyToManyField(
        StandardAction, verbose_name=_("suggestions set aside"), blank=True, related_name="+"
    )
    revision = models.PositiveIntegerField(default=1, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)

    objects = DevelopmentPlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("development plan")
        verbose_name_plural = _("development plans")

    def __str__(self):
        return str(self.member.cooperative)


class Objective(models.Model):
    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="objectives")
    title = models.CharField(_("objective"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


class PlanAction(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="actions")
    objective = models.ForeignKey(
        Objective,
        verbose_name=_("objective"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    title = models.CharField(_("action"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    category = models.CharField(_("category"), max_length=25, choices=ActionCategory.choices)
    swot_items = models.ManyToManyField(
        SwotItem, verbose_name=_("answers these SWOT items"), blank=True, related_name="actions"
    )
    domain_codes = models.JSONField(
        _("answers these weak domains"),
        default=list,
        blank=True,
        help_text=_("Codes of the domains this action strengthens."),
    )
    standard_action = models.ForeignKey(
        StandardAction, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    owner = models.CharField(_("who carries it"), max_length=200, blank=True)
    start_date = models.DateField(_("start"), null=True, blank=True)
    due_date = models.DateField(_("due"), null=True, blank=True)
    budget_program = models.DecimalField(
        _("budget from the program"), max_digits=16, decimal_places=2, default=0
    )
    budget_cooperative = models.DecimalField(
        _("budget from the cooperative"), max_digits=16, decimal_places=2, default=0
    )
    budget_other = models.DecimalField(
        _("budget from another partner"), max_digits=16, decimal_places=2, default=0
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("plan action")
        verbose_name_plural = _("plan actions")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="progress_at_most_100"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def budget_total(self):
        return self.budget_program + self.budget_cooperative + self.budget_other


class PlanVersion(models.Model):
    """The plan as it stood when approved or changed afterwards: who, when, what."""

    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    snapshot = models.JSONField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="unique_plan_version")
        ]

    def __str__(self):
        return f"{self.plan} — {self.number}"
