from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable


class Country(models.TextChoices):
    MOROCCO = "MA", _("Morocco")
    VIETNAM = "VN", _("Vietnam")


class Currency(models.TextChoices):
    MAD = "MAD", _("Moroccan dirham (MAD)")
    VND = "VND", _("Vietnamese dong (VND)")
    EUR = "EUR", _("Euro (EUR)")
    USD = "USD", _("US dollar (USD)")


class ReferenceQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class ReferenceData(models.Model):
    """A translated entry of a list staff maintain (regions, sectors, legal forms)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=150)
    is_active = models.BooleanField(_("offered in forms"), default=True)

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Region(ReferenceData):
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)

    class Meta(ReferenceData.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["country", "name"]


class Province(ReferenceData):
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="provinces"
    )

    class Meta(ReferenceData.Meta):
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["region__name", "name"]


class Sector(ReferenceData):
    class Meta(ReferenceData.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class LegalForm(ReferenceData):
    class Meta(ReferenceData.Meta):
        verbose_name = _("legal form")
        verbose_name_plural = _("legal forms")


class Organisation(models.Model):
    """A funder, an implementing office or a partner."""

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class ProgramQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Programs a person works on: all for superusers, their memberships otherwise."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(memberships__user=user).distinct()

    def managed_by(self, user):
        """Programs whose office this person is part of (administrator or officer)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(
            memberships__user=user, memberships__role__in=Membership.Role.office_roles()
        ).distinct()


class Program(ClusterableModel):
    name = models.CharField(_("name"), max_length=200)
    code = models.SlugField(
        _("short code"), max_length=20, unique=True, help_text=_("Used in references and URLs.")
    )
    description = models.TextField(_("description"), blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    funders = ParentalManyToManyField(
        Organisation, verbose_name=_("funders"), related_name="funded_programs", blank=True
    )
    implementing_office = models.ForeignKey(
        Organisation,
        verbose_name=_("implementing office"),
        on_delete=models.PROTECT,
        related_name="implemented_programs",
        null=True,
        blank=True,
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    youth_age_limit = models.PositiveSmallIntegerField(
        _("youth age limit"),
        default=35,
        help_text=_("People up to this age (included) count as youth in this program's figures."),
    )

    objects = ProgramQuerySet.as_manager()

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        ordering = ["-start_date", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date must come after the start date.")})


class Membership(models.Model):
    """A person's role in one program; the same person may hold other roles elsewhere."""

    class Role(models.TextChoices):
        ADMINISTRATOR = "administrator", _("Program administrator")
        OFFICER = "officer", _("Program officer")
        REVIEWER = "reviewer", _("Reviewer")
        COACH = "coach", _("Coach")
        TRAINER = "trainer", _("Trainer")

        @classmethod
        def office_roles(cls):
            return [cls.ADMINISTRATOR, cls.OFFICER]

    program = ParentalKey(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    region = models.ForeignKey(
        Region,
        verbose_name=_("home region"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Where this person lives or works: reviewers do not score their own region."),
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["program", "user", "role"], name="unique_program_role")
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} — {self.program}"


class CohortQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(program__in=Program.objects.visible_to(user))


class Cohort(ClusterableModel):
    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.PROTECT, related_name="cohorts"
    )
    name = models.CharField(_("name"), max_length=200)
    capacity = models.PositiveIntegerField(
        _("capacity"), help_text=_("How many cooperatives the cohort admits.")
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))

    objects = CohortQuerySet.as_manager()

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["program", "start_date"]

    def __str__(self):
        return f"{self.program} — {self.name}"

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date must come after the start date.")})


class Phase(Orderable):
    """A part of a cohort admitted separately, with its own capacity and regions."""

    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="phases")
    name = models.CharField(_("name"), max_length=200)
    capacity = models.PositiveIntegerField(_("capacity"))
    regions = ParentalManyToManyField(Region, verbose_name=_("regions"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self):
        return self.name
