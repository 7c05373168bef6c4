"""Admin screens of technical assistance and marketing support (imported by wagtail_hooks.py)."""

from wagtail import hooks

from .assistance_viewsets import AssistanceMenu


@hooks.register("register_admin_viewset")
def register_assistance_menu():
    return AssistanceMenu()
