from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accelerator.calls.models import Application, Call
from accelerator.cooperatives.models import Cooperative
from accelerator.programs.models import Cohort, Phase, Program


class Outcome(models.TextChoices):
    ADMIT = "admit", _("Admit")
    WAITLIST = "waitlist", _("Put on the waiting list")
    REJECT = "reject", _("Do not select")
    WITHDRAW = "withdraw", _("Withdrawal")


OUTCOME_STATUS = {
    Outcome.ADMIT: Application.Status.ADMITTED,
    Outcome.WAITLIST: Application.Status.WAITLISTED,
    Outcome.REJECT: Application.Status.REJECTED,
    Outcome.WITHDRAW: Application.Status.WITHDRAWN,
}


class RejectionReason(models.TextChoices):
    NOT_ELIGIBLE = "not_eligible", _("The cooperative does not meet the eligibility conditions.")
    SCORE = "score", _("The score is below that of the cooperatives selected.")
    CAPACITY = "capacity", _("All places of the cohort and its waiting list are taken.")
    INCOMPLETE = "incomplete", _("The application is incomplete.")
    OUTSIDE_AREA = "outside_area", _("The cooperative is outside the regions of this cohort.")
    OTHER = "other", _("Another reason, explained below.")


class DecisionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(application__call__program__in=Program.objects.managed_by(user))


class Decision(models.Model):
    """One decision on an application, kept for good: who decided what, when and why."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    outcome = models.CharField(_("decision"), max_length=10, choices=Outcome.choices)
    reason = models.CharField(
        _("reason"), max_length=20, choices=RejectionReason.choices, blank=True
    )
    note = models.TextField(_("note to the applicant"), blank=True, max_length=2000)
    phase = models.ForeignKey(
        Phase,
        verbose_name=_("phase"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), db_index=True)
    from_waitlist = models.BooleanField(_("moved up from the waiting list"), default=False)
    # Sent by the form the decision was taken on: the same form posted twice (double click,
    # retry) records one decision.
    request_key = models.CharField(
        max_length=64, null=True, blank=True, unique=True, editable=False
    )

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_at", "-pk"]

    def __str__(self):
        return f"{self.application} — {self.get_outcome_display()}"


class CohortMemberQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=CohortMember.Status.ACTIVE)

    def visible_to(self, user):
        """Office staff see their programs' cooperatives; a coach, the ones assigned to them."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        office = models.Q(cohort__program__in=Program.objects.managed_by(user))
        coached = models.Q(
            pk__in=self.model.objects.filter(
                coach_assignments__coach=user, coach_assignments__ended_on__isnull=True
            ).values("pk")
        )
        return self.filter(office | coached)


class CohortMember(models.Model):
    """A cooperative admitted into a cohort (and, where the cohort has phases, one phase)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="members"
    )
    phase = models.ForeignKey(
        Phase,
        verbose_name=_("phase"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )
    cooperative = models.ForeignKey(
        Cooperative,
        verbose_name=_("cooperative"),
        on_delete=models.PROTECT,
        related_name="cohort_memberships",
    )
    application = models.OneToOneField(
        Application,
        verbose_name=_("application"),
        on_delete=models.PROTECT,
        related_name="cohort_member",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    admitted_at = models.DateTimeField(_("admitted"))
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = CohortMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("cohort member")
        verbose_name_plural = _("cohort members")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "cooperative"],
                condition=models.Q(status="active"),
                name="one_active_membership_per_cohort",
            )
        ]

    def __str__(self):
        return f"{self.cooperative} — {self.cohort}"


class Proposal(models.Model):
    """A cohort filled from the ranking, for staff to check and confirm: nothing is decided
    until they do."""

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="proposals"
    )
    prefer_women_led = models.BooleanField(
        _("women-led cooperatives first among equal scores"), default=False
    )
    prefer_youth_led = models.BooleanField(
        _("youth-led cooperatives first among equal scores"), default=False
    )
    min_region_share = models.PositiveSmallIntegerField(
        _("minimum share of places per region (%)"), default=0
    )
    min_score = models.DecimalField(
        _("lowest score admitted"),
        max_digits=5,
        decimal_places=2,
        default=0,
        help_text=_("Eligible applications below this score go to the waiting list."),
    )
    items = models.JSONField(default=list, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.call} — {self.created_at:%Y-%m-%d %H:%M}"
