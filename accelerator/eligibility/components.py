from django.middleware.csrf import get_token
from django.urls import reverse
from wagtail.admin.ui.components import Component

from .forms import OverrideForm
from .reasons import reason_html


def check_rows(checks):
    """Each check as a row of the table: the rule, passed or not, the reason in the reader's
    language."""
    return [
        {"rule": check.get_kind_display(), "passed": check.passed, "reason": reason_html(check)}
        for check in checks
    ]


class ApplicationEligibilityPanel(Component):
    """The application's screening, rule by rule, its overrides and the form to override."""

    template_name = "eligibility/admin/application_panel.html"

    def __init__(self, request, application):
        self.request = request
        self.application = application
        # Its own ids: other sections of the page have forms of their own.
        self.form = OverrideForm(auto_id="eligibility-%s")

    def get_context_data(self, parent_context=None):
        application = self.application
        checks = list(application.eligibility_checks.all())
        overrides = list(application.eligibility_overrides.select_related("decided_by"))
        return {
            "application": application,
            "checks": check_rows(checks),
            "checked_at": max((check.checked_at for check in checks), default=None),
            "overrides": overrides,
            "form": self.form,
            "action_url": reverse("eligibility_override", args=[application.pk]),
            "csrf_token": get_token(self.request),
        }
