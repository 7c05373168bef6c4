"""The field workspace: light pages, in the reader's language, for coaches on a phone."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils import timezone

from accelerator.selection.models import CohortMember
from accelerator.support import compliance, visits


class LoginView(auth_views.LoginView):
    template_name = "workspace/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("workspace:login")


def followed_members(user):
    """The cooperatives this person may open (their coach's and their program office's), with
    what the cooperative page needs."""
    return (
        CohortMember.objects.visible_to(user)
        .active()
        .select_related("cooperative", "cooperative__region", "cohort", "phase")
        .order_by("cooperative__legal_name")
    )


@login_required
def home(request):
    """My cooperatives: the assigned ones, what needs attention first."""
    today = timezone.localdate()
    return TemplateResponse(
        request,
        "workspace/home.html",
        {"members": compliance.caseload(request.user, today), "today": today},
    )


@login_required
def cooperative(request, member_id):
    member = get_object_or_404(followed_members(request.user), pk=member_id)
    return TemplateResponse(
        request,
        "workspace/cooperative.html",
        {
            "member": member,
            "diagnostics": member.diagnostics.select_related("version").order_by("created_at"),
            "can_log_visits": visits.can_log_visits(request.user, member),
        },
    )
