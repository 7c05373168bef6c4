"""Collective training: a catalogue of modules, sessions with their attendance, and the
training-of-trainers cascade (who trained whom, and how many people that reached)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accelerator.programs.models import Cohort, Program
from accelerator.selection.models import CohortMember


class TrainingModule(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=200)
    objectives = models.TextField(_("objectives"), blank=True)
    duration_hours = models.DecimalField(
        _("duration (hours)"), max_digits=5, decimal_places=1, default=6
    )
    is_active = models.BooleanField(_("offered"), default=True)

    class Meta:
        verbose_name = _("training module")
        verbose_name_plural = _("training modules")
        ordering = ["title"]

    def __str__(self):
        return self.title


class SessionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Office staff: their programs' sessions; a trainer: the sessions they give."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(
            models.Q(cohort__program__in=Program.objects.managed_by(user)) | models.Q(trainer=user)
        )


class TrainingSession(models.Model):
    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    module = models.ForeignKey(
        TrainingModule, verbose_name=_("module"), on_delete=models.PROTECT, related_name="sessions"
    )
    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="training_sessions"
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_sessions",
    )
    trained_trainer = models.ForeignKey(
        "support.Attendance",
        verbose_name=_("given by a trainer trained in"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions_delivered",
        help_text=_("When a person trained in a training of trainers gives this session."),
    )
    is_training_of_trainers = models.BooleanField(_("training of trainers"), default=False)
    place = models.CharField(_("place"), max_length=200, blank=True)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.IN_PERSON)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    invited = models.ManyToManyField(
        CohortMember,
        verbose_name=_("cooperatives invited"),
        blank=True,
        related_name="training_invitations",
    )

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["-starts_on", "pk"]

    def __str__(self):
        return f"{self.module} — {self.starts_on}"


class Attendance(models.Model):
    class Sex(models.TextChoices):
        FEMALE = "f", _("Woman")
        MALE = "m", _("Man")

    class Role(models.TextChoices):
        PRESIDENT = "president", _("President")
        BOARD = "board", _("Board member")
        MANAGER = "manager", _("Manager")
        MEMBER = "member", _("Member")
        EMPLOYEE = "employee", _("Employee")

    session = models.ForeignKey(
        TrainingSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="attendance",
    )
    member = models.ForeignKey(
        CohortMember,
        verbose_name=_("cooperative"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendance",
    )
    full_name = models.CharField(_("name"), max_length=200)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    age = models.PositiveSmallIntegerField(_("age"), null=True, blank=True)
    role = models.CharField(_("role in the cooperative"), max_length=10, choices=Role.choices)
    present = models.BooleanField(_("present"), default=True)
    pre_test = models.PositiveSmallIntegerField(_("score before (0–100)"), null=True, blank=True)
    post_test = models.PositiveSmallIntegerField(_("score after (0–100)"), null=True, blank=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["session", "full_name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pre_test__lte=100) & models.Q(post_test__lte=100),
                name="test_scores_at_most_100",
            )
        ]

    def __str__(self):
        return self.full_name
