from django.conf import settings
from django.http import QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from . import identity, two_factor

#: Admin addresses a person signed in with a password only may still open.
ADMIN_PATHS_BEFORE_VERIFICATION = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "two_factor_verify",
}
WORKSPACE_PATHS_BEFORE_VERIFICATION = {"login", "logout", "two_factor_verify"}


class SecurityMiddleware:
    """What Django's own SecurityMiddleware leaves out:

    - a Permissions-Policy header switching off browser features the site never uses;
    - the second step of sign-in for people who turned two-step verification on: until they
      give their code, the back-office and the workspace send them to the code page;
    - a fresh confirmation of identity before any CSV/XLSX export of the back-office;
    - NUL characters removed from query and form values: nobody types them, PostgreSQL refuses
      them in text and JSON, and Django's refusal of them is not translated into Vietnamese.

    Must come after django_otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = without_nul(request.GET)
        if request.method == "POST":
            request.POST = without_nul(request.POST)
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None
        area = self._area(request)
        if area is None:
            return None
        if two_factor.needs_verification(request):
            return self._verification_redirect(request, area)
        exporting = area == "admin" and identity.is_export(request)
        if exporting and not identity.recently_confirmed(request):
            return identity.confirmation_redirect(request)
        return None

    @staticmethod
    def _area(request):
        match = request.resolver_match
        if request.path_info.startswith(reverse("wagtailadmin_home")):
            return "admin"
        if match is not None and match.namespaces[:1] == ["workspace"]:
            return "workspace"
        return None

    @staticmethod
    def _verification_redirect(request, area):
        match = request.resolver_match
        if area == "admin":
            if match is not None and match.url_name in ADMIN_PATHS_BEFORE_VERIFICATION:
                return None
            url = reverse("security_admin:two_factor_verify")
        else:
            if match is not None and match.url_name in WORKSPACE_PATHS_BEFORE_VERIFICATION:
                return None
            url = reverse("workspace:security:two_factor_verify")
        return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")


def without_nul(values):
    if not any("\x00" in key or any("\x00" in v for v in items) for key, items in values.lists()):
        return values
    cleaned = QueryDict(mutable=True, encoding=values.encoding)
    for key, items in values.lists():
        cleaned.setlist(key.replace("\x00", ""), [item.replace("\x00", "") for item in items])
    cleaned._mutable = False
    return cleaned
