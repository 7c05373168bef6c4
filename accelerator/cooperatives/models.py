import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from accelerator.programs.models import LegalForm, Program, Province, Region, Sector


def normalise_registration_number(value):
    """Registration numbers are compared without case, spaces, dots or dashes."""
    return re.sub(r"[\s.\-_/]", "", value or "").upper()


class CooperativeQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Office staff see the cooperatives that applied to their programs."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        programs = Program.objects.managed_by(user)
        return self.filter(applications__call__program__in=programs).distinct()

    def with_places(self):
        return self.select_related("legal_form", "region", "province", "sector")


class CooperativeProfile(models.Model):
    """What a cooperative tells about itself: kept on the registry and, as it stood on the day,
    on each application. Required-ness is decided by the forms (a draft may be incomplete)."""

    legal_name = models.CharField(
        _("legal name"), max_length=255, blank=True, help_text=_("As registered, in any script.")
    )
    registration_number = models.CharField(_("registration number"), max_length=60, blank=True)
    registration_key = models.CharField(max_length=60, blank=True, db_index=True, editable=False)
    registration_date = models.DateField(_("registration date"), null=True, blank=True)
    legal_form = models.ForeignKey(
        LegalForm,
        verbose_name=_("legal form"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    province = models.ForeignKey(
        Province,
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    commune = models.CharField(_("commune"), max_length=150, blank=True)
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    members_total = models.PositiveIntegerField(_("members"), null=True, blank=True)
    members_women = models.PositiveIntegerField(_("women members"), null=True, blank=True)
    members_youth = models.PositiveIntegerField(_("young members"), null=True, blank=True)
    founders_count = models.PositiveIntegerField(_("founders"), null=True, blank=True)
    products = models.TextField(_("products"), blank=True)
    annual_turnover = models.DecimalField(
        _("annual turnover"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    PROFILE_FIELDS = (
        "legal_name",
        "registration_number",
        "registration_date",
        "legal_form",
        "region",
        "province",
        "commune",
        "sector",
        "members_total",
        "members_women",
        "members_youth",
        "founders_count",
        "products",
        "annual_turnover",
        "contact_name",
        "contact_phone",
        "contact_email",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.registration_key = normalise_registration_number(self.registration_number)
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        for name in ("members_women", "members_youth"):
            value = getattr(self, name)
            if self.members_total is not None and value is not None and value > self.members_total:
                errors[name] = _("This cannot be more than the number of members (%(total)s).") % {
                    "total": self.members_total
                }
        if self.province_id and self.region_id and self.province.region_id != self.region_id:
            errors["province"] = _("This province is not in the region chosen.")
        if errors:
            raise ValidationError(errors)

    @property
    def women_led(self):
        """Women are the majority of members."""
        return bool(self.members_total) and (self.members_women or 0) * 2 > self.members_total

    @property
    def youth_led(self):
        """Young people are the majority of members."""
        return bool(self.members_total) and (self.members_youth or 0) * 2 > self.members_total

    def copy_profile_from(self, other):
        for name in self.PROFILE_FIELDS:
            setattr(self, name, getattr(other, name))


class Cooperative(CooperativeProfile):
    """A cooperative of the registry, one per registration number, updated by each submission."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CooperativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("cooperative")
        verbose_name_plural = _("cooperatives")
        ordering = ["legal_name"]
        constraints = [
            models.UniqueConstraint(fields=["registration_key"], name="unique_cooperative_number")
        ]

    def __str__(self):
        return self.legal_name
