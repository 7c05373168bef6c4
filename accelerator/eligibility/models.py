from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from accelerator.calls.models import Application, Call, CallQuestion
from accelerator.programs.models import LegalForm, Province, Region, Sector


class EligibilityRuleQuerySet(models.QuerySet):
    def for_screening(self, call):
        return self.filter(call=call).prefetch_related(
            "regions", "provinces", "legal_forms", "sectors"
        )


class EligibilityRule(Orderable, ClusterableModel):
    """One condition every application to a call must meet, set by the program office.

    Clusterable so that its lists (ParentalManyToManyField) are saved with it from the inline
    form of the call.
    """

    class Kind(models.TextChoices):
        REGISTERED_WITHIN = (
            "registered_within",
            _("Registered at most a number of years before the deadline"),
        )
        PLACE = "place", _("Region or province in a list")
        LEGAL_FORM = "legal_form", _("Legal form in a list")
        MIN_MEMBERS = "min_members", _("Minimum number of members")
        SECTOR = "sector", _("Sector in a list")
        DOCUMENT = "document", _("Required document attached")
        YES_ANSWER = "yes_answer", _("Answer “yes” required")

    #: The question type a rule reading a question's answer expects.
    QUESTION_KINDS = {
        Kind.DOCUMENT: CallQuestion.Kind.FILE,
        Kind.YES_ANSWER: CallQuestion.Kind.YES_NO,
    }

    call = ParentalKey(Call, on_delete=models.CASCADE, related_name="eligibility_rules")
    kind = models.CharField(_("rule"), max_length=20, choices=Kind.choices)
    years = models.PositiveSmallIntegerField(
        _("years at most"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("For the registration rule: the cooperative's greatest age at the deadline."),
    )
    number = models.PositiveIntegerField(
        _("members at least"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("For the members rule."),
    )
    regions = ParentalManyToManyField(
        Region, verbose_name=_("regions"), blank=True, related_name="+"
    )
    provinces = ParentalManyToManyField(
        Province,
        verbose_name=_("provinces"),
        blank=True,
        related_name="+",
        help_text=_("A cooperative passes if its region or its province is listed."),
    )
    legal_forms = ParentalManyToManyField(
        LegalForm, verbose_name=_("legal forms"), blank=True, related_name="+"
    )
    sectors = ParentalManyToManyField(
        Sector, verbose_name=_("sectors"), blank=True, related_name="+"
    )
    question_key = models.SlugField(
        _("question key"),
        max_length=40,
        blank=True,
        help_text=_(
            "For the document and yes/no rules: the key of the file or yes/no question "
            "of this call's form."
        ),
    )

    objects = EligibilityRuleQuerySet.as_manager()

    class Meta(Orderable.Meta):
        verbose_name = _("eligibility rule")
        verbose_name_plural = _("eligibility rules")

    def __str__(self):
        return self.get_kind_display()

    def clean(self):
        missing = _("This rule needs this.")
        kind = self.Kind
        if self.kind == kind.REGISTERED_WITHIN and self.years is None:
            raise ValidationError({"years": missing})
        if self.kind == kind.MIN_MEMBERS and self.number is None:
            raise ValidationError({"number": missing})
        if self.kind == kind.PLACE and not (self.regions.all() or self.provinces.all()):
            raise ValidationError({"regions": _("List at least one region or one province.")})
        if self.kind == kind.LEGAL_FORM and not self.legal_forms.all():
            raise ValidationError({"legal_forms": missing})
        if self.kind == kind.SECTOR and not self.sectors.all():
            raise ValidationError({"sectors": missing})
        if self.kind in self.QUESTION_KINDS:
            self._check_question()

    def _check_question(self):
        if not self.question_key:
            raise ValidationError({"question_key": _("This rule needs this.")})
        expected = self.QUESTION_KINDS[self.kind]
        # A question added in the same save is not in the database yet: only a saved question
        # of the wrong type can be refused here.
        question = (
            CallQuestion.objects.filter(call_id=self.call_id, key=self.question_key).first()
            if self.call_id
            else None
        )
        if question is not None and question.kind != expected:
            raise ValidationError(
                {
                    "question_key": _("The question %(key)s is not a “%(type)s” question.")
                    % {"key": self.question_key, "type": CallQuestion.Kind(expected).label}
                }
            )

    def parameters(self):
        """What this rule is set to, as plain data a check keeps after the rule is gone."""
        kind = self.Kind
        if self.kind == kind.REGISTERED_WITHIN:
            return {"years": self.years}
        if self.kind == kind.MIN_MEMBERS:
            return {"number": self.number}
        if self.kind == kind.PLACE:
            return {
                "regions": sorted(region.pk for region in self.regions.all()),
                "provinces": sorted(province.pk for province in self.provinces.all()),
            }
        if self.kind == kind.LEGAL_FORM:
            return {"legal_forms": sorted(form.pk for form in self.legal_forms.all())}
        if self.kind == kind.SECTOR:
            return {"sectors": sorted(sector.pk for sector in self.sectors.all())}
        return {"question_key": self.question_key}


class EligibilityCheck(models.Model):
    """The result of one rule for one application, kept readable if the rule changes later."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="eligibility_checks"
    )
    rule = models.ForeignKey(
        EligibilityRule,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="checks",
    )
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("rule"), max_length=20, choices=EligibilityRule.Kind.choices)
    parameters = models.JSONField(default=dict)
    passed = models.BooleanField(_("passed"))
    #: What was measured, e.g. {"years": 4.6, "max": 4}: the reason is written from it.
    details = models.JSONField(default=dict)
    checked_at = models.DateTimeField(_("checked"), default=timezone.now)

    class Meta:
        verbose_name = _("eligibility check")
        verbose_name_plural = _("eligibility checks")
        ordering = ["application", "position", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.passed}"


class EligibilityOverride(models.Model):
    """A staff decision that replaces the screening's result; the latest one counts."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="eligibility_overrides"
    )
    eligible = models.BooleanField(_("eligible"))
    justification = models.TextField(_("justification"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)

    class Meta:
        verbose_name = _("eligibility override")
        verbose_name_plural = _("eligibility overrides")
        ordering = ["-decided_at", "-pk"]
        get_latest_by = ["decided_at", "pk"]

    def __str__(self):
        return f"{self.application}: {self.eligible}"
