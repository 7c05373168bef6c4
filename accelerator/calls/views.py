"""The public application flow, served below each call page (see cms.models.CallPage)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accelerator.cooperatives.models import normalise_registration_number
from accelerator.core.ratelimit import over_limit
from accelerator.core.templatetags.platform_tags import page_language_versions

from . import services
from .forms import (
    HONEYPOT_FIELD,
    ApplicationForm,
    LinkRequestForm,
    StartForm,
    question_field_name,
)
from .links import ExpiredLink, InvalidLink, make_token, read_token
from .models import CallQuestion
from .validators import CONTENT_TYPES, check_upload

NOT_DRAFT_DATA = {"csrfmiddlewaretoken", "action", HONEYPOT_FIELD}


HOUR = 3600


def _limited(request, scope, per_hour):
    return over_limit(request, scope, per_hour, HOUR)


def _context(request, page, subpath="", **extra):
    """What every screen of the flow shows: the call, its state and deadline, and a language
    switcher that stays on this screen."""
    versions = page_language_versions(page, request)
    if subpath:
        versions = [
            version.__class__(
                code=version.code,
                name=version.name,
                url=version.url + subpath if version.url else None,
                full_url=version.full_url + subpath if version.full_url else None,
                is_current=version.is_current,
            )
            for version in versions
        ]
    return {"page": page, **page.call_context(), "language_versions": versions, **extra}


def _render(request, page, template, subpath="", status=200, **extra):
    return TemplateResponse(
        request, template, _context(request, page, subpath, **extra), status=status
    )


def start(request, page):
    call = page.call
    form = StartForm(request.POST or None)
    if request.method == "POST" and call.is_open():
        if _limited(request, "apply-start", 20):
            form.add_error(None, _("Too many attempts from your connection. Please wait an hour."))
        elif form.is_valid():
            if form.is_spam():
                return _render(request, page, "calls/link_sent.html", "apply/")
            application = services.start_application(
                call, email=form.cleaned_data["email"], language=get_language(), request=request
            )
            messages.success(
                request,
                _("Your application is open. We have sent a link to %(email)s to come back to it.")
                % {"email": application.email},
            )
            return redirect(
                page.url + page.reverse_subpage("application", args=[make_token(application)])
            )
    return _render(request, page, "calls/apply_start.html", "apply/", form=form)


def request_link(request, page):
    form = LinkRequestForm(request.POST or None)
    if request.method == "POST":
        if _limited(request, "apply-link", 10):
            form.add_error(None, _("Too many attempts from your connection. Please wait an hour."))
        elif form.is_valid():
            if not form.is_spam():
                services.send_links_for_email(
                    page.call, email=form.cleaned_data["email"], request=request
                )
            return _render(request, page, "calls/link_sent.html", "apply/link/")
    return _render(request, page, "calls/link_request.html", "apply/link/", form=form)


def _open(request, page, token):
    """The application behind a link, or a response explaining why the link does not work."""
    try:
        application, verified = read_token(token, page.call)
    except ExpiredLink:
        return None, _render(
            request,
            page,
            "calls/link_request.html",
            "apply/link/",
            status=410,
            form=LinkRequestForm(),
            expired=True,
        )
    except InvalidLink as error:
        raise Http404 from error
    if verified and not application.email_verified:
        application.email_verified = True
        application.save(update_fields=["email_verified"])
    return application, None


def _draft_values(post, call):
    """The form's values as typed; a choice list left empty is saved as empty, not skipped."""
    multiple = {
        question_field_name(question)
        for question in call.questions.all()
        if question.kind == CallQuestion.Kind.MULTIPLE_CHOICE
    }
    values = {name: [] for name in multiple}
    for name in post:
        if name in NOT_DRAFT_DATA:
            continue
        values[name] = post.getlist(name) if name in multiple else post.get(name)
    return values


def _store_files(application, request, form_errors):
    """Save each acceptable file; note a clear error for each refused one."""
    call = application.call
    for question in call.questions.all():
        if question.kind != CallQuestion.Kind.FILE:
            continue
        uploaded = request.FILES.get(question_field_name(question))
        if uploaded is None:
            continue
        try:
            kind, sha256 = check_upload(uploaded, call.file_types, call.max_file_size)
        except ValidationError as error:
            form_errors[question_field_name(question)] = error.messages
            continue
        services.attach_file(
            application,
            question_key=question.key,
            uploaded=uploaded,
            kind=kind,
            sha256=sha256,
            content_type=CONTENT_TYPES[kind],
        )


def _missing_files(application):
    present = set(application.files.values_list("question_key", flat=True))
    return [
        question
        for question in application.call.questions.all()
        if question.kind == CallQuestion.Kind.FILE
        and question.required
        and question.key not in present
    ]


def application(request, page, token):
    application, refusal = _open(request, page, token)
    if refusal:
        return refusal
    subpath = f"apply/{token}/"
    if not application.is_draft:
        return _render(
            request, page, "calls/application_status.html", subpath, application=application
        )

    call = application.call
    language = get_language()
    file_errors = {}
    if request.method == "POST":
        action = request.POST.get("action", "save")
        if request.POST.get(HONEYPOT_FIELD):
            return redirect(request.path)
        services.save_draft(application, _draft_values(request.POST, application.call))
        _store_files(application, request, file_errors)
        if action == "send_existing_link":
            return _send_existing_link(request, page, application, subpath)
        if action == "submit":
            response = _try_submit(request, page, application, language, file_errors, subpath)
            if response is not None:
                return response
        elif not file_errors:
            messages.success(request, _("Your draft is saved."))
            return redirect(request.path)

    form = ApplicationForm(initial=application.draft_data, call=call, language=language)
    return _render_form(request, page, application, form, file_errors, subpath)


def _render_form(request, page, application, form, file_errors, subpath, status=200, **extra):
    files = {}
    for attachment in application.files.all():
        files.setdefault(attachment.question_key, []).append(attachment)
    question_rows = [
        (question, field, files.get(question.key, []), file_errors.get(field.name, []))
        for question, field in form.question_fields()
    ]
    known = services.known_profile(
        application, application.draft_data.get("registration_number", "")
    )
    token = subpath.split("/")[1]
    return _render(
        request,
        page,
        "calls/apply_form.html",
        subpath,
        status=status,
        application=application,
        form=form,
        question_rows=question_rows,
        token=token,
        offer_prefill=known is not None and not application.draft_data.get("legal_name"),
        **extra,
    )


def _try_submit(request, page, application, language, file_errors, subpath):
    call = application.call
    form = ApplicationForm(request.POST, call=call, language=language)
    valid = form.is_valid()
    for question in _missing_files(application):
        if question_field_name(question) not in file_errors:
            form.add_error(question_field_name(question), _("Please attach this document."))
            valid = False
    for name, errors in file_errors.items():
        for error in errors:
            form.add_error(name, error)
        valid = False
    if not call.is_open():
        form.add_error(
            None,
            _(
                "The deadline of this call has passed: applications can no longer be submitted. "
                "Your draft is kept."
            ),
        )
        valid = False
    if valid:
        try:
            services.submit(application, form, request=request)
        except services.CallClosed:
            form.add_error(
                None,
                _(
                    "The deadline of this call has passed: applications can no longer be submitted. "
                    "Your draft is kept."
                ),
            )
        except services.DuplicateApplication:
            return _render(
                request, page, "calls/duplicate.html", subpath, status=409, application=application
            )
        else:
            return redirect(request.path)
    return _render_form(request, page, application, form, {}, subpath, status=422)


def _send_existing_link(request, page, application, subpath):
    key = normalise_registration_number(application.draft_data.get("registration_number", ""))
    existing = (
        application.call.applications.submitted().filter(registration_key=key).first()
        if key
        else None
    )
    if existing and not _limited(request, "apply-existing", 5):
        services.send_link(existing, request=request)
    return _render(request, page, "calls/link_sent.html", subpath, existing_link=True)


@require_POST
def _autosave_post(request, page, token):
    application, refusal = _open(request, page, token)
    if refusal:
        return JsonResponse({"error": "expired"}, status=410)
    if not application.is_draft:
        return JsonResponse({"error": "submitted"}, status=409)
    if _limited(request, "apply-autosave", 600):
        return JsonResponse({"error": "rate"}, status=429)
    version = services.save_draft(application, _draft_values(request.POST, application.call))
    saved_at = timezone.localtime(application.updated_at)
    return JsonResponse({"version": version, "saved_at": saved_at.strftime("%H:%M")})


def autosave(request, page, token):
    return _autosave_post(request, page, token)


def prefill(request, page, token):
    application, refusal = _open(request, page, token)
    if refusal:
        return refusal
    if request.method == "POST" and application.is_draft:
        known = services.known_profile(
            application, application.draft_data.get("registration_number", "")
        )
        if known is not None:
            services.save_draft(application, profile_as_draft(known))
            messages.success(
                request,
                _("The profile we know is filled in. Check it and correct what has changed."),
            )
    return redirect(page.url + page.reverse_subpage("application", args=[token]))


def profile_as_draft(cooperative):
    values = {}
    for name in cooperative.PROFILE_FIELDS:
        value = getattr(cooperative, name)
        if hasattr(value, "pk"):
            value = str(value.pk)
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        values[name] = "" if value is None else str(value)
    return values


def attachment(request, page, token, file_id):
    application, refusal = _open(request, page, token)
    if refusal:
        return refusal
    stored = application.files.filter(pk=file_id).first()
    if stored is None:
        raise Http404
    return FileResponse(
        stored.file.open("rb"),
        as_attachment=True,
        filename=stored.original_name,
        content_type=stored.content_type,
    )


def remove_attachment(request, page, token, file_id):
    application, refusal = _open(request, page, token)
    if refusal:
        return refusal
    if request.method == "POST" and application.is_draft:
        stored = application.files.filter(pk=file_id).first()
        if stored is None:
            raise Http404
        # The button sits in the main form: keep whatever else was typed.
        services.save_draft(application, _draft_values(request.POST, application.call))
        services.remove_file(stored)
        messages.success(request, _("The file is removed."))
    return redirect(page.url + page.reverse_subpage("application", args=[token]))
