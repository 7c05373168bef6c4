"""Personal-data requests, for program administrators: find a cooperative or a person, download
everything held about them as JSON, erase it (personal_data.py does the work)."""

from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accelerator.cooperatives.models import normalise_registration_number

from . import personal_data
from .access import is_administrator
from .forms import CooperativeSearchForm, ErasureForm, PersonForm


def _administrators_only(request):
    if not is_administrator(request.user):
        raise Http404


def _render(request, template, title, **context):
    return TemplateResponse(
        request, template, {"page_title": title, "header_title": title, **context}
    )


def _download(document, filename):
    response = JsonResponse(
        document, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def index(request):
    _administrators_only(request)
    search = CooperativeSearchForm(request.GET if "q" in request.GET else None)
    cooperatives = None
    if search.is_valid():
        query = search.cleaned_data["q"].strip()
        cooperatives = (
            personal_data.cooperatives_for(request.user)
            .filter(
                Q(legal_name__icontains=query)
                | Q(registration_key=normalise_registration_number(query))
            )
            .order_by("legal_name")[:50]
        )
    return _render(
        request,
        "privacy/index.html",
        _("Personal data"),
        search=search,
        cooperatives=cooperatives,
        person_form=PersonForm(),
    )


def _cooperative(request, cooperative_id):
    _administrators_only(request)
    return get_object_or_404(personal_data.cooperatives_for(request.user), pk=cooperative_id)


def cooperative(request, cooperative_id):
    cooperative = _cooperative(request, cooperative_id)
    form = ErasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            personal_data.erase_cooperative(
                cooperative, user=request.user, reason=form.cleaned_data["reason"]
            )
        except personal_data.ErasureRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The cooperative's personal data were erased."))
            return redirect("privacy:cooperative", cooperative.pk)
    return _render(
        request,
        "privacy/cooperative.html",
        _("Personal data: %(cooperative)s") % {"cooperative": cooperative.legal_name},
        cooperative=cooperative,
        applications=cooperative.applications.exclude(reference=None).select_related("call"),
        form=form,
    )


def cooperative_export(request, cooperative_id):
    cooperative = _cooperative(request, cooperative_id)
    document = personal_data.export_cooperative(cooperative, user=request.user)
    return _download(document, f"cooperative-{cooperative.pk}.json")


def _person(request):
    _administrators_only(request)
    form = PersonForm(request.GET)
    if not form.is_valid():
        return None, form
    return form.cleaned_data, form


def person(request):
    person, person_form = _person(request)
    if person is None:
        return _render(
            request,
            "privacy/index.html",
            _("Personal data"),
            search=CooperativeSearchForm(),
            cooperatives=None,
            person_form=person_form,
        )
    form = ErasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        changed = personal_data.erase_person(
            person["email"],
            name=person["name"],
            user=request.user,
            reason=form.cleaned_data["reason"],
        )
        messages.success(
            request, _("%(count)s records naming this person were erased.") % {"count": changed}
        )
        return redirect(f"{reverse('privacy:person')}?{urlencode(person)}")
    records = personal_data.person_records(person["email"], person["name"], request.user)
    return _render(
        request,
        "privacy/person.html",
        _("Personal data of a person"),
        person=person,
        query=urlencode(person),
        records=records,
        form=form,
    )


def person_export(request):
    person, _form = _person(request)
    if person is None:
        raise Http404
    document = personal_data.export_person(person["email"], name=person["name"], user=request.user)
    return _download(document, "person.json")
