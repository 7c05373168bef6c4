from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_permissions import InstrumentPermissionPolicy
from .models import Domain, Instrument, InstrumentVersion, Question, StandardAction
from .viewsets import DiagnosticsMenu

for model in (Instrument, InstrumentVersion, Domain, Question, StandardAction):
    register_permission_policy(model, InstrumentPermissionPolicy(model))


@hooks.register("register_admin_viewset")
def register_diagnostics_menu():
    return DiagnosticsMenu()


# The office's diagnostic validation and plan approval screens register their own hooks.
from . import office_hooks, plan_hooks  # noqa: E402, F401
