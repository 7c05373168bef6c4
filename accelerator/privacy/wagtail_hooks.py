from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .access import is_administrator
from .audit_report import AuditLogView

urls = [
    path("audit-log/", AuditLogView.as_view(), name="audit_log"),
    path("audit-log/results/", AuditLogView.as_view(results_only=True), name="audit_log_results"),
    path("personal-data/", views.index, name="index"),
    path("personal-data/cooperative/<int:cooperative_id>/", views.cooperative, name="cooperative"),
    path(
        "personal-data/cooperative/<int:cooperative_id>/export.json",
        views.cooperative_export,
        name="cooperative_export",
    ),
    path("personal-data/person/", views.person, name="person"),
    path("personal-data/person/export.json", views.person_export, name="person_export"),
]


@hooks.register("register_admin_urls")
def register_privacy_urls():
    return [path("privacy/", include((urls, "privacy"), namespace="privacy"))]


class AdministratorMenuItem(MenuItem):
    """Shown to superusers and program administrators."""

    def is_shown(self, request):
        return is_administrator(request.user)


@hooks.register("register_reports_menu_item")
def register_audit_log_menu_item():
    return AdministratorMenuItem(
        _("Audit log"), reverse("privacy:audit_log"), icon_name="history", order=1100
    )


@hooks.register("register_admin_menu_item")
def register_personal_data_menu_item():
    return AdministratorMenuItem(
        _("Personal data"), reverse("privacy:index"), icon_name="user", order=900
    )
