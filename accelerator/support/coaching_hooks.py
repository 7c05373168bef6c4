"""Office screens of coaching: contracts, assignments, the coaching report (imported by
wagtail_hooks.py)."""

from wagtail import hooks

from .coaching_viewsets import CoachingMenu


@hooks.register("register_admin_viewset")
def register_coaching_menu():
    return CoachingMenu()
