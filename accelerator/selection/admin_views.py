"""Back-office screens of the selection: per call, its figures and places, a proposal to
confirm, bulk decisions on a filtered list; per application, a decision form."""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accelerator.calls.models import Application, Call
from accelerator.programs.roles import is_office

from . import proposals, services
from .figures import call_figures
from .forms import BulkDecisionForm, DecisionForm, ProposalForm, SelectionFilterSet
from .models import Outcome, Proposal


def _call(request, call_id):
    return get_object_or_404(
        Call.objects.visible_to(request.user).select_related("cohort", "program"), pk=call_id
    )


def decisions_recorded(count):
    return ngettext(
        "%(count)s decision recorded and notified.",
        "%(count)s decisions recorded and notified.",
        count,
    ) % {"count": count}


def _render(request, template, title, **context):
    return TemplateResponse(
        request, template, {"page_title": title, "header_title": title, **context}
    )


def index(request):
    if not is_office(request.user):
        raise Http404
    calls = (
        Call.objects.visible_to(request.user)
        .select_related("cohort", "program")
        .annotate(
            received=Count("applications", filter=~Q(applications__status="draft")),
            admitted=Count("applications", filter=Q(applications__status="admitted")),
        )
        .order_by("-opens_at")
    )
    return _render(request, "selection/admin/index.html", _("Selection"), calls=calls)


def places(cohort):
    """Capacity and places taken, for the cohort and each of its phases."""
    rows = [(_("Whole cohort"), cohort.capacity, services.places_taken(cohort))]
    rows += [
        (phase.name, phase.capacity, services.places_taken(cohort, phase))
        for phase in cohort.phases.all()
    ]
    return [
        {"label": label, "capacity": capacity, "taken": taken, "left": max(capacity - taken, 0)}
        for label, capacity, taken in rows
    ]


def call_selection(request, call_id):
    call = _call(request, call_id)
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        proposal = proposals.propose(call, by=request.user, **form.cleaned_data)
        return redirect("selection:proposal", proposal.pk)
    waiting = Application.objects.for_call(call).filter(status=Application.Status.WAITLISTED)
    return _render(
        request,
        "selection/admin/call.html",
        _("Selection: %(call)s") % {"call": call.title},
        call=call,
        figures=call_figures(call),
        places=places(call.cohort),
        waiting_count=waiting.count(),
        form=form,
        proposals=call.proposals.all()[:10],
    )


def proposal_view(request, proposal_id):
    proposal = get_object_or_404(
        Proposal.objects.select_related("call__cohort"),
        pk=proposal_id,
        call__in=Call.objects.visible_to(request.user),
    )
    if request.method == "POST":
        if proposal.confirmed_at:
            messages.warning(request, _("This proposal was already confirmed."))
        else:
            decided, skipped = proposals.confirm(proposal, by=request.user)
            messages.success(request, decisions_recorded(decided))
            for application, reason in skipped:
                if reason:
                    messages.warning(request, f"{application.reference}: {reason}")
        return redirect("selection:call", proposal.call_id)
    rows = proposals.proposal_rows(proposal)
    groups = [
        (_("Admit"), [row for row in rows if row["outcome"] == Outcome.ADMIT]),
        (
            _("Waiting list, in this order"),
            [row for row in rows if row["outcome"] == Outcome.WAITLIST],
        ),
        (
            _("Not selected: not eligible"),
            [row for row in rows if row["outcome"] == Outcome.REJECT],
        ),
    ]
    return _render(
        request,
        "selection/admin/proposal.html",
        _("Proposal for %(call)s") % {"call": proposal.call.title},
        proposal=proposal,
        groups=groups,
    )


def bulk_decision(request, call_id):
    call = _call(request, call_id)
    filters = SelectionFilterSet(
        request.GET or None,
        queryset=Application.objects.for_call(call).submitted().for_list().order_by("-score"),
        call=call,
    )
    applications = filters.qs
    form = BulkDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decided, refused = services.decide_many(
            list(applications),
            form.cleaned_data["outcome"],
            by=request.user,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
            request_key=form.cleaned_data["request_key"],
        )
        messages.success(request, decisions_recorded(decided))
        for application, reason in refused:
            messages.warning(request, f"{application.reference}: {reason}")
        return redirect(request.get_full_path())
    return _render(
        request,
        "selection/admin/bulk.html",
        _("Decide for a filtered list"),
        call=call,
        filters=filters,
        applications=applications[:500],
        total=applications.count(),
        form=form,
    )


@require_POST
def decide_application(request, application_id):
    application = get_object_or_404(
        Application.objects.visible_to(request.user).select_related("call__cohort"),
        pk=application_id,
    )
    form = DecisionForm(request.POST, cohort=application.call.cohort)
    if form.is_valid():
        try:
            services.decide(
                application,
                form.cleaned_data["outcome"],
                by=request.user,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
                phase=form.cleaned_data["phase"],
                request_key=form.cleaned_data["request_key"],
                seen_decision=form.cleaned_data["seen_decision"],
            )
        except services.DecisionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Decision recorded; the applicant is notified."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect(reverse("application:inspect", args=[application.pk]))
