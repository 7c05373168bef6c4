"""Workspace screens of the development plan: the coach's view of a cooperative's plan, its
suggestions, its objectives and actions, submission and history. Each view finds the
cooperative through `plans.planning_members(user)`, so anyone else gets a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import links, plans, scoring
from .models import DevelopmentPlan, Diagnostic, StandardAction
from .plan_forms import ActionForm, ObjectiveForm, RevisionForm, action_initial


def _member(request, member_id):
    members = plans.planning_members(request.user).select_related("cooperative", "cohort__program")
    return get_object_or_404(members, pk=member_id)


def _plan(member, *, contents=False):
    queryset = DevelopmentPlan.objects.filter(member=member).select_related(
        "diagnostic__version", "member__cohort__program"
    )
    if contents:
        queryset = plans.with_contents(queryset)
    plan = queryset.first()
    if plan is None:
        raise Http404
    return plan


def _plan_url(member, anchor=""):
    url = reverse("workspace:plans:detail", args=[member.pk])
    return f"{url}#{anchor}" if anchor else url


def _revision(request):
    form = RevisionForm(request.POST)
    return form.cleaned_data["revision"] if form.is_valid() else None


def _refused(request, error):
    """A service refused: say why (404 when the person may not touch this plan)."""
    if isinstance(error, plans.NotAllowed):
        raise Http404
    messages.error(request, error.message)


@login_required
def detail(request, member_id):
    member = _member(request, member_id)
    plan = plans.with_contents(DevelopmentPlan.objects.filter(member=member)).first()
    if plan is None:
        diagnostics = member.diagnostics.filter(status__in=plans.FINISHED).order_by("created_at")
        return TemplateResponse(
            request,
            "diagnostics/plan/start.html",
            {"member": member, "diagnostics": diagnostics},
        )
    scores = scoring.domain_scores(plan.diagnostic)
    weak = plans.weak_domains(plan.diagnostic, scores=scores)
    labels = {item.code: item.domain.name for item in scores}
    offered = plans.suggestions(plan, weak=weak)
    return TemplateResponse(
        request,
        "diagnostics/plan/detail.html",
        {
            "member": member,
            "plan": plan,
            "groups": plans.outline(plan, labels=labels),
            "budget": plans.budget_totals(plan),
            "weak": [
                {"score": item, "suggestions": [s for s in offered if s.domain_code == item.code]}
                for item in weak
            ],
            "can_change": plan.status in plans.CHANGEABLE,
            "can_submit": plan.status
            in (DevelopmentPlan.Status.DRAFT, DevelopmentPlan.Status.RETURNED),
            "objective_form": ObjectiveForm(initial={"revision": plan.revision}),
            "report_url": links.report_url(member, request=request),
        },
    )


@login_required
@require_POST
def create(request, member_id):
    member = _member(request, member_id)
    diagnostic = get_object_or_404(
        Diagnostic.objects.filter(member=member), pk=request.POST.get("diagnostic")
    )
    try:
        plans.create_plan(diagnostic, user=request.user)
    except plans.PlanError as error:
        _refused(request, error)
    return redirect(_plan_url(member))


@login_required
@require_POST
def accept(request, member_id, standard_action_id):
    member = _member(request, member_id)
    plan = _plan(member)
    standard_action = get_object_or_404(StandardAction, pk=standard_action_id)
    try:
        action = plans.accept_suggestion(plan, standard_action, user=request.user)
    except plans.PlanError as error:
        _refused(request, error)
        return redirect(_plan_url(member, "suggestions"))
    messages.success(request, _("The suggested action is in the plan: adapt it as needed."))
    return redirect("workspace:plans:action_edit", member.pk, action.pk)


@login_required
@require_POST
def dismiss(request, member_id, standard_action_id):
    member = _member(request, member_id)
    plan = _plan(member)
    standard_action = get_object_or_404(StandardAction, pk=standard_action_id)
    plans.dismiss_suggestion(plan, standard_action)
    messages.success(request, _("The suggestion is set aside."))
    return redirect(_plan_url(member, "suggestions"))


def _action_form_page(request, member, plan, action=None):
    scores = scoring.domain_scores(plan.diagnostic)
    weak_codes = [item.code for item in plans.weak_domains(plan.diagnostic, scores=scores)]
    labels = {item.code: item.domain.name for item in scores}
    options = {"plan": plan, "weak_codes": weak_codes, "domain_labels": labels}
    conflict = None
    if request.method == "POST":
        form = ActionForm(request.POST, **options)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                saved = plans.save_action(
                    plan,
                    data,
                    user=request.user,
                    action=action,
                    expected_revision=data.pop("revision"),
                )
            except plans.PlanConflict as error:
                conflict = error
                # What they typed stays in the form; saving again is now a deliberate choice.
                form.data = form.data.copy()
                form.data["revision"] = error.current_revision
                if action is not None:
                    action.refresh_from_db()
            except plans.PlanError as error:
                _refused(request, error)
                return redirect(_plan_url(member))
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The action is saved."))
                return redirect(_plan_url(member, f"action-{saved.pk}"))
    elif action is not None:
        form = ActionForm(initial=action_initial(action, plan.revision), **options)
    else:
        form = ActionForm(initial={"revision": plan.revision}, **options)
    return TemplateResponse(
        request,
        "diagnostics/plan/action_form.html",
        {
            "member": member,
            "plan": plan,
            "action": action,
            "form": form,
            "conflict": conflict,
            "current_domains": [labels.get(code, code) for code in action.domain_codes]
            if conflict and action
            else [],
        },
    )


@login_required
def action_add(request, member_id):
    member = _member(request, member_id)
    plan = _plan(member)
    if plan.status not in plans.CHANGEABLE:
        return redirect(_plan_url(member))
    return _action_form_page(request, member, plan)


@login_required
def action_edit(request, member_id, action_id):
    member = _member(request, member_id)
    plan = _plan(member)
    action = get_object_or_404(plan.actions.all(), pk=action_id)
    if plan.status not in plans.CHANGEABLE:
        return redirect(_plan_url(member))
    return _action_form_page(request, member, plan, action)


@login_required
@require_POST
def action_delete(request, member_id, action_id):
    member = _member(request, member_id)
    plan = _plan(member)
    action = get_object_or_404(plan.actions.all(), pk=action_id)
    try:
        plans.delete_action(plan, action, user=request.user, expected_revision=_revision(request))
    except plans.PlanError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The action is removed from the plan."))
    return redirect(_plan_url(member))


@login_required
@require_POST
def objective_add(request, member_id):
    member = _member(request, member_id)
    plan = _plan(member)
    form = ObjectiveForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(_plan_url(member, "objectives"))
    try:
        plans.save_objective(
            plan,
            form.cleaned_data["title"],
            user=request.user,
            expected_revision=form.cleaned_data["revision"],
        )
    except plans.PlanError as error:
        _refused(request, error)
    return redirect(_plan_url(member, "objectives"))


@login_required
def objective_edit(request, member_id, objective_id):
    member = _member(request, member_id)
    plan = _plan(member)
    objective = get_object_or_404(plan.objectives.all(), pk=objective_id)
    if request.method == "POST":
        form = ObjectiveForm(request.POST)
        if form.is_valid():
            try:
                plans.save_objective(
                    plan,
                    form.cleaned_data["title"],
                    user=request.user,
                    objective=objective,
                    expected_revision=form.cleaned_data["revision"],
                )
            except plans.PlanConflict as error:
                messages.error(request, error.message)
                form.data = form.data.copy()
                form.data["revision"] = error.current_revision
                objective.refresh_from_db()
            except plans.PlanError as error:
                _refused(request, error)
                return redirect(_plan_url(member))
            else:
                return redirect(_plan_url(member, "objectives"))
    else:
        form = ObjectiveForm(initial={"title": objective.title, "revision": plan.revision})
    return TemplateResponse(
        request,
        "diagnostics/plan/objective_form.html",
        {"member": member, "plan": plan, "objective": objective, "form": form},
    )


@login_required
@require_POST
def objective_delete(request, member_id, objective_id):
    member = _member(request, member_id)
    plan = _plan(member)
    objective = get_object_or_404(plan.objectives.all(), pk=objective_id)
    try:
        plans.delete_objective(
            plan, objective, user=request.user, expected_revision=_revision(request)
        )
    except plans.PlanError as error:
        _refused(request, error)
    return redirect(_plan_url(member, "objectives"))


@login_required
@require_POST
def submit(request, member_id):
    member = _member(request, member_id)
    plan = _plan(member)
    try:
        plans.submit(plan, user=request.user, expected_revision=_revision(request))
    except plans.PlanError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The plan is submitted to the program office for approval."))
    return redirect(_plan_url(member))


@login_required
def history(request, member_id):
    member = _member(request, member_id)
    plan = _plan(member)
    return TemplateResponse(
        request,
        "diagnostics/plan/history.html",
        {
            "member": member,
            "plan": plan,
            "plan_versions": [
                (version, plans.version_lines(version))
                for version in plan.versions.select_related("created_by")
            ],
        },
    )
