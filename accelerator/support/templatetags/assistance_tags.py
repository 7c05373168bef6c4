"""The "Support" section of a cooperative's workspace page: its technical assistance and
marketing support, with the links to record more for its coach."""

from django import template

from accelerator.support import assistance

register = template.Library()


@register.inclusion_tag("support/assistance/section.html", takes_context=True)
def cooperative_support(context, member):
    """`member` comes from the page's own visibility rule. Five queries whatever the number of
    records."""
    request = context["request"]
    technical_assistance, marketing_support = assistance.support_of(member)
    return {
        "request": request,
        "member": member,
        "currency": member.cohort.program.currency,
        "technical_assistance": technical_assistance,
        "marketing_support": marketing_support,
        "can_record": assistance.can_record(request.user, member),
    }
