"""The Eligibility tab of the call's edit form."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList, Panel

from .forms import EligibilityRuleForm
from .services import labelled_summary

RULE_PANELS = [
    FieldPanel("kind"),
    FieldRowPanel([FieldPanel("years"), FieldPanel("number")]),
    FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
    FieldPanel("provinces", widget=forms.CheckboxSelectMultiple),
    FieldPanel("legal_forms", widget=forms.CheckboxSelectMultiple),
    FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
    FieldPanel("question_key"),
]


class EligibilityRulesPanel(InlinePanel):
    """The call's rules, each checked by its own form (the lists a rule needs included)."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = EligibilityRuleForm
        return options


class ScreenAgainPanel(Panel):
    """Where the applications stand, and the way to screen them again after a rule changed."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "eligibility/admin/screen_again_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            call = self.instance
            if call is not None and call.pk:
                context["screen_url"] = reverse("eligibility_screen_call", args=[call.pk])
                context["summary"] = labelled_summary(call)
            return context


def eligibility_tab():
    return ObjectList(
        [
            ScreenAgainPanel(heading=_("Screening")),
            EligibilityRulesPanel(
                "eligibility_rules",
                heading=_("Rules every application must meet"),
                label=_("Rule"),
                panels=RULE_PANELS,
            ),
        ],
        heading=_("Eligibility"),
    )
