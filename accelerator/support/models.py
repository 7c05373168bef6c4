from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

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
