"""Office screens of coaching: contracts, assignments, the coaching report (imported by
wagtail_hooks.py)."""

from wagtail import hooks

from accelerator.core import audit

from .coaching_viewsets import CoachingMenu
from .models import CoachAssignment


@hooks.register("register_admin_viewset")
def register_coaching_menu():
    return CoachingMenu()


@hooks.register("register_actions")
def audit_coach_assignments(registry):
    audit.register_audited_actions(registry, CoachAssignment)
