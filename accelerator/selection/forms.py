import uuid

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from accelerator.calls.models import Application
from accelerator.programs.models import Phase, Region

from .models import Outcome, Proposal, RejectionReason


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=Outcome.choices)
    reason = forms.ChoiceField(
        label=_("Reason (when not selected)"),
        choices=[("", "---------"), *RejectionReason.choices],
        required=False,
    )
    note = forms.CharField(
        label=_("Note to the applicant"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )
    phase = forms.ModelChoiceField(
        label=_("Phase (when admitted)"), queryset=Phase.objects.none(), required=False
    )
    # Posting this form twice records one decision; a decision recorded by someone else since
    # the form was opened is a conflict (services.decide).
    request_key = forms.CharField(max_length=40, required=False, widget=forms.HiddenInput)
    seen_decision = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, cohort=None, **kwargs):
        super().__init__(*args, **kwargs)
        if cohort is not None:
            self.fields["phase"].queryset = cohort.phases.all()
        if not self.is_bound:
            self.initial.setdefault("request_key", uuid.uuid4().hex)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == Outcome.REJECT and not cleaned.get("reason"):
            self.add_error("reason", _("Choose the reason for not selecting this application."))
        return cleaned


class BulkDecisionForm(DecisionForm):
    """The same decision for every application of a filtered list."""

    confirm = forms.BooleanField(
        label=_("I have checked the list: apply this decision to every application in it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["phase"]
        del self.fields["seen_decision"]


class ProposalForm(forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ["prefer_women_led", "prefer_youth_led", "min_region_share", "min_score"]
        widgets = {
            "min_region_share": forms.NumberInput(attrs={"min": 0, "max": 100}),
            "min_score": forms.NumberInput(attrs={"min": 0, "max": 100, "step": "0.5"}),
        }

    def clean_min_score(self):
        score = self.cleaned_data["min_score"]
        if not 0 <= score <= 100:
            raise forms.ValidationError(_("A score is between 0 and 100."))
        return score

    def clean_min_region_share(self):
        share = self.cleaned_data["min_region_share"]
        if share > 100:
            raise forms.ValidationError(_("A share is at most 100%."))
        return share


class SelectionFilterSet(django_filters.FilterSet):
    """Which applications a bulk decision applies to."""

    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[c for c in Application.Status.choices if c[0] != Application.Status.DRAFT],
    )
    eligibility = django_filters.ChoiceFilter(
        label=_("Eligibility"), choices=Application.Eligibility.choices
    )
    region = django_filters.ModelChoiceFilter(label=_("Region"), queryset=Region.objects.all())
    phase = django_filters.ModelChoiceFilter(label=_("Phase"), queryset=Phase.objects.none())
    score_min = django_filters.NumberFilter(
        label=_("Score at least"), field_name="score", lookup_expr="gte"
    )
    score_max = django_filters.NumberFilter(
        label=_("Score at most"), field_name="score", lookup_expr="lte"
    )

    class Meta:
        model = Application
        fields = ["status", "eligibility", "region", "phase"]

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["phase"].queryset = call.cohort.phases.all()
        self.filters["region"].queryset = Region.objects.filter(country=call.program.country)
