"""The cooperatives' portal: a representative follows their own cooperative's applications,
diagnostic report, development plan, trainings and coaching visits, and nothing else.

Everything here goes through `Cooperative.objects.represented_by(user)`: another cooperative's
records answer 404, whoever asks.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.views import redirect_to_login
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accelerator.calls.models import Application
from accelerator.core.ratelimit import over_limit
from accelerator.selection.models import CohortMember, Decision
from accelerator.support.models import TrainingSession
from diagnostics import plans, report
from diagnostics.links import report_url
from diagnostics.models import Diagnostic

from . import portal
from .forms import PortalLinkForm
from .models import Cooperative

HOUR = 3600
# Django's own backend: a representative's account has no password, the link vouches for it.
SIGN_IN_BACKEND = "django.contrib.auth.backends.ModelBackend"


def applications_of(user):
    return (
        Application.objects.submitted()
        .filter(cooperative__in=Cooperative.objects.represented_by(user))
        .select_related("call", "call__program", "cooperative")
        .prefetch_related(
            Prefetch(
                "decisions",
                queryset=Decision.objects.select_related("phase"),
                to_attr="decisions_latest_first",
            )
        )
        .order_by("-submitted_at", "-pk")
    )


def members_of(user):
    return (
        CohortMember.objects.filter(cooperative__in=Cooperative.objects.represented_by(user))
        .select_related("cooperative", "cohort__program", "phase")
        .order_by("-admitted_at", "-pk")
    )


def representative_required(view):
    """Anonymous visitors go to the portal's sign-in page; a signed-in person only ever finds
    their own cooperatives' records (the views answer 404 for anything else)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), login_url=reverse("portal:home"))
        return view(request, *args, **kwargs)

    return never_cache(wrapped)


@never_cache
def home(request):
    cooperatives = list(Cooperative.objects.represented_by(request.user))
    if cooperatives and request.method != "POST":
        return _overview(request, cooperatives)
    form = PortalLinkForm(request.POST or None)
    if request.method == "POST":
        if over_limit(request, "portal-link", 10, HOUR):
            form.add_error(None, _("Too many attempts from your connection. Please wait an hour."))
        elif form.is_valid():
            if not form.is_spam():
                portal.send_sign_in_link(
                    form.cleaned_data["email"], language=get_language(), request=request
                )
            return TemplateResponse(request, "portal/link_sent.html", {})
    return TemplateResponse(request, "portal/sign_in_request.html", {"form": form})


def _overview(request, cooperatives):
    applications = list(applications_of(request.user))
    members = list(members_of(request.user))
    sections = [
        {
            "cooperative": cooperative,
            "applications": [a for a in applications if a.cooperative_id == cooperative.pk],
            "members": [m for m in members if m.cooperative_id == cooperative.pk],
        }
        for cooperative in cooperatives
    ]
    return TemplateResponse(request, "portal/home.html", {"sections": sections, "signed_in": True})


@never_cache
def sign_in(request, token):
    """The link in the e-mail shows a button; the button signs in. Mail scanners that open
    links on their own therefore never use up a person's link."""
    try:
        if request.method == "POST":
            user = portal.sign_in(token)
        else:
            portal.check_link(token)
    except portal.UsedLink:
        return _link_problem(request, "used", status=410)
    except portal.ExpiredLink:
        return _link_problem(request, "expired", status=410)
    except portal.InvalidLink:
        return _link_problem(request, "invalid", status=404)
    if request.method != "POST":
        return TemplateResponse(request, "portal/sign_in.html", {})
    login(request, user, backend=SIGN_IN_BACKEND)
    messages.success(request, _("You are signed in."))
    return redirect("portal:home")


def _link_problem(request, problem, status):
    return TemplateResponse(
        request,
        "portal/sign_in_request.html",
        {"form": PortalLinkForm(), "problem": problem},
        status=status,
    )


@require_POST
def sign_out(request):
    logout(request)
    return redirect("portal:home")


@representative_required
def application(request, pk):
    application = get_object_or_404(applications_of(request.user), pk=pk)
    decisions = application.decisions_latest_first
    return TemplateResponse(
        request,
        "portal/application.html",
        {
            "application": application,
            "decision": decisions[0] if decisions else None,
            "signed_in": True,
        },
    )


@representative_required
def member(request, member_id):
    member = get_object_or_404(members_of(request.user), pk=member_id)
    has_report = Diagnostic.objects.filter(member=member, status__in=plans.FINISHED).exists()
    sessions = TrainingSession.objects.filter(
        Q(invited=member) | Q(attendance__member=member)
    ).values("pk")
    return TemplateResponse(
        request,
        "portal/member.html",
        {
            "signed_in": True,
            "member": member,
            "cooperative": member.cooperative,
            "report_link": report_url(member, request=request) if has_report else None,
            "plan_section": report.plan_section(member, {}),
            "trainings": TrainingSession.objects.filter(pk__in=sessions)
            .select_related("module")
            .annotate(
                participants=Count(
                    "attendance",
                    filter=Q(attendance__member=member, attendance__present=True),
                )
            )
            .order_by("-starts_on", "pk"),
            "visits": member.visits.prefetch_related("follow_ups").order_by("-visited_on", "-pk"),
        },
    )
