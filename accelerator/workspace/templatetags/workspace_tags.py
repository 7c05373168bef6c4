from django import template

from accelerator.programs.models import Membership
from accelerator.programs.roles import roles_of

register = template.Library()


@register.simple_tag(takes_context=True)
def holds_role(context, role):
    """Whether the signed-in person holds this role in at least one program."""
    user = context["request"].user
    return user.is_superuser or role in roles_of(user)


@register.simple_tag
def trainer_role():
    return Membership.Role.TRAINER
