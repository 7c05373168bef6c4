"""Two-step verification (turn on/off, give the code at sign-in) and the identity confirmation
before exports. Each page exists in the back-office's look (chrome "admin") and in the field
workspace's (chrome "workspace"); the logic is the same. WagtailAdminTemplateMixin only adds
the admin header's title and icon, which the workspace templates ignore."""

from django.contrib import messages
from django.shortcuts import redirect, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import identity, two_factor
from .forms import ConfirmIdentityForm, EnrolForm, TurnOffForm, VerifyForm

HOME = {"admin": "wagtailadmin_home", "workspace": "workspace:home"}
LOGIN = {"admin": "wagtailadmin_login", "workspace": "workspace:login"}
SETTINGS = {
    "admin": "security_admin:two_factor",
    "workspace": "workspace:security:two_factor",
}


class ChromeMixin:
    chrome = "workspace"
    template = ""

    def get_template_names(self):
        folder = "security/admin" if self.chrome == "admin" else "security"
        return [f"{folder}/{self.template}"]

    def next_url(self):
        """Where to go afterwards: the page the person was on, if it is on this site."""
        target = self.request.POST.get("next") or self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(
            target, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return target
        return resolve_url(HOME[self.chrome])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            next=self.next_url(),
            chrome=self.chrome,
            action_url=self.request.get_full_path(),
            **kwargs,
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


class TwoFactorVerifyView(ChromeMixin, FormView):
    """The code after the password, for those who turned two-step verification on."""

    template = "verify.html"
    form_class = VerifyForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(LOGIN[self.chrome])
        if not two_factor.needs_verification(request):
            return redirect(self.next_url())
        if two_factor.confirmed_device(request.user) is None:
            two_factor.forget_removed_device(request)
            return redirect(self.next_url())
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        return redirect(self.next_url())


class TwoFactorSettingsView(ChromeMixin, WagtailAdminTemplateMixin, FormView):
    """Turn two-step verification on (scan a QR code, type the first code) or off."""

    template = "two_factor.html"
    page_title = gettext_lazy("Two-step verification")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        self.device = two_factor.confirmed_device(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_form_class(self):
        return TurnOffForm if self.device else EnrolForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if not self.device:
            kwargs["device"] = two_factor.pending_device(self.request.user)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["enabled"] = self.device is not None
        if not self.device:
            pending = context["form"].device
            context["qr_code"] = two_factor.qr_code_data_uri(pending)
            context["manual_key"] = two_factor.manual_key(pending)
        return context

    def form_valid(self, form):
        if self.device:
            two_factor.turn_off(self.request)
            messages.success(self.request, _("Two-step verification is off."))
        else:
            messages.success(
                self.request,
                _("Two-step verification is on. Next time you sign in, we will ask for a code."),
            )
        return redirect(SETTINGS[self.chrome])


class ConfirmIdentityView(ChromeMixin, WagtailAdminTemplateMixin, FormView):
    """Password (and code) again, then on to the export that was asked for."""

    template = "confirm_identity.html"
    form_class = ConfirmIdentityForm
    chrome = "admin"
    page_title = gettext_lazy("Confirm it is you")
    header_icon = "lock"

    def form_valid(self, form):
        identity.mark_confirmed(self.request)
        return redirect(self.next_url())
