"""Who may open and change the instrument screens of the admin.

Instruments are shared by every program, so the rule is not per program: superusers and the
administrators of any program may change them; the other office staff (officers) may look.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from accelerator.programs.models import Membership
from accelerator.programs.roles import is_office, roles_of

CHANGES = {"add", "change", "delete"}


def may_change_instruments(user):
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or Membership.Role.ADMINISTRATOR in roles_of(user)


def may_view_instruments(user):
    return user.is_active and is_office(user)


class InstrumentPermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        if action in CHANGES:
            return may_change_instruments(user)
        return may_view_instruments(user)

    def users_with_any_permission(self, actions):
        roles = (
            [Membership.Role.ADMINISTRATOR]
            if set(actions) <= CHANGES
            else Membership.Role.office_roles()
        )
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(memberships__role__in=roles))
            .distinct()
        )
