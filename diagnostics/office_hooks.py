"""Admin addresses and menu item of the diagnostics awaiting validation (imported by
wagtail_hooks)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from accelerator.selection.wagtail_hooks import OfficeMenuItem

from . import admin_views

urls = [
    path("", admin_views.index, name="index"),
    path("<int:pk>/", admin_views.detail, name="detail"),
    path("<int:pk>/validate/", admin_views.validate, name="validate"),
    path("<int:pk>/reopen/", admin_views.reopen, name="reopen"),
]


@hooks.register("register_admin_urls")
def register_diagnostic_urls():
    return [
        path(
            "diagnostic-validation/",
            include((urls, "diagnostics_office"), namespace="diagnostics_office"),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_diagnostic_menu_item():
    return OfficeMenuItem(
        _("Diagnostics to validate"),
        reverse("diagnostics_office:index"),
        icon_name="tasks",
        order=140,
    )
