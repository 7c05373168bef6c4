import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accelerator.core.storage import private_storage
from accelerator.selection.models import CohortMember


class CoachAssignmentQuerySet(models.QuerySet):
    def current(self):
        return self.filter(ended_on__isnull=True)

    def for_coach(self, user):
        return self.current().filter(coach=user)


class CoachAssignment(models.Model):
    """A coach accompanying an admitted cooperative; one lead coach, possibly others."""

    member = models.ForeignKey(
        CohortMember,
        verbose_name=_("cooperative in the cohort"),
        on_delete=models.CASCADE,
        related_name="coach_assignments",
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coach"),
        on_delete=models.PROTECT,
        related_name="coach_assignments",
    )
    is_lead = models.BooleanField(_("lead coach"), default=True)
    contract = models.ForeignKey(
        "support.CoachContract",
        verbose_name=_("contract"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assignments",
    )
    contracted_sessions = models.PositiveSmallIntegerField(
        _("sessions contracted"),
        default=12,
        help_text=_("Coaching sessions this cooperative is entitled to."),
    )
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("until"), null=True, blank=True)

    objects = CoachAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("coach assignment")
        verbose_name_plural = _("coach assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "coach"],
                condition=models.Q(ended_on__isnull=True),
                name="one_current_assignment_per_coach_and_cooperative",
            )
        ]

    def __str__(self):
        return f"{self.coach} → {self.member}"


class ContractQuerySet(models.QuerySet):
    def visible_to(self, user):
        from accelerator.programs.models import Program

        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(
            models.Q(program__in=Program.objects.managed_by(user)) | models.Q(coach=user)
        )


class CoachContract(models.Model):
    """What a coach is contracted for: a lot (usually a region), how many cooperatives, how many
    sessions each, over which period."""

    program = models.ForeignKey(
        "programs.Program",
        verbose_name=_("program"),
        on_delete=models.PROTECT,
        related_name="coach_contracts",
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coach"),
        on_delete=models.PROTECT,
        related_name="coach_contracts",
    )
    lot = models.CharField(_("lot"), max_length=100, help_text=_("Usually a region."))
    regions = models.ManyToManyField(
        "programs.Region", verbose_name=_("regions"), blank=True, related_name="+"
    )
    cooperatives = models.PositiveSmallIntegerField(_("cooperatives contracted"))
    sessions_per_cooperative = models.PositiveSmallIntegerField(
        _("sessions per cooperative"), default=12
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))

    objects = ContractQuerySet.as_manager()

    class Meta:
        verbose_name = _("coach contract")
        verbose_name_plural = _("coach contracts")
        ordering = ["program", "lot"]

    def __str__(self):
        return f"{self.coach} — {self.lot}"


class VisitQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(member__in=CohortMember.objects.visible_to(user))


class CoachingVisit(models.Model):
    """One coaching session with a cooperative, as the coach logs it in the field."""

    class Mode(models.TextChoices):
        ON_SITE = "on_site", _("On site")
        REMOTE = "remote", _("Remote (video)")
        PHONE = "phone", _("Phone")

    member = models.ForeignKey(
        CohortMember,
        verbose_name=_("cooperative in the cohort"),
        on_delete=models.PROTECT,
        related_name="visits",
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coach"),
        on_delete=models.PROTECT,
        related_name="visits",
    )
    visited_on = models.DateField(_("date"))
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.ON_SITE)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=120)
    attendees_women = models.PositiveSmallIntegerField(_("women attending"), default=0)
    attendees_men = models.PositiveSmallIntegerField(_("men attending"), default=0)
    attendees_youth = models.PositiveSmallIntegerField(_("of whom young people"), default=0)
    topics = models.TextField(_("topics"), blank=True, max_length=4000)
    advice = models.TextField(_("advice given"), blank=True, max_length=4000)
    decisions = models.TextField(_("decisions taken"), blank=True, max_length=4000)
    next_visit_on = models.DateField(_("next visit"), null=True, blank=True)
    plan_actions = models.ManyToManyField(
        "diagnostics.PlanAction",
        verbose_name=_("plan actions worked on"),
        blank=True,
        related_name="visits",
    )
    revision = models.PositiveIntegerField(default=1, editable=False)
    # Sent by the form that first saved the visit: a retried first save finds the visit it
    # already created instead of logging the same visit twice.
    draft_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)

    objects = VisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("coaching visit")
        verbose_name_plural = _("coaching visits")
        ordering = ["-visited_on", "-pk"]
        indexes = [models.Index(fields=["member", "visited_on"])]

    def __str__(self):
        return f"{self.member.cooperative} — {self.visited_on}"


class FollowUp(models.Model):
    """Something agreed during a visit, for someone to do by a date."""

    visit = models.ForeignKey(CoachingVisit, on_delete=models.CASCADE, related_name="follow_ups")
    description = models.CharField(_("what"), max_length=500)
    owner = models.CharField(_("who"), max_length=200)
    due_on = models.DateField(_("by"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.description


def visit_file_path(instance, filename):
    return f"visits/{instance.visit_id}/{uuid.uuid4().hex}"


class VisitAttachment(models.Model):
    """A photo or a document of a visit: private, checked by its content, bounded in size."""

    visit = models.ForeignKey(CoachingVisit, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=private_storage, upload_to=visit_file_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size"))
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("visit attachment")
        verbose_name_plural = _("visit attachments")

    def __str__(self):
        return self.original_name
