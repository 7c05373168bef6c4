"""Back-office screens of development plans: the plans awaiting approval in the person's
programs, and a read-only plan with approve / return-with-comments. Office staff of the plan's
program only; anyone else gets a 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accelerator.programs.models import Program

from . import links, plans
from .models import DevelopmentPlan
from .plan_forms import ReturnForm

LIST_LIMIT = 200


def _office_plans(request):
    if not Program.objects.managed_by(request.user).exists():
        raise Http404
    return plans.plans_of_office(request.user)


def _plan(request, plan_id):
    return get_object_or_404(plans.with_contents(_office_plans(request)), pk=plan_id)


def _render(request, template, title, **context):
    return TemplateResponse(
        request, template, {"page_title": title, "header_title": title, **context}
    )


def index(request):
    office = _office_plans(request).select_related("member__cooperative", "member__cohort__program")
    waiting = office.filter(status=DevelopmentPlan.Status.SUBMITTED).order_by("submitted_at")
    others = office.exclude(status=DevelopmentPlan.Status.SUBMITTED).order_by("-updated_at")
    return _render(
        request,
        "diagnostics/plan/admin/index.html",
        _("Development plans"),
        waiting=waiting[:LIST_LIMIT],
        others=others[:LIST_LIMIT],
    )


def detail(request, plan_id, return_form=None):
    plan = _plan(request, plan_id)
    return _render(
        request,
        "diagnostics/plan/admin/detail.html",
        _("Development plan: %(cooperative)s") % {"cooperative": plan.member.cooperative},
        plan=plan,
        groups=plans.outline(plan),
        budget=plans.budget_totals(plan),
        return_form=return_form or ReturnForm(),
        report_url=links.report_url(plan.member, request=request),
        can_decide=plan.status == DevelopmentPlan.Status.SUBMITTED,
    )


@require_POST
def approve(request, plan_id):
    plan = _plan(request, plan_id)
    try:
        plans.approve(plan, user=request.user)
    except plans.NotAllowed:
        raise Http404 from None
    except plans.PlanError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The plan is approved."))
    return redirect("diagnostics_plans:detail", plan.pk)


@require_POST
def return_plan(request, plan_id):
    plan = _plan(request, plan_id)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        return detail(request, plan_id, return_form=form)
    try:
        plans.return_plan(plan, user=request.user, comment=form.cleaned_data["comment"])
    except plans.NotAllowed:
        raise Http404 from None
    except ValidationError as error:
        form.add_error(None, error)
        return detail(request, plan_id, return_form=form)
    except plans.PlanError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The plan is returned to the coach with your comments."))
    return redirect("diagnostics_plans:detail", plan.pk)
