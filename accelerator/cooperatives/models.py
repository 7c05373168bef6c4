import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

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

    def represented_by(self, user):
        """The cooperatives this person speaks for in the cooperatives' portal. Kept apart from
        `visible_to`: a representative sees their own cooperative's records, never staff
        screens."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            representatives__in=Representative.objects.active().filter(user=user)
        ).distinct()

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


class Cooperative(ClusterableModel, CooperativeProfile):
    """A cooperative of the registry, one per registration number, updated by each submission.

    Clusterable so that its representatives are edited on its own admin page."""

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


def normalise_email(value):
    return (value or "").strip().lower()


class RepresentativeQuerySet(models.QuerySet):
    def active(self):
        """Representatives whose access has not been removed (or is removed at a later date)."""
        return self.filter(
            models.Q(revoked_at__isnull=True) | models.Q(revoked_at__gt=timezone.now())
        )

    def for_email(self, email):
        return self.filter(email=normalise_email(email))


class Representative(models.Model):
    """A person who speaks for a cooperative and signs in to its portal with a link sent to
    this e-mail address. Their account is created on their first sign-in."""

    cooperative = ParentalKey(
        Cooperative,
        verbose_name=_("cooperative"),
        on_delete=models.CASCADE,
        related_name="representatives",
    )
    email = models.EmailField(_("e-mail address"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="representations",
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    revoked_at = models.DateTimeField(
        _("access removed on"),
        null=True,
        blank=True,
        help_text=_("From this moment the person can no longer sign in to the portal."),
    )

    objects = RepresentativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cooperative", "email"], name="one_representative_per_email"
            )
        ]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)


class LoginToken(models.Model):
    """A one-time sign-in link of the portal. Only a hash of the token is kept: a copy of the
    database opens nothing."""

    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("sign-in link")
        verbose_name_plural = _("sign-in links")

    def __str__(self):
        return f"{self.email} — {self.created_at:%Y-%m-%d %H:%M}"
