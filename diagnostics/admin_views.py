"""Back-office screens of diagnostics: those awaiting validation in the person's programs, and a
read-only diagnostic with validate / reopen-with-reason. Office staff of the diagnostic's
program only; anyone else gets a 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accelerator.programs.models import Program

from . import scoring, services
from .forms import ReopenForm
from .models import Diagnostic, SwotItem
from .workspace_views import with_progress

LIST_LIMIT = 200


def _office_diagnostics(request):
    if not Program.objects.managed_by(request.user).exists():
        raise Http404
    return Diagnostic.objects.of_program_office(request.user).select_related(
        "member__cooperative", "member__cohort__program", "coach", "validated_by"
    )


def _diagnostic(request, pk):
    return get_object_or_404(with_progress(_office_diagnostics(request)), pk=pk)


def _render(request, template, title, status=200, **context):
    return TemplateResponse(
        request,
        template,
        {"page_title": title, "header_title": title, **context},
        status=status,
    )


def index(request):
    office = _office_diagnostics(request)
    awaiting = office.filter(status=Diagnostic.Status.COMPLETED).order_by("completed_at")
    return _render(
        request,
        "diagnostics/admin/index.html",
        _("Diagnostics to validate"),
        awaiting=awaiting[:LIST_LIMIT],
        total=awaiting.count(),
        recent=office.filter(status=Diagnostic.Status.VALIDATED).order_by("-validated_at")[:20],
    )


def detail(request, pk, reopen_form=None, status=200):
    diagnostic = _diagnostic(request, pk)
    answers = {answer.question_id: answer for answer in diagnostic.answers.all()}
    domains = [
        (
            domain,
            [
                _answer_row(question, answers.get(question.pk))
                for question in domain.questions.all()
            ],
        )
        for domain in diagnostic.version.domains.all()
    ]
    items = list(diagnostic.swot_items.select_related("domain"))
    quadrants = [
        (quadrant, [item for item in items if item.quadrant == quadrant])
        for quadrant in SwotItem.Quadrant
    ]
    return _render(
        request,
        "diagnostics/admin/detail.html",
        _("Diagnostic: %(cooperative)s, %(phase)s")
        % {
            "cooperative": diagnostic.member.cooperative,
            "phase": diagnostic.get_phase_display().lower(),
        },
        status=status,
        diagnostic=diagnostic,
        results=scoring.results(diagnostic),
        domains=domains,
        quadrants=quadrants,
        reopenings=diagnostic.reopenings.select_related("reopened_by"),
        reopen_form=reopen_form or ReopenForm(),
        can_reopen=diagnostic.status != Diagnostic.Status.DRAFT,
    )


def _answer_row(question, answer):
    level = answer.level if answer else None
    return {
        "question": question,
        "level": level,
        "descriptor": question.descriptors()[level][1] if level is not None else "",
        "evidence": answer.evidence if answer else "",
    }


@require_POST
def validate(request, pk):
    diagnostic = _diagnostic(request, pk)
    try:
        services.validate(diagnostic, request.user)
    except services.DiagnosticError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Diagnostic validated."))
    return redirect("diagnostics_office:detail", diagnostic.pk)


@require_POST
def reopen(request, pk):
    diagnostic = _diagnostic(request, pk)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        return detail(request, pk, reopen_form=form, status=400)
    try:
        services.reopen(diagnostic, request.user, form.cleaned_data["reason"])
    except ValidationError as error:
        form.add_error("reason", error.message_dict.get("reason"))
        return detail(request, pk, reopen_form=form, status=400)
    except services.DiagnosticError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Diagnostic reopened: the coach can change it again."))
    return redirect("diagnostics_office:detail", diagnostic.pk)
