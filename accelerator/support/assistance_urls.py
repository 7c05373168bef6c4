"""Workspace addresses of technical assistance and marketing support (under a cooperative of
the coach's caseload) and of the weekly digest preferences."""

from django.urls import path

from . import assistance_views as views

app_name = "assistance"


def record_paths(kind):
    """add, edit and remove for one kind of record (see assistance_views.KINDS)."""
    prefix = f"cooperatives/<int:member_id>/support/{kind}/"
    kwargs = {"kind": kind}
    return [
        path(f"{prefix}add/", views.add, kwargs, name=f"{kind}_add"),
        path(f"{prefix}<int:record_id>/", views.edit, kwargs, name=f"{kind}_edit"),
        path(f"{prefix}<int:record_id>/remove/", views.remove, kwargs, name=f"{kind}_remove"),
    ]


urlpatterns = [
    path("e-mails/", views.digest_preferences, name="digest"),
    *record_paths("assistance"),
    *record_paths("marketing"),
]
