"""A strategic diagnostic of one cooperative at one moment of the program: the scorecard
answers and the SWOT matrix."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accelerator.programs.models import Program
from accelerator.selection.models import CohortMember

from .instrument import Domain, InstrumentVersion, Question


class DiagnosticQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Office staff: their programs; a coach: the cooperatives assigned to them."""
        return self.filter(member__in=CohortMember.objects.visible_to(user))

    def editable_by(self, user):
        """Only the coaches of the cooperative fill a diagnostic in (and superusers)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(
            member__coach_assignments__coach=user, member__coach_assignments__ended_on__isnull=True
        ).distinct()

    def of_program_office(self, user):
        return self.filter(member__cohort__program__in=Program.objects.managed_by(user))


class Diagnostic(models.Model):
    class Phase(models.TextChoices):
        BASELINE = "baseline", _("Baseline")
        MIDTERM = "midterm", _("Mid-term")
        ENDLINE = "endline", _("End-line")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        COMPLETED = "completed", _("Completed")
        VALIDATED = "validated", _("Validated")

    member = models.ForeignKey(
        CohortMember,
        verbose_name=_("cooperative in the cohort"),
        on_delete=models.PROTECT,
        related_name="diagnostics",
    )
    phase = models.CharField(_("moment"), max_length=10, choices=Phase.choices)
    version = models.ForeignKey(
        InstrumentVersion,
        verbose_name=_("instrument version"),
        on_delete=models.PROTECT,
        related_name="diagnostics",
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coach"),
        on_delete=models.PROTECT,
        related_name="diagnostics",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    held_on = models.DateField(_("date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    participants_women = models.PositiveSmallIntegerField(_("women taking part"), default=0)
    participants_men = models.PositiveSmallIntegerField(_("men taking part"), default=0)
    participants_youth = models.PositiveSmallIntegerField(_("of whom young people"), default=0)
    # Raised at every save: an edit made from an older copy is detected, never applied blindly.
    revision = models.PositiveIntegerField(default=1, editable=False)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    validated_at = models.DateTimeField(_("validated"), null=True, blank=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("validated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)

    objects = DiagnosticQuerySet.as_manager()

    class Meta:
        verbose_name = _("strategic diagnostic")
        verbose_name_plural = _("strategic diagnostics")
        ordering = ["member", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["member", "phase"], name="one_diagnostic_per_moment")
        ]

    def __str__(self):
        return f"{self.member.cooperative} — {self.get_phase_display()}"

    @property
    def is_editable(self):
        return self.status == self.Status.DRAFT


class Answer(models.Model):
    diagnostic = models.ForeignKey(Diagnostic, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    level = models.PositiveSmallIntegerField(_("level"), null=True, blank=True)
    evidence = models.TextField(_("evidence"), blank=True, max_length=4000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["diagnostic", "question"], name="one_answer_per_question"
            ),
            models.CheckConstraint(
                condition=models.Q(level__isnull=True) | models.Q(level__lte=4),
                name="level_between_0_and_4",
            ),
        ]

    def __str__(self):
        return f"{self.question} = {self.level}"


class SwotItem(models.Model):
    class Quadrant(models.TextChoices):
        STRENGTH = "strength", _("Strength")
        WEAKNESS = "weakness", _("Weakness")
        OPPORTUNITY = "opportunity", _("Opportunity")
        THREAT = "threat", _("Threat")

    class Priority(models.TextChoices):
        HIGH = "high", _("High")
        MEDIUM = "medium", _("Medium")
        LOW = "low", _("Low")

    INTERNAL = (Quadrant.STRENGTH, Quadrant.WEAKNESS)

    diagnostic = models.ForeignKey(Diagnostic, on_delete=models.CASCADE, related_name="swot_items")
    quadrant = models.CharField(_("quadrant"), max_length=12, choices=Quadrant.choices)
    domain = models.ForeignKey(
        Domain,
        verbose_name=_("domain"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    description = models.TextField(_("description"), max_length=1000)
    priority = models.CharField(
        _("priority"), max_length=6, choices=Priority.choices, default=Priority.MEDIUM
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("SWOT item")
        verbose_name_plural = _("SWOT items")
        ordering = ["quadrant", "position", "pk"]

    def __str__(self):
        return self.description[:80]

    @property
    def is_internal(self):
        return self.quadrant in self.INTERNAL


class Reopening(models.Model):
    """A completed or validated diagnostic opened again: who did it and why."""

    diagnostic = models.ForeignKey(Diagnostic, on_delete=models.CASCADE, related_name="reopenings")
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reopened_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(_("reason"), max_length=2000)
    previous_status = models.CharField(max_length=10)

    class Meta:
        verbose_name = _("reopening")
        verbose_name_plural = _("reopenings")
        ordering = ["-reopened_at"]

    def __str__(self):
        return f"{self.diagnostic} — {self.reopened_at:%Y-%m-%d}"
