from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .urls import admin_urlpatterns


@hooks.register("register_admin_urls")
def register_security_urls():
    return [path("security/", include((admin_urlpatterns, "security"), namespace="security_admin"))]


@hooks.register("register_account_menu_item")
def two_step_verification_menu_item(request):
    return {
        "url": reverse("security_admin:two_factor"),
        "label": _("Two-step verification"),
        "help_text": _("Ask for a code from your phone after your password."),
    }


class TwoStepDeviceViewSet(ModelViewSet):
    """A person who lost their phone asks an administrator (a superuser: nobody else holds these
    permissions) to remove their device; they then sign in with their password alone and can
    set up a new one."""

    model = TOTPDevice
    icon = "key"
    menu_label = _("Two-step devices")
    add_to_settings_menu = True
    list_display = ["user", "name", "confirmed", "last_used_at"]
    list_filter = ["confirmed"]
    search_fields = ["user__username", "user__email"]
    form_fields = ["name"]
    inspect_view_enabled = False


@hooks.register("register_admin_viewset")
def register_two_step_devices():
    return TwoStepDeviceViewSet("two_step_devices")
