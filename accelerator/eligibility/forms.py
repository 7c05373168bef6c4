from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import EligibilityRule

LIST_FIELDS = ("regions", "provinces", "legal_forms", "sectors")


class EligibilityRuleForm(WagtailAdminModelForm):
    """A rule of the call form's Eligibility tab."""

    class Meta:
        model = EligibilityRule
        fields = ["kind", "years", "number", *LIST_FIELDS, "question_key"]

    def clean(self):
        cleaned_data = super().clean()
        # The lists are otherwise set on the rule only when it is saved: set them now so that
        # the rule's own clean() checks the lists chosen in this form.
        for name in LIST_FIELDS:
            if name in cleaned_data:
                setattr(self.instance, name, cleaned_data[name])
        return cleaned_data


class OverrideForm(forms.Form):
    eligible = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("yes", _("Eligible")), ("no", _("Not eligible"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    justification = forms.CharField(
        label=_("Justification"),
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        help_text=_("Kept in the application's history with your name and the date."),
        error_messages={"required": _("Say why the result of the screening is replaced.")},
    )
