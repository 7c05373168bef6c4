"""The call form's "Scoring" tab: the review settings and the weighted criteria."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList, Panel

from accelerator.core.backoffice.panels import translated_fields

from .models import Score

CRITERION_PANELS = [
    translated_fields("name", gettext_lazy("Criterion")),
    translated_fields("description", gettext_lazy("Description")),
    FieldRowPanel([FieldPanel("weight"), FieldPanel("scale_max")]),
]


class CriterionFormSet(BaseChildFormSet):
    """The grid as a whole: weights add up to 100, and what reviewers already scored stays."""

    def clean(self):
        super().clean()
        if any(form.errors for form in self.forms if not self._should_delete_form(form)):
            return
        self.keep_scored_criteria()
        kept = [
            form for form in self.forms if form.cleaned_data and not self._should_delete_form(form)
        ]
        total = sum(form.cleaned_data.get("weight") or 0 for form in kept)
        if kept and total != 100:
            raise ValidationError(
                _("The weights of the criteria must add up to 100; they now add up to %(total)d.")
                % {"total": total},
                code="weights",
            )

    def keep_scored_criteria(self):
        existing = [form for form in self.forms if form.instance.pk]
        scored = set(
            Score.objects.filter(criterion__in=[form.instance.pk for form in existing])
            .values_list("criterion_id", flat=True)
            .distinct()
        )
        for form in existing:
            if form.instance.pk not in scored:
                continue
            if self._should_delete_form(form):
                raise ValidationError(
                    _("Reviewers have already scored “%(criterion)s”: it cannot be removed.")
                    % {"criterion": form.instance.name},
                    code="scored",
                )
            for name in ("weight", "scale_max"):
                if name in form.changed_data:
                    form.add_error(
                        name,
                        _("Reviewers have already scored this criterion: this cannot change."),
                    )


class CriteriaPanel(InlinePanel):
    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = CriterionFormSet
        return options


class CallReviewsLinkPanel(Panel):
    """A link from the call form to the call's reviews: progress, assignment, ranking."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "reviews/admin/call_reviews_link_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["url"] = reverse("reviews:call", args=[self.instance.pk])
            return context


def scoring_tab():
    """The tab the call form shows for reviewing: seats, region rule, spread, criteria."""
    return ObjectList(
        [
            CallReviewsLinkPanel(heading=gettext_lazy("Reviews")),
            FieldRowPanel(
                [FieldPanel("reviewers_per_application"), FieldPanel("spread_threshold")]
            ),
            FieldPanel("exclude_own_region"),
            CriteriaPanel(
                "criteria",
                heading=gettext_lazy("Scoring grid"),
                label=gettext_lazy("Criterion"),
                panels=CRITERION_PANELS,
                help_text=gettext_lazy(
                    "Weights add up to 100. Each criterion is scored from 0 to its highest "
                    "score; its share of that scale earns its share of its weight."
                ),
            ),
        ],
        heading=gettext_lazy("Scoring"),
    )
