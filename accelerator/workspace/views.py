"""The field workspace: light pages, in the reader's language, for coaches on a phone."""

from urllib.parse import urlencode

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils import timezone

from accelerator.selection.models import CohortMember
from accelerator.support import compliance, visits
from cms.pagination import paginate

# Cards per page of the caseload: a phone on a slow connection loads one page at a time.
CASELOAD_PER_PAGE = 25


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
    """My cooperatives: the assigned ones, what needs attention first, a page at a time; `q`
    narrows them to a name or registration number."""
    today = timezone.localdate()
    members = compliance.caseload(request.user, today)
    query = request.GET.get("q", "").strip()[:100]
    if query:
        members = members.filter(
            Q(cooperative__legal_name__icontains=query)
            | Q(cooperative__registration_number__icontains=query)
        )
    page = paginate(request, members, CASELOAD_PER_PAGE)
    return TemplateResponse(
        request,
        "workspace/home.html",
        {
            "members": page.object_list,
            "page": page,
            "query": query,
            "page_query": urlencode({"q": query}) if query else "",
            "today": today,
        },
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
