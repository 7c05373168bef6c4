from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .admin_views import application_panel, holds_reviewer_role


@hooks.register("register_admin_urls")
def register_reviews_urls():
    return [path("reviews/", include(urls, namespace="reviews"))]


class MyReviewsMenuItem(MenuItem):
    """Shown to people who review in at least one program, whatever else they do."""

    def is_shown(self, request):
        return holds_reviewer_role(request.user)


@hooks.register("register_admin_menu_item")
def register_my_reviews_menu_item():
    return MyReviewsMenuItem(
        _("My reviews"), reverse("reviews:mine"), name="my-reviews", icon_name="tasks", order=110
    )


hooks.register("application_panels", application_panel)
