"""Technical assistance and marketing support, each tied to the plan actions it serves."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from accelerator.selection.models import CohortMember


class CoFinancing(models.Model):
    """A cost shared between the program, the cooperative and another partner."""

    cost_program = models.DecimalField(
        _("paid by the program"), max_digits=16, decimal_places=2, default=0
    )
    cost_cooperative = models.DecimalField(
        _("paid by the cooperative"), max_digits=16, decimal_places=2, default=0
    )
    cost_other = models.DecimalField(
        _("paid by another partner"), max_digits=16, decimal_places=2, default=0
    )

    class Meta:
        abstract = True

    @property
    def cost_total(self):
        return self.cost_program + self.cost_cooperative + self.cost_other


class SupportQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(member__in=CohortMember.objects.visible_to(user))


class TechnicalAssistance(CoFinancing):
    class Kind(models.TextChoices):
        EXPERT_ADVICE = "expert_advice", _("Expert advice")
        EXPERIENCE_EXCHANGE = "experience_exchange", _("Experience exchange / study visit")
        EQUIPMENT = "equipment", _("Equipment and materials")
        INSTITUTION_BUILDING = "institution_building", _("Institution building")

    member = models.ForeignKey(
        CohortMember,
        verbose_name=_("cooperative"),
        on_delete=models.PROTECT,
        related_name="technical_assistance",
    )
    kind = models.CharField(_("kind"), max_length=25, choices=Kind.choices)
    title = models.CharField(_("what"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    provider = models.CharField(_("provided by"), max_length=200, blank=True)
    delivered_on = models.DateField(_("date"))
    quantity = models.PositiveIntegerField(_("quantity"), null=True, blank=True)
    plan_actions = models.ManyToManyField(
        "diagnostics.PlanAction",
        verbose_name=_("plan actions served"),
        blank=True,
        related_name="technical_assistance",
    )

    objects = SupportQuerySet.as_manager()

    class Meta:
        verbose_name = _("technical assistance")
        verbose_name_plural = _("technical assistance")
        ordering = ["-delivered_on", "pk"]

    def __str__(self):
        return self.title


class MarketingSupport(models.Model):
    class Kind(models.TextChoices):
        PACKAGING = "packaging", _("Packaging")
        LABELLING = "labelling", _("Labelling")
        BRANDING = "branding", _("Branding")
        CERTIFICATION = "certification", _("Certification")
        NEW_SEGMENT = "new_segment", _("New market segment")
        NEW_CHANNEL = "new_channel", _("New sales channel")
        TRADE_FAIR = "trade_fair", _("Trade fair")
        BUYER_CONTRACT = "buyer_contract", _("Buyer contract")

    member = models.ForeignKey(
        CohortMember,
        verbose_name=_("cooperative"),
        on_delete=models.PROTECT,
        related_name="marketing_support",
    )
    product = models.CharField(_("product"), max_length=200)
    kind = models.CharField(_("support"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    supported_on = models.DateField(_("date"))
    certification = models.CharField(
        _("certification"), max_length=100, blank=True, help_text=_("e.g. OCOP, organic, PGI.")
    )
    certification_level = models.PositiveSmallIntegerField(
        _("stars or level"), null=True, blank=True
    )
    obtained_on = models.DateField(_("obtained on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    channel = models.CharField(_("channel, segment, fair or buyer"), max_length=200, blank=True)
    contract_value = models.DecimalField(
        _("contract value"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    sales_before = models.DecimalField(
        _("yearly sales before"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    sales_after = models.DecimalField(
        _("yearly sales after"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    income_before = models.DecimalField(
        _("yearly income before"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    income_after = models.DecimalField(
        _("yearly income after"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    plan_actions = models.ManyToManyField(
        "diagnostics.PlanAction",
        verbose_name=_("plan actions served"),
        blank=True,
        related_name="marketing_support",
    )

    objects = SupportQuerySet.as_manager()

    class Meta:
        verbose_name = _("marketing support")
        verbose_name_plural = _("marketing support")
        ordering = ["-supported_on", "pk"]

    def __str__(self):
        return f"{self.product} — {self.get_kind_display()}"
