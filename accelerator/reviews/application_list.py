"""The review figures of the back-office application list: the score column with its spread
flag, sorting by score, and per-criterion means in the CSV/XLSX export.

Everything is annotated on the one list query, so the page and the export run the same number
of queries for 5 or 5,000 applications.
"""

from django.db import models
from django.db.models.functions import Round
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column

from accelerator.core.backoffice import views

from .models import Criterion, Review, Score


def with_review_figures(applications):
    """Adds `spread_flagged`: the reviewers disagree by more than the call tolerates."""
    return applications.annotate(
        spread_flagged=models.Case(
            models.When(score_spread__gt=models.F("call__spread_threshold"), then=True),
            default=False,
            output_field=models.BooleanField(),
        )
    )


def criterion_key(criterion):
    return f"criterion_{criterion.pk}"


def criterion_means(applications, criteria):
    """One column per criterion: its mean over the application's submitted reviews."""
    return applications.annotate(
        **{
            criterion_key(criterion): models.Subquery(
                Score.objects.filter(
                    review__application=models.OuterRef("pk"),
                    review__status=Review.Status.SUBMITTED,
                    criterion=criterion,
                    value__isnull=False,
                )
                .values("criterion")
                .annotate(mean=Round(models.Avg("value"), 2))
                .values("mean")[:1]
            )
            for criterion in criteria
        }
    )


class ScoreColumn(Column):
    """The score out of 100, with a visible flag when the reviewers disagree too much."""

    def get_value(self, instance):
        if instance.score is None:
            return "—"
        if getattr(instance, "spread_flagged", False):
            return format_html(
                '{} <strong class="w-text-critical-200" title="{}">⚠ {}</strong>',
                localize(instance.score),
                _("Spread between reviewers: %(spread)s")
                % {"spread": localize(instance.score_spread)},
                _("to check"),
            )
        return localize(instance.score)


def yes_or_blank(value):
    return str(_("Yes")) if value else ""


class ApplicationIndexView(views.IndexView):
    #: What the listing's columns show; an export reads more, in chunks (see as_spreadsheet).
    listing_related = ("call", "region", "province", "sector")

    custom_field_preprocess = {
        "spread_flagged": {
            views.IndexView.FORMAT_CSV: yes_or_blank,
            views.IndexView.FORMAT_XLSX: yes_or_blank,
        }
    }

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.is_export:
            # The form as the applicant saw it and their unsent draft: large JSON no column of
            # the export reads (2,000 rows of it take ~80 MB once decoded).
            return queryset.defer("questions_snapshot", "draft_data")
        # Each table joined costs PostgreSQL planning time on every page of the listing: past
        # eight, more than running the query (13 ms against 2 ms at 50,000 applications).
        return queryset.select_related(None).select_related(*self.listing_related)

    def order_queryset(self, queryset):
        # Unscored applications go last whichever way scores are sorted.
        if self.ordering == "score":
            return queryset.order_by(models.F("score").asc(nulls_last=True), "submitted_at", "pk")
        if self.ordering == "-score":
            return queryset.order_by(models.F("score").desc(nulls_last=True), "submitted_at", "pk")
        return super().order_queryset(queryset)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        criteria = list(
            Criterion.objects.filter(call__in=queryset.values("call_id"))
            .select_related("call")
            .order_by("call__reference_prefix", "sort_order", "pk")
        )
        several_calls = len({criterion.call_id for criterion in criteria}) > 1
        self.list_export = [*self.list_export, *map(criterion_key, criteria)]
        self.export_headings = {
            **self.export_headings,
            **{
                criterion_key(criterion): (
                    f"{criterion.call.reference_prefix} · {criterion.name}"
                    if several_calls
                    else criterion.name
                )
                for criterion in criteria
            },
        }
        return super().as_spreadsheet(criterion_means(queryset, criteria), spreadsheet_format)


SCORE_EXPORT_HEADINGS = {
    "score": gettext_lazy("Score (mean of reviews)"),
    "score_spread": gettext_lazy("Spread between reviewers"),
    "spread_flagged": gettext_lazy("Spread to check"),
    "reviews_completed": gettext_lazy("Reviews completed"),
}
