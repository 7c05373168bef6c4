"""Workspace forms of technical assistance and marketing support. The rules live in
`assistance.check_*`, so every entry point applies the same ones."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accelerator.core.widgets import DateInput

from . import assistance
from .models import MarketingSupport, TechnicalAssistance


def amount_input():
    return forms.NumberInput(attrs={"min": 0, "step": "any", "inputmode": "decimal"})


def typed_text(rows=None):
    if rows:
        return forms.Textarea(attrs={"rows": rows, "dir": "auto"})
    return forms.TextInput(attrs={"dir": "auto"})


class PlanActionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, action):
        return format_html(
            "<span>{}: <bdi>{}</bdi></span>", action.get_category_display(), action.title
        )


class SupportForm(forms.ModelForm):
    """A record of one cooperative, linked to actions of that cooperative's plan."""

    amount_fields = ()
    check = None

    plan_actions = PlanActionChoiceField(
        label=_("Plan actions this support serves"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.member = member
        actions = list(assistance.plan_actions_of(member))
        self.plan_action_ids = {action.pk for action in actions}
        field = self.fields["plan_actions"]
        field.queryset = assistance.plan_actions_of(member)
        field.choices = [(action.pk, field.label_from_instance(action)) for action in actions]
        if not actions:
            field.help_text = _("This cooperative has no development plan with actions yet.")
        currency = member.cohort.program.currency
        for name in self.amount_fields:
            self.fields[name].widget = amount_input()
            self.fields[name].help_text = _("In %(currency)s") % {"currency": currency}

    def clean(self):
        data = super().clean()
        try:
            self.check(self.member, data, plan_actions=self.plan_action_ids)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                if field not in self.errors:
                    self.add_error(field if field in self.fields else None, messages)
        return data


class TechnicalAssistanceForm(SupportForm):
    amount_fields = assistance.COST_FIELDS
    check = staticmethod(assistance.check_technical_assistance)

    class Meta:
        model = TechnicalAssistance
        fields = [*assistance.TECHNICAL_ASSISTANCE_FIELDS, "plan_actions"]
        labels = {
            "kind": _("Kind of assistance"),
            "title": _("What was provided"),
            "provider": _("Provided by"),
            "delivered_on": _("Date"),
            "quantity": _("Quantity"),
            "cost_program": _("Paid by the program"),
            "cost_cooperative": _("Paid by the cooperative"),
            "cost_other": _("Paid by another partner"),
        }
        help_texts = {
            "description": _("For equipment: what it is and what it is for."),
            "quantity": _("For equipment and materials: how many items."),
        }
        widgets = {
            "title": typed_text(),
            "description": typed_text(rows=3),
            "provider": typed_text(),
            "delivered_on": DateInput(),
            "quantity": forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
        }


class MarketingSupportForm(SupportForm):
    amount_fields = assistance.MARKETING_AMOUNT_FIELDS
    check = staticmethod(assistance.check_marketing_support)

    class Meta:
        model = MarketingSupport
        fields = [*assistance.MARKETING_FIELDS, "plan_actions"]
        labels = {
            "product": _("Product"),
            "kind": _("Kind of support"),
            "supported_on": _("Date"),
            "certification": _("Certification"),
            "certification_level": _("Stars or level"),
            "obtained_on": _("Obtained on"),
            "expires_on": _("Expires on"),
            "channel": _("Channel, segment, fair or buyer"),
            "contract_value": _("Contract value"),
            "sales_before": _("Yearly sales before"),
            "sales_after": _("Yearly sales after"),
            "income_before": _("Yearly income before"),
            "income_after": _("Yearly income after"),
        }
        help_texts = {
            "certification": _("e.g. OCOP, organic, PGI."),
            "certification_level": _("e.g. 3 for an OCOP 3-star product."),
        }
        widgets = {
            "product": typed_text(),
            "description": typed_text(rows=3),
            "certification": typed_text(),
            "certification_level": forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
            "supported_on": DateInput(),
            "obtained_on": DateInput(),
            "expires_on": DateInput(),
            "channel": typed_text(),
        }


class DigestPreferenceForm(forms.Form):
    weekly_digest = forms.BooleanField(
        label=_("Send me the weekly digest by e-mail"),
        required=False,
        help_text=_("Sent on Monday morning, only when there is something to report."),
    )
    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)
