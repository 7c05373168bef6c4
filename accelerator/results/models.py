from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from accelerator.programs.models import Cohort, Phase


class ResultsSnapshot(models.Model):
    """The figures last computed for one scope of a cohort (the whole cohort, a phase, a region,
    a sector or a combination), kept so that a lost cache never leaves a results page empty."""

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="results"
    )
    key = models.CharField(_("scope"), max_length=60)
    data = models.JSONField(_("figures"))
    computed_at = models.DateTimeField(_("computed"))

    class Meta:
        verbose_name = _("results snapshot")
        verbose_name_plural = _("results snapshots")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "key"], name="one_snapshot_per_scope")
        ]

    def __str__(self):
        return f"{self.cohort} — {self.key}"


class CohortResultsPage(RoutablePageMixin, Page):
    """A cohort's results, computed from the records, with open data (CSV, JSON) of exactly the
    figures shown. One page per language, linked by Wagtail's translation key."""

    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("cohort"),
        on_delete=models.PROTECT,
        related_name="results_pages",
        help_text=_("Every figure is computed from this cohort's records."),
    )
    phase = models.ForeignKey(
        Phase,
        verbose_name=_("phase"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leave empty to show the whole cohort, with a filter by phase."),
    )
    intro = models.TextField(_("introduction"), blank=True, max_length=1200)

    content_panels = [
        *Page.content_panels,
        FieldPanel("cohort"),
        FieldPanel("phase"),
        FieldPanel("intro"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.ProgramPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("cohort results page")
        verbose_name_plural = _("cohort results pages")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.phase_id and self.cohort_id and self.phase.cohort_id != self.cohort_id:
            raise ValidationError({"phase": _("This phase belongs to another cohort.")})

    @path("")
    def results(self, request):
        from . import views

        return views.results_page(request, self)

    @path("data/csv/", name="data_csv")
    def data_csv(self, request):
        from . import views

        return views.data_csv(request, self)

    @path("data/json/", name="data_json")
    def data_json(self, request):
        from . import views

        return views.data_json(request, self)
