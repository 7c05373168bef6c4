"""The capacity scorecard: domains and questions on a 0–4 scale, versioned so that every
diagnostic stays comparable with the others made with the same version."""

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

LEVELS = range(5)


class Instrument(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def current_version(self):
        return self.versions.order_by("-number").first()


class InstrumentVersionQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(is_published=True)


class InstrumentVersion(models.Model):
    """One version of an instrument. Frozen from the first diagnostic made with it: changing
    it afterwards means creating the next version."""

    instrument = models.ForeignKey(
        Instrument,
        verbose_name=_("instrument"),
        on_delete=models.PROTECT,
        related_name="versions",
    )
    number = models.PositiveSmallIntegerField(_("version"))
    is_published = models.BooleanField(_("offered to coaches"), default=False)
    frozen_at = models.DateTimeField(_("frozen"), null=True, blank=True, editable=False)
    notes = models.TextField(_("what changed"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = InstrumentVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("instrument version")
        verbose_name_plural = _("instrument versions")
        ordering = ["instrument", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "number"], name="unique_version_number")
        ]

    def __str__(self):
        return _("%(instrument)s, version %(number)s") % {
            "instrument": self.instrument,
            "number": self.number,
        }

    @property
    def is_frozen(self):
        return self.frozen_at is not None

    def freeze(self):
        if self.frozen_at is None:
            InstrumentVersion.objects.filter(pk=self.pk, frozen_at__isnull=True).update(
                frozen_at=timezone.now()
            )
            self.refresh_from_db(fields=["frozen_at"])

    @transaction.atomic
    def new_version(self):
        """The next version, a copy of this one whose questions are marked equivalent to
        these; edit it freely before publishing it."""
        latest = self.instrument.versions.order_by("-number").first()
        copy = InstrumentVersion.objects.create(
            instrument=self.instrument, number=latest.number + 1, notes=""
        )
        for domain in self.domains.prefetch_related("questions"):
            questions = list(domain.questions.all())
            domain.pk = None
            domain.version = copy
            domain.save()
            for question in questions:
                original = question.pk
                question.pk = None
                question.domain = domain
                question.equivalent_to_id = question.equivalent_to_id or original
                question.save()
        return copy


class Domain(ClusterableModel):
    version = models.ForeignKey(
        InstrumentVersion,
        verbose_name=_("instrument version"),
        on_delete=models.CASCADE,
        related_name="domains",
    )
    code = models.SlugField(
        _("code"),
        max_length=40,
        help_text=_("Stays the same across versions, e.g. governance."),
    )
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=1)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("domain")
        verbose_name_plural = _("domains")
        ordering = ["version", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="unique_domain_per_version")
        ]

    def __str__(self):
        return self.name


class Question(Orderable):
    domain = ParentalKey(Domain, on_delete=models.CASCADE, related_name="questions")
    code = models.SlugField(_("code"), max_length=60)
    text = models.CharField(_("question"), max_length=400)
    evidence_hint = models.CharField(_("evidence to look for"), max_length=400, blank=True)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=1)
    level_0 = models.CharField(_("level 0 — absent"), max_length=300)
    level_1 = models.CharField(_("level 1 — weak"), max_length=300)
    level_2 = models.CharField(_("level 2 — basic"), max_length=300)
    level_3 = models.CharField(_("level 3 — good"), max_length=300)
    level_4 = models.CharField(_("level 4 — very good"), max_length=300)
    equivalent_to = models.ForeignKey(
        "self",
        verbose_name=_("same question as"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The question of an earlier version this one measures in the same way."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text

    @property
    def lineage(self):
        """The id shared by this question and its equivalents in every version."""
        return self.equivalent_to_id or self.pk

    def descriptors(self):
        return [(level, getattr(self, f"level_{level}")) for level in LEVELS]
