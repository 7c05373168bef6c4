"""The same pages in the back-office (/admin/security/…) and in the workspace
(/<language>/workspace/security/…)."""

from django.contrib.auth.decorators import login_required
from django.urls import path

from . import views

admin_urlpatterns = [
    path("two-step/", views.TwoFactorSettingsView.as_view(chrome="admin"), name="two_factor"),
    path(
        "two-step/verify/",
        views.TwoFactorVerifyView.as_view(chrome="admin"),
        name="two_factor_verify",
    ),
    path("confirm/", views.ConfirmIdentityView.as_view(), name="confirm_identity"),
]

app_name = "security"

urlpatterns = [
    path(
        "two-step/",
        login_required(views.TwoFactorSettingsView.as_view(chrome="workspace")),
        name="two_factor",
    ),
    path(
        "two-step/verify/",
        views.TwoFactorVerifyView.as_view(chrome="workspace"),
        name="two_factor_verify",
    ),
]
