"""Forms of the development plan. The rules themselves live in `plans.check_action`, so the
workspace, the admin and any import apply the same ones."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accelerator.core.widgets import DateInput

from . import plans
from .models import ActionCategory, PlanAction

BUDGET_FIELDS = ("budget_program", "budget_cooperative", "budget_other")


class RevisionField(forms.IntegerField):
    """The plan's revision when the form was opened: a save from an older copy is refused."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)


class SwotItemChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, item):
        return format_html(
            "<span>{}: <bdi>{}</bdi></span>", item.get_quadrant_display(), item.description
        )


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Action"), max_length=300)
    objective = forms.ModelChoiceField(
        label=_("Objective"), queryset=None, required=False, empty_label=_("No objective")
    )
    category = forms.ChoiceField(label=_("Category"), choices=ActionCategory.choices)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    swot_items = SwotItemChoiceField(
        label=_("SWOT items this action answers"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    domain_codes = forms.MultipleChoiceField(
        label=_("Domains this action strengthens"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Weak domains come first."),
    )
    owner = forms.CharField(
        label=_("Who carries it"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    start_date = forms.DateField(label=_("Start"), required=False, widget=DateInput)
    due_date = forms.DateField(label=_("Due"), required=False, widget=DateInput)
    budget_program = forms.DecimalField(label=_("Budget from the program"), required=False)
    budget_cooperative = forms.DecimalField(label=_("Budget from the cooperative"), required=False)
    budget_other = forms.DecimalField(label=_("Budget from another partner"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=PlanAction.Status.choices, initial=PlanAction.Status.PLANNED
    )
    progress = forms.IntegerField(
        label=_("Progress (%)"),
        required=False,
        initial=0,
        widget=forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1, "inputmode": "numeric"}),
    )
    revision = RevisionField()

    def __init__(self, *args, plan, weak_codes=(), domain_labels=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["objective"].queryset = plan.objectives.all()
        self.fields["swot_items"].queryset = plan.diagnostic.swot_items.select_related("domain")
        self.fields["swot_items"].choices = [
            (item.pk, self.fields["swot_items"].label_from_instance(item))
            for item in plans.swot_choices(plan.diagnostic)
        ]
        labels = plans.domain_labels(plan.diagnostic) if domain_labels is None else domain_labels
        weak = [code for code in weak_codes if code in labels]
        self.fields["domain_codes"].choices = [
            (code, _("%(domain)s (weak)") % {"domain": labels[code]}) for code in weak
        ] + [(code, name) for code, name in labels.items() if code not in weak]
        for name in BUDGET_FIELDS:
            self.fields[name].widget.attrs.update({"min": 0, "step": "any", "inputmode": "decimal"})
        currency = plan.member.cohort.program.currency
        for name in BUDGET_FIELDS:
            self.fields[name].help_text = _("In %(currency)s") % {"currency": currency}

    def clean(self):
        data = super().clean()
        for name in BUDGET_FIELDS:
            if data.get(name) is None and name not in self.errors:
                data[name] = 0
        if data.get("progress") is None and "progress" not in self.errors:
            data["progress"] = 0
        try:
            plans.check_action(self.plan, data)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                if field not in self.errors:
                    self.add_error(field if field in self.fields else None, messages)
        return data


def action_initial(action, revision):
    initial = {name: getattr(action, name) for name in plans.ACTION_FIELDS}
    initial["swot_items"] = [item.pk for item in action.swot_items.all()]
    initial["domain_codes"] = list(action.domain_codes)
    initial["revision"] = revision
    return initial


class ObjectiveForm(forms.Form):
    title = forms.CharField(
        label=_("Objective"), max_length=300, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    revision = RevisionField()


class RevisionForm(forms.Form):
    """The buttons that change the plan without other fields: remove, submit."""

    revision = RevisionField()


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should change"),
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
        max_length=4000,
        error_messages={"required": _("Say what should change before returning the plan.")},
    )
