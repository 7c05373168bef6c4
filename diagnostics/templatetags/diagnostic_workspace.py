"""Template helpers of the diagnostic screens in the field workspace."""

from django import template

from diagnostics import services
from diagnostics.models import Diagnostic

register = template.Library()


@register.filter
def base_input(field):
    """The hidden `initial-<name>` input of a field: the value the editor started from."""
    return field.as_hidden(only_initial=True)


@register.inclusion_tag("diagnostics/workspace/cooperative_diagnostics.html", takes_context=True)
def cooperative_diagnostics(context, member):
    """The cooperative's diagnostics with their status and completion, and the button to start
    the next one; a fixed number of queries whatever the number of questions."""
    from diagnostics.workspace_views import progress, with_progress

    request = context["request"]
    diagnostics = with_progress(
        Diagnostic.objects.visible_to(request.user).filter(member=member)
    ).order_by("created_at")
    rows = [(diagnostic, *progress(diagnostic)) for diagnostic in diagnostics]
    taken = {diagnostic.phase for diagnostic, *_progress in rows}
    phase = next((code for code in Diagnostic.Phase.values if code not in taken), None)
    can_start = phase is not None and services.can_start(request.user, member)
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "member": member,
        "rows": rows,
        "next_phase": Diagnostic.Phase(phase) if can_start else None,
    }
