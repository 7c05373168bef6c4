"""Who may read the audit log and handle personal-data requests: superusers and the program
administrators, for the programs they administer."""

from accelerator.programs.models import Membership, Program
from accelerator.programs.roles import roles_of


def administered_programs(user):
    if not (user.is_authenticated and user.is_active):
        return Program.objects.none()
    if user.is_superuser:
        return Program.objects.all()
    return Program.objects.filter(
        memberships__user=user, memberships__role=Membership.Role.ADMINISTRATOR
    ).distinct()


def is_administrator(user):
    """Read from the roles already loaded for the request: menus ask it on every page."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or Membership.Role.ADMINISTRATOR in roles_of(user)
