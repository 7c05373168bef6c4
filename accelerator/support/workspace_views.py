"""Coaching visits in the field workspace: a cooperative's visits and follow-ups, the visit log
form (plain, works without JavaScript; visit.js autosaves on top), private attachments.

The cooperative's coaches read and write; its program office reads; anyone else gets a 404."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import visits
from .forms import (
    ActionRows,
    AttachmentsForm,
    FollowUpRows,
    VisitForm,
    follow_up_initial,
)
from .models import CoachingVisit, FollowUp, VisitAttachment

ACTIONS_PREFIX = "actions"
FOLLOW_UPS_PREFIX = "follow_ups"


def _readable_member(request, member_id):
    return get_object_or_404(
        visits.visible_members(request.user).select_related("cooperative", "cohort__program"),
        pk=member_id,
    )


def _coached_member(request, member_id):
    return get_object_or_404(
        visits.coached_members(request.user).select_related("cooperative", "cohort__program"),
        pk=member_id,
    )


def _visit(queryset, pk):
    return get_object_or_404(
        queryset.select_related("member__cooperative", "member__cohort__program", "coach"), pk=pk
    )


def _list_url(member):
    return reverse("workspace:visits:list", args=[member.pk])


def _edit_url(visit):
    return reverse("workspace:visits:visit", args=[visit.pk])


# Lists -----------------------------------------------------------------------------------------


@login_required
@require_GET
def visit_list(request, member_id):
    member = _readable_member(request, member_id)
    today = timezone.localdate()
    return TemplateResponse(
        request,
        "support/workspace/visits.html",
        {
            "member": member,
            "visits": visits.visits_of(member),
            "open_follow_ups": visits.open_follow_ups_of(member),
            "can_edit": visits.can_log_visits(request.user, member),
            "today": today,
        },
    )


@login_required
@require_POST
def follow_up_done(request, pk):
    follow_up = get_object_or_404(
        FollowUp.objects.filter(visit__in=visits.editable_visits(request.user)).select_related(
            "visit__member"
        ),
        pk=pk,
    )
    done = request.POST.get("done", "1") == "1"
    visits.mark_follow_up_done(follow_up, user=request.user, done=done)
    if done:
        messages.success(request, _("Follow-up marked as done."))
    else:
        messages.success(request, _("Follow-up open again."))
    return redirect(_list_url(follow_up.visit.member))


# The visit log form ----------------------------------------------------------------------------


class VisitForms:
    """The visit's fields, its plan action rows, its follow-up rows and its new attachments,
    bound together to one request."""

    def __init__(self, member, visit=None, *, user, data=None, files=None, with_files=True):
        self.member = member
        self.visit = visit
        self.actions = list(visits.plan_actions(member))
        if visit is None:
            initial = {"visited_on": timezone.localdate(), "draft_key": uuid.uuid4()}
            instance = CoachingVisit(member=member, coach=user)
        else:
            initial = {"revision": visit.revision}
            instance = visit
        self.visit_form = VisitForm(data, instance=instance, initial=initial)
        self.action_rows = ActionRows(
            data, actions=self.actions, visit=visit, prefix=ACTIONS_PREFIX
        )
        self.follow_up_rows = FollowUpRows(
            data, initial=follow_up_initial(visit), prefix=FOLLOW_UPS_PREFIX
        )
        already = visit.attachments.count() if visit is not None else 0
        self.attachments_form = (
            AttachmentsForm(data, files, already=already) if with_files else None
        )

    @property
    def all(self):
        forms = [self.visit_form, self.action_rows, self.follow_up_rows]
        return forms + ([self.attachments_form] if self.attachments_form else [])

    def is_valid(self):
        # Every form validates, so every error shows at once.
        valid = [form.is_valid() for form in self.all]
        return all(valid)

    def save(self, user):
        form = self.visit_form
        return visits.save_visit(
            self.member,
            {name: form.cleaned_data[name] for name in visits.VISIT_FIELDS},
            user=user,
            visit=self.visit,
            expected_revision=form.cleaned_data.get("revision"),
            actions=self.action_rows.updates(),
            follow_ups=self.follow_up_rows.rows(),
            draft_key=form.cleaned_data.get("draft_key"),
        )

    def errors(self):
        """Every error by field name, as the autosave answers them."""
        errors = {}
        for name, messages_ in self.visit_form.errors.items():
            errors[self.visit_form.add_prefix(name) if name != "__all__" else name] = messages_
        for formset in (self.action_rows, self.follow_up_rows):
            for form in formset.forms:
                for name, messages_ in form.errors.items():
                    errors[form.add_prefix(name)] = messages_
            if formset.non_form_errors():
                errors["__all__"] = errors.get("__all__", []) + list(formset.non_form_errors())
        return errors


def _display(form, name, value):
    field = form.fields[name]
    if value in (None, ""):
        return _("(empty)")
    if hasattr(field, "choices"):
        return dict(field.choices).get(value, value)
    if hasattr(value, "isoformat"):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return value


def conflict_rows(form, current):
    """What someone else saved, for each field where it differs from what this person typed."""
    rows = []
    for name in visits.VISIT_FIELDS:
        stored = getattr(current, name)
        if stored != form.cleaned_data.get(name):
            rows.append(
                {
                    "label": form.fields[name].label,
                    "stored": _display(form, name, stored),
                }
            )
    return rows


def _bound(request, member, visit, *, with_files=True, data=None):
    return VisitForms(
        member,
        visit,
        user=request.user,
        data=request.POST if data is None else data,
        files=request.FILES,
        with_files=with_files,
    )


def _rebound_with_revision(request, member, visit, revision):
    """The same forms with the stored revision: saving again is then a deliberate choice."""
    data = request.POST.copy()
    data["revision"] = str(revision)
    forms = _bound(request, member, visit, data=data)
    forms.is_valid()
    return forms


def storage_key(member, visit):
    """Where the visit.js keeps unsent typing on the device."""
    return f"visit:{member.pk}:{visit.pk if visit else 'new'}"


def _render_form(request, member, forms, *, status=200, conflict=None, error=None):
    visit = forms.visit
    autosave_url = (
        reverse("workspace:visits:autosave", args=[visit.pk])
        if visit
        else reverse("workspace:visits:autosave_new", args=[member.pk])
    )
    return TemplateResponse(
        request,
        "support/workspace/visit_form.html",
        {
            "member": member,
            "visit": visit,
            "forms": forms,
            "form": forms.visit_form,
            "action_rows": forms.action_rows,
            "follow_up_rows": forms.follow_up_rows,
            "attachments_form": forms.attachments_form,
            "attachments": list(visit.attachments.all()) if visit else [],
            "autosave_url": autosave_url,
            "conflict": conflict,
            "error": error,
            "storage_key": storage_key(member, visit),
        },
        status=status,
    )


def _submit(request, member, visit):
    forms = _bound(request, member, visit)
    if not forms.is_valid():
        if request.FILES:
            messages.warning(
                request,
                _("Nothing was saved yet: correct the fields marked, then choose the files again."),
            )
        return _render_form(request, member, forms, status=400)
    try:
        saved = forms.save(request.user)
    except visits.NotAllowed:
        raise Http404 from None
    except visits.VisitConflict as error:
        conflict = conflict_rows(forms.visit_form, error.current)
        forms = _rebound_with_revision(
            request, member, visit or error.current, error.current.revision
        )
        return _render_form(
            request, member, forms, status=409, conflict=conflict, error=error.message
        )
    except visits.VisitError as error:
        return _render_form(request, member, forms, status=409, error=error.message)
    for uploaded, content_type in forms.attachments_form.cleaned_data["attachments"]:
        visits.add_attachment(saved.visit, uploaded, content_type, user=request.user)
    messages.success(request, _("Visit saved."))
    if request.POST.get("next") == "stay":
        return redirect(_edit_url(saved.visit))
    return redirect(_list_url(member))


@login_required
def visit_new(request, member_id):
    member = _coached_member(request, member_id)
    if request.method == "POST":
        return _submit(request, member, None)
    return _render_form(request, member, VisitForms(member, user=request.user))


@login_required
def visit(request, pk):
    """The visit's form for its coaches, the visit itself for its program office."""
    if request.method == "POST":
        found = _visit(visits.editable_visits(request.user), pk)
        return _submit(request, found.member, found)
    found = _visit(visits.visible_visits(request.user), pk)
    if visits.can_log_visits(request.user, found.member):
        return _render_form(
            request, found.member, VisitForms(found.member, found, user=request.user)
        )
    return TemplateResponse(
        request,
        "support/workspace/visit_detail.html",
        {
            "member": found.member,
            "visit": found,
            "follow_ups": found.follow_ups.all(),
            "attachments": found.attachments.all(),
            "actions": found.plan_actions.all(),
        },
    )


def _autosave(request, member, visit):
    forms = _bound(request, member, visit, with_files=False)
    if not forms.is_valid():
        return JsonResponse({"errors": forms.errors()}, status=400)
    try:
        saved = forms.save(request.user)
    except visits.VisitError as error:
        return JsonResponse({"message": error.message, "conflict": True}, status=409)
    return JsonResponse(
        {
            "visit": saved.visit.pk,
            "revision": saved.visit.revision,
            "saved_at": formats.time_format(timezone.localtime(), "TIME_FORMAT"),
            "form_url": _edit_url(saved.visit),
            "autosave_url": reverse("workspace:visits:autosave", args=[saved.visit.pk]),
            "storage_key": storage_key(member, saved.visit),
            "follow_ups": saved.follow_up_ids,
            "actions": {
                str(pk): {"status": status, "progress": progress}
                for pk, (status, progress) in saved.actions.items()
            },
        }
    )


@login_required
@require_POST
def autosave_new(request, member_id):
    member = _coached_member(request, member_id)
    try:
        return _autosave(request, member, None)
    except visits.NotAllowed:
        raise Http404 from None


@login_required
@require_POST
def autosave(request, pk):
    found = _visit(visits.editable_visits(request.user), pk)
    return _autosave(request, found.member, found)


# Attachments -----------------------------------------------------------------------------------


@login_required
@require_GET
def attachment(request, pk, attachment_id):
    """A photo or document, to the people who can read its visit; anyone else learns nothing."""
    stored = get_object_or_404(
        VisitAttachment,
        pk=attachment_id,
        visit_id=pk,
        visit__in=visits.visible_visits(request.user),
    )
    try:
        content = stored.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        content,
        as_attachment=stored.content_type == "application/pdf",
        filename=stored.original_name,
        content_type=stored.content_type,
    )


@login_required
@require_POST
def attachment_remove(request, pk, attachment_id):
    stored = get_object_or_404(
        VisitAttachment.objects.select_related("visit__member"),
        pk=attachment_id,
        visit_id=pk,
        visit__in=visits.editable_visits(request.user),
    )
    visits.remove_attachment(stored, user=request.user)
    messages.success(request, _("File removed."))
    return redirect(_edit_url(stored.visit))
