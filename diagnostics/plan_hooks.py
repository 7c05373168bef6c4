"""Admin addresses and menu item of development plans (imported by wagtail_hooks)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from accelerator.selection.wagtail_hooks import OfficeMenuItem

from . import plan_admin_views

urls = [
    path("", plan_admin_views.index, name="index"),
    path("<int:plan_id>/", plan_admin_views.detail, name="detail"),
    path("<int:plan_id>/approve/", plan_admin_views.approve, name="approve"),
    path("<int:plan_id>/return/", plan_admin_views.return_plan, name="return"),
]


@hooks.register("register_admin_urls")
def register_plan_urls():
    return [path("plans/", include((urls, "diagnostics_plans"), namespace="diagnostics_plans"))]


@hooks.register("register_admin_menu_item")
def register_plan_menu_item():
    return OfficeMenuItem(
        _("Development plans"), reverse("diagnostics_plans:index"), icon_name="list-ul", order=150
    )
