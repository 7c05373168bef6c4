"""The diagnostic in the coach's field workspace: one light page per domain, the SWOT matrix and
the meta, each a plain form that works without JavaScript; diagnostic.js autosaves on top."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accelerator.selection.models import CohortMember

from . import scoring, services
from .forms import DiagnosticFieldsForm, StartForm, SwotItemForm
from .models import Diagnostic, Domain, SwotItem

# What is read first on a phone: the text, then how it is classified.
SWOT_ITEM_ORDER = ("description", "priority", "domain", "quadrant")


# Loading ---------------------------------------------------------------------------------------


def with_progress(diagnostics):
    """Diagnostics with what completion per domain needs, in a fixed number of queries."""
    return diagnostics.select_related("version__instrument").prefetch_related(
        "answers",
        Prefetch(
            "version__domains",
            queryset=Domain.objects.order_by("sort_order", "pk").prefetch_related("questions"),
        ),
    )


def _diagnostics(user):
    return Diagnostic.objects.visible_to(user).select_related(
        "member__cooperative", "member__cohort", "coach"
    )


def _visible(request, pk):
    return get_object_or_404(with_progress(_diagnostics(request.user)), pk=pk)


def _editable(request, pk):
    """404 for anyone who cannot fill this diagnostic in; read-only status is the service's."""
    return get_object_or_404(
        with_progress(
            _diagnostics(request.user).filter(
                pk__in=Diagnostic.objects.editable_by(request.user).values("pk")
            )
        ),
        pk=pk,
    )


def progress(diagnostic, scores=None):
    """(answered, total, percent) over the whole instrument."""
    scores = scores if scores is not None else scoring.domain_scores(diagnostic)
    answered = sum(item.answered for item in scores)
    total = sum(item.total for item in scores)
    return answered, total, round(100 * answered / total) if total else 0


def _context(request, diagnostic, **extra):
    scores = scoring.domain_scores(diagnostic)
    answered, total, percent = progress(diagnostic, scores)
    editable = diagnostic.is_editable and services.can_edit(request.user, diagnostic)
    return {
        "diagnostic": diagnostic,
        "member": diagnostic.member,
        "scores": scores,
        "answered": answered,
        "total": total,
        "percent": percent,
        "editable": editable,
        "read_only_message": None
        if diagnostic.is_editable
        else services.read_only_message(diagnostic),
        **extra,
    }


def _overview_url(diagnostic):
    return reverse("workspace:diagnostics:overview", args=[diagnostic.pk])


# Showing values --------------------------------------------------------------------------------


def _display(name, value, *, question=None, domains=None):
    if value is None or value == "":
        return _("(empty)")
    if name == "level" and question is not None:
        return f"{value} — {question.descriptors()[value][1]}"
    if name == "held_on":
        return formats.date_format(value, "DATE_FORMAT")
    if name == "quadrant":
        return SwotItem.Quadrant(value).label
    if name == "priority":
        return SwotItem.Priority(value).label
    if name == "domain":
        return str((domains or {}).get(value, value))
    return str(value)


FIELD_LABELS = {
    "level": lambda: _("level"),
    "evidence": lambda: _("evidence seen"),
    "held_on": lambda: _("date of the diagnostic"),
    "place": lambda: _("place"),
    "participants_women": lambda: _("women taking part"),
    "participants_men": lambda: _("men taking part"),
    "participants_youth": lambda: _("young people taking part"),
    "quadrant": lambda: _("quadrant"),
    "domain": lambda: _("domain"),
    "description": lambda: _("description"),
    "priority": lambda: _("priority"),
    "delete": lambda: _("removal"),
}


def _raw(value):
    """A value as a form input holds it."""
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def conflict_rows(diagnostic, conflicts):
    """What the person needs to choose: which field, the stored value and the one they typed."""
    questions = {
        question.pk: question
        for domain in diagnostic.version.domains.all()
        for question in domain.questions.all()
    }
    domains = {domain.pk: domain.name for domain in diagnostic.version.domains.all()}
    rows = []
    for conflict in conflicts:
        question = questions.get(conflict.ref) if conflict.kind == "answer" else None
        what = FIELD_LABELS[conflict.name]()
        if question is not None:
            label = f"{question.text} ({what})"
        elif conflict.kind == "swot":
            label = _("SWOT item: %(field)s") % {"field": what}
        else:
            label = what[:1].upper() + what[1:]
        if conflict.name == "delete":
            stored = _("Changed by someone else: %(text)s") % {"text": conflict.stored}
            submitted = _("Removed by you")
        else:
            stored = _display(conflict.name, conflict.stored, question=question, domains=domains)
            submitted = _display(
                conflict.name, conflict.submitted, question=question, domains=domains
            )
        rows.append(
            {
                "key": conflict.key,
                "label": label,
                "stored": _raw(conflict.stored) if conflict.name != "delete" else "",
                "submitted": _raw(conflict.submitted),
                "stored_display": stored,
                "submitted_display": submitted,
            }
        )
    return rows


# Screens ---------------------------------------------------------------------------------------


@login_required
@require_POST
def start(request, member_id):
    member = get_object_or_404(
        CohortMember.objects.visible_to(request.user).select_related("cohort"), pk=member_id
    )
    form = StartForm(request.POST)
    cooperative_url = reverse("workspace:cooperative", args=[member.pk])
    if not form.is_valid():
        messages.error(request, _("Choose the moment of the diagnostic."))
        return redirect(cooperative_url)
    try:
        diagnostic = services.start_diagnostic(
            member, form.cleaned_data["phase"], coach=request.user
        )
    except services.AlreadyStarted as error:
        messages.info(request, error.message)
        return redirect(_overview_url(error.existing))
    except services.NotAllowed:
        raise Http404 from None
    except services.DiagnosticError as error:
        messages.error(request, error.message)
        return redirect(cooperative_url)
    return redirect(_overview_url(diagnostic))


@login_required
def overview(request, pk):
    diagnostic = _visible(request, pk)
    return _overview(request, diagnostic)


def _overview(request, diagnostic, problems=None, status=200):
    quadrants = dict.fromkeys(SwotItem.Quadrant.values, 0)
    for quadrant in diagnostic.swot_items.values_list("quadrant", flat=True):
        quadrants[quadrant] += 1
    return TemplateResponse(
        request,
        "diagnostics/workspace/overview.html",
        _context(
            request,
            diagnostic,
            quadrants=[(SwotItem.Quadrant(code), count) for code, count in quadrants.items()],
            problems=[
                (_problem_url(diagnostic, anchor), message) for anchor, message in problems or []
            ],
            reopening=diagnostic.reopenings.select_related("reopened_by").first(),
            results=None if diagnostic.is_editable else scoring.results(diagnostic),
        ),
        status=status,
    )


def _problem_url(diagnostic, anchor):
    if anchor in SwotItem.Quadrant.values:
        return reverse("workspace:diagnostics:swot", args=[diagnostic.pk]) + f"#{anchor}"
    return reverse("workspace:diagnostics:domain", args=[diagnostic.pk, anchor])


def _save_form(request, diagnostic, form):
    """Save a posted form; returns the conflicts (if any), or None when the form is invalid."""
    try:
        data, base = form.changes()
        services.save(
            diagnostic, data, base=base, revision=request.POST.get("revision"), user=request.user
        )
    except services.Conflict as conflict:
        return conflict
    except ValidationError as error:
        for key, messages_ in error.message_dict.items():
            form.add_error(key if key in form.fields else None, messages_)
        return None
    return []


def _for(request, pk):
    """A POST changes the diagnostic: only its editors get past this; others read."""
    return _editable(request, pk) if request.method == "POST" else _visible(request, pk)


@login_required
def domain(request, pk, domain_id):
    diagnostic = _for(request, pk)
    domains = list(diagnostic.version.domains.all())
    current = next((item for item in domains if item.pk == domain_id), None)
    if current is None:
        raise Http404
    questions = list(current.questions.all())
    answers = {answer.question_id: answer for answer in diagnostic.answers.all()}
    form_options = {"diagnostic": diagnostic, "questions": questions, "answers": answers}
    position = domains.index(current)
    following = domains[position + 1] if position + 1 < len(domains) else None
    conflicts = []
    status = 200
    if request.method == "POST":
        form = DiagnosticFieldsForm(request.POST, **form_options)
        outcome = _posted(request, diagnostic, form)
        if outcome == "saved":
            messages.success(request, _("Answers saved."))
            if "next" in request.POST:
                if following is not None:
                    return redirect("workspace:diagnostics:domain", diagnostic.pk, following.pk)
                return redirect("workspace:diagnostics:swot", diagnostic.pk)
            return redirect("workspace:diagnostics:domain", diagnostic.pk, current.pk)
        if outcome == "read_only":
            return redirect(_overview_url(diagnostic))
        if isinstance(outcome, services.Conflict):
            conflicts = conflict_rows(diagnostic, outcome.fields)
            form = DiagnosticFieldsForm(form.rebased_data(outcome.fields), **form_options)
            diagnostic.revision = outcome.revision
            status = 409
        else:
            status = 400
    else:
        form = DiagnosticFieldsForm(**form_options)
    return TemplateResponse(
        request,
        "diagnostics/workspace/domain.html",
        _context(
            request,
            diagnostic,
            domain=current,
            rows=form.answer_rows(questions),
            form=form,
            previous=domains[position - 1] if position else None,
            following=following,
            conflicts=conflicts,
        ),
        status=status,
    )


def _posted(request, diagnostic, form):
    if not diagnostic.is_editable:
        messages.error(request, services.read_only_message(diagnostic))
        return "read_only"
    if not form.is_valid():
        return "invalid"
    try:
        outcome = _save_form(request, diagnostic, form)
    except services.ReadOnly as error:
        messages.error(request, error.message)
        return "read_only"
    if outcome is None:
        return "invalid"
    return outcome or "saved"


@login_required
def meta(request, pk):
    diagnostic = _for(request, pk)
    conflicts = []
    status = 200
    if request.method == "POST":
        form = DiagnosticFieldsForm(request.POST, diagnostic=diagnostic, meta=True)
        outcome = _posted(request, diagnostic, form)
        if outcome == "saved":
            messages.success(request, _("Saved."))
            return redirect(_overview_url(diagnostic))
        if outcome == "read_only":
            return redirect(_overview_url(diagnostic))
        if isinstance(outcome, services.Conflict):
            conflicts = conflict_rows(diagnostic, outcome.fields)
            form = DiagnosticFieldsForm(
                form.rebased_data(outcome.fields), diagnostic=diagnostic, meta=True
            )
            diagnostic.revision = outcome.revision
            status = 409
        else:
            status = 400
    else:
        form = DiagnosticFieldsForm(diagnostic=diagnostic, meta=True)
    return TemplateResponse(
        request,
        "diagnostics/workspace/meta.html",
        _context(request, diagnostic, form=form, conflicts=conflicts),
        status=status,
    )


def _swot_page(request, diagnostic, *, form=None, add_forms=None, conflicts=(), status=200):
    items = list(diagnostic.swot_items.select_related("domain"))
    form = form or DiagnosticFieldsForm(diagnostic=diagnostic, items=items)
    add_forms = add_forms or {}
    quadrants = []
    for quadrant in SwotItem.Quadrant:
        quadrants.append(
            {
                "quadrant": quadrant,
                "internal": quadrant in SwotItem.INTERNAL,
                "items": [
                    (
                        item,
                        [form[services.swot_key(item.pk, name)] for name in SWOT_ITEM_ORDER],
                    )
                    for item in items
                    if item.quadrant == quadrant
                ],
                "add_form": add_forms.get(quadrant)
                or SwotItemForm(diagnostic=diagnostic, quadrant=quadrant),
            }
        )
    return TemplateResponse(
        request,
        "diagnostics/workspace/swot.html",
        _context(request, diagnostic, form=form, quadrants=quadrants, conflicts=conflicts),
        status=status,
    )


@login_required
def swot(request, pk):
    diagnostic = _for(request, pk)
    if request.method != "POST":
        return _swot_page(request, diagnostic)
    items = list(diagnostic.swot_items.all())
    form = DiagnosticFieldsForm(request.POST, diagnostic=diagnostic, items=items)
    outcome = _posted(request, diagnostic, form)
    if outcome == "saved":
        messages.success(request, _("SWOT matrix saved."))
        return redirect("workspace:diagnostics:swot", diagnostic.pk)
    if outcome == "read_only":
        return redirect(_overview_url(diagnostic))
    if isinstance(outcome, services.Conflict):
        diagnostic.revision = outcome.revision
        form = DiagnosticFieldsForm(
            form.rebased_data(outcome.fields), diagnostic=diagnostic, items=items
        )
        return _swot_page(
            request,
            diagnostic,
            form=form,
            conflicts=conflict_rows(diagnostic, outcome.fields),
            status=409,
        )
    return _swot_page(request, diagnostic, form=form, status=400)


@login_required
@require_POST
def swot_add(request, pk):
    diagnostic = _editable(request, pk)
    quadrant = request.POST.get("quadrant")
    if quadrant not in SwotItem.Quadrant.values:
        raise Http404
    form = SwotItemForm(request.POST, diagnostic=diagnostic, quadrant=quadrant)
    if not diagnostic.is_editable:
        messages.error(request, services.read_only_message(diagnostic))
        return redirect(_overview_url(diagnostic))
    if not form.is_valid():
        return _swot_page(request, diagnostic, add_forms={quadrant: form}, status=400)
    try:
        services.save(
            diagnostic,
            {"swot": {"add": [form.as_data()]}},
            revision=diagnostic.revision,
            user=request.user,
        )
    except services.ReadOnly as error:
        messages.error(request, error.message)
        return redirect(_overview_url(diagnostic))
    messages.success(request, _("Item added."))
    return redirect(reverse("workspace:diagnostics:swot", args=[diagnostic.pk]) + f"#{quadrant}")


@login_required
@require_POST
def swot_remove(request, pk, item_id):
    diagnostic = _editable(request, pk)
    item = get_object_or_404(diagnostic.swot_items, pk=item_id)
    form = DiagnosticFieldsForm(request.POST, diagnostic=diagnostic, items=[item])
    base = {
        name: form.base_value(services.swot_key(item.pk, name)) for name in services.SWOT_FIELDS
    }
    seen = {name: value for name, value in base.items() if value is not services.NO_BASE}
    try:
        services.save(
            diagnostic,
            {"swot": {"delete": [item.pk]}},
            base={"swot": {item.pk: seen}},
            revision=request.POST.get("revision"),
            user=request.user,
        )
    except services.ReadOnly as error:
        messages.error(request, error.message)
        return redirect(_overview_url(diagnostic))
    except services.Conflict:
        messages.warning(
            request,
            _(
                "Someone else changed this item since you opened the page: check it before "
                "removing it."
            ),
        )
    else:
        messages.success(request, _("Item removed."))
    return redirect("workspace:diagnostics:swot", diagnostic.pk)


@login_required
@require_POST
def complete(request, pk):
    diagnostic = _editable(request, pk)
    try:
        services.complete(diagnostic, request.user)
    except services.Incomplete as error:
        return _overview(request, diagnostic, problems=error.problems, status=400)
    except services.DiagnosticError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Diagnostic completed. The program office will now validate it."),
        )
    return redirect(_overview_url(diagnostic))


# Autosave --------------------------------------------------------------------------------------


@require_POST
def autosave(request, pk):
    """JSON in, JSON out: {"revision", "fields": {key: value}, "base": {key: value}}."""
    if not request.user.is_authenticated:
        return JsonResponse(
            {
                "error": "signed_out",
                "message": _(
                    "You are signed out. Sign in again: what you typed is kept on this device."
                ),
            },
            # 401: "sign in first", not "forbidden"; nothing about the diagnostic is looked up.
            status=401,
        )
    try:
        diagnostic = _editable(request, pk)
    except Http404:
        return JsonResponse({"error": "not_found", "message": _("Not saved.")}, status=404)
    try:
        payload = json.loads(request.body)
        fields = {str(key): _raw(value) for key, value in payload["fields"].items()}
        base = {str(key): _raw(value) for key, value in (payload.get("base") or {}).items()}
        revision = int(payload["revision"])
    except (ValueError, KeyError, TypeError, AttributeError):
        return JsonResponse({"error": "bad_request"}, status=400)
    data = {**fields, **{f"initial-{key}": value for key, value in base.items() if key in fields}}
    form = DiagnosticFieldsForm.for_keys(diagnostic, list(fields), data)
    if not form.is_valid():
        return JsonResponse({"error": "invalid", "errors": _errors(form)}, status=400)
    changes, bases = form.changes()
    try:
        result = services.save(
            diagnostic, changes, base=bases, revision=revision, user=request.user
        )
    except services.ReadOnly as error:
        return JsonResponse({"error": "read_only", "message": error.message}, status=409)
    except ValidationError as error:
        return JsonResponse({"error": "invalid", "errors": error.message_dict}, status=400)
    except services.Conflict as conflict:
        return JsonResponse(
            {
                "error": "conflict",
                "message": conflict.message,
                "revision": conflict.revision,
                "saved": conflict.saved,
                "conflicts": conflict_rows(diagnostic, conflict.fields),
                "saved_at": _saved_at(),
            },
            status=409,
        )
    return JsonResponse(
        {"revision": result.revision, "saved": result.saved, "saved_at": _saved_at()}
    )


def _errors(form):
    errors = {key: [str(message) for message in value] for key, value in form.errors.items()}
    if "__all__" in errors:
        errors["__all__"] = errors.pop("__all__")
    return errors


def _saved_at():
    return formats.time_format(timezone.localtime(), "TIME_FORMAT")
