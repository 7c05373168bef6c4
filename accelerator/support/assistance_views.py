"""Workspace screens of technical assistance and marketing support, and the page where a
signed-in person chooses whether and in which language they receive the weekly digest.

The coach of a cooperative records its support; anyone else gets a 404 (the cooperative is
looked up through `assistance.recording_members(user)`).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from . import assistance, digests
from .assistance_forms import DigestPreferenceForm, MarketingSupportForm, TechnicalAssistanceForm
from .models import DigestPreference, MarketingSupport, TechnicalAssistance

#: What differs between the two kinds of record; the screens are otherwise the same.
KINDS = {
    "assistance": {
        "model": TechnicalAssistance,
        "form": TechnicalAssistanceForm,
        "save": assistance.save_technical_assistance,
        "template": "support/assistance/technical_assistance_form.html",
        "anchor": "technical-assistance",
    },
    "marketing": {
        "model": MarketingSupport,
        "form": MarketingSupportForm,
        "save": assistance.save_marketing_support,
        "template": "support/assistance/marketing_support_form.html",
        "anchor": "marketing-support",
    },
}


def _member(request, member_id):
    members = assistance.recording_members(request.user).select_related(
        "cooperative", "cohort__program"
    )
    return get_object_or_404(members, pk=member_id)


def _record(kind, member, record_id):
    return get_object_or_404(KINDS[kind]["model"].objects.filter(member=member), pk=record_id)


def _support_url(member, anchor):
    return f"{reverse('workspace:cooperative', args=[member.pk])}#{anchor}"


def _form_page(request, kind, member, record=None):
    spec = KINDS[kind]
    if request.method == "POST":
        form = spec["form"](request.POST, instance=record, member=member)
        if form.is_valid():
            try:
                spec["save"](member, form.cleaned_data, instance=record)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Saved."))
                return redirect(_support_url(member, spec["anchor"]))
    else:
        form = spec["form"](instance=record, member=member)
    return TemplateResponse(
        request,
        spec["template"],
        {"member": member, "record": record, "form": form, "kind": kind},
    )


@login_required
def add(request, member_id, kind):
    return _form_page(request, kind, _member(request, member_id))


@login_required
def edit(request, member_id, kind, record_id):
    member = _member(request, member_id)
    return _form_page(request, kind, member, _record(kind, member, record_id))


@login_required
def remove(request, member_id, kind, record_id):
    member = _member(request, member_id)
    record = _record(kind, member, record_id)
    if request.method == "POST":
        record.delete()
        messages.success(request, _("The record is removed."))
        return redirect(_support_url(member, KINDS[kind]["anchor"]))
    return TemplateResponse(
        request,
        "support/assistance/remove.html",
        {"member": member, "record": record, "kind": kind},
    )


@login_required
def digest_preferences(request):
    preference = DigestPreference.objects.filter(user=request.user).first()
    initial = {
        "weekly_digest": preference.weekly_digest if preference else True,
        "language": digests.recipient_language(request.user),
    }
    form = DigestPreferenceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        DigestPreference.objects.update_or_create(user=request.user, defaults=form.cleaned_data)
        if form.cleaned_data["weekly_digest"]:
            messages.success(request, _("You will receive the weekly digest."))
        else:
            messages.success(request, _("You will no longer receive the weekly digest."))
        return redirect("workspace:assistance:digest")
    return TemplateResponse(request, "support/assistance/digest_preferences.html", {"form": form})
