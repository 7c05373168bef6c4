from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from accelerator.calls.models import Call
from accelerator.programs.roles import is_office

from . import admin_views
from .forms import DecisionForm
from .services import latest_decision_id

urls = [
    path("", admin_views.index, name="index"),
    path("call/<int:call_id>/", admin_views.call_selection, name="call"),
    path("call/<int:call_id>/bulk/", admin_views.bulk_decision, name="bulk"),
    path("proposal/<int:proposal_id>/", admin_views.proposal_view, name="proposal"),
    path("application/<int:application_id>/decide/", admin_views.decide_application, name="decide"),
]


@hooks.register("register_admin_urls")
def register_selection_urls():
    return [path("selection/", include((urls, "selection"), namespace="selection"))]


class OfficeMenuItem(MenuItem):
    """Shown to the program office only (superusers, administrators and officers)."""

    def is_shown(self, request):
        return is_office(request.user)


@hooks.register("register_admin_menu_item")
def register_selection_menu_item():
    return OfficeMenuItem(_("Selection"), reverse("selection:index"), icon_name="tasks", order=130)


class DecisionPanel(Component):
    template_name = "selection/admin/application_panel.html"

    def __init__(self, application):
        self.application = application

    def get_context_data(self, parent_context=None):
        application = self.application
        return {
            "application": application,
            "decisions": application.decisions.select_related("decided_by", "phase"),
            "form": DecisionForm(
                cohort=application.call.cohort,
                initial={
                    "phase": application.phase_id,
                    "seen_decision": latest_decision_id(application),
                },
            ),
            "action": reverse("selection:decide", args=[application.pk]),
            "csrf_token": parent_context.get("csrf_token") if parent_context else None,
        }


@hooks.register("application_panels")
def decision_panel(request, application):
    if not Call.objects.visible_to(request.user).filter(pk=application.call_id).exists():
        return None
    return DecisionPanel(application)
