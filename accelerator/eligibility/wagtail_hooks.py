from django.urls import path
from wagtail import hooks

from .admin_views import OverrideView, ScreenCallAgainView
from .components import ApplicationEligibilityPanel


@hooks.register("register_admin_urls")
def register_eligibility_urls():
    return [
        path(
            "eligibility/calls/<int:pk>/screen/",
            ScreenCallAgainView.as_view(),
            name="eligibility_screen_call",
        ),
        path(
            "eligibility/applications/<int:pk>/override/",
            OverrideView.as_view(),
            name="eligibility_override",
        ),
    ]


@hooks.register("application_panels")
def eligibility_panel(request, application):
    return ApplicationEligibilityPanel(request, application)
