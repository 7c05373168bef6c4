"""Collective training in the field workspace: a trainer's sessions, each with its invited
cooperatives, attendance list and figures; participants added or corrected one by one or by
importing a filled sheet; the printable blank sheet in the session's language; the cascade of a
training of trainers. Anyone outside `TrainingSession.objects.visible_to(user)` gets a 404."""

import io

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from . import attendance_import, training
from .models import Attendance, TrainingSession
from .training_forms import AttendanceForm, SheetUploadForm

BLANK_ROWS_MIN = 30
BLANK_ROWS_MAX = 300
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def sessions_for(user):
    """The sessions a person may open here, with what every page about one shows."""
    return TrainingSession.objects.visible_to(user).select_related(
        "module", "cohort__program", "trainer", "trained_trainer__session__module"
    )


def _session(request, pk):
    return get_object_or_404(sessions_for(request.user), pk=pk)


def invited_with_presence(session):
    """The invited cooperatives, each with its number of participants present."""
    return (
        session.invited.select_related("cooperative")
        .annotate(
            present_here=Count(
                "attendance",
                filter=Q(attendance__session=session, attendance__present=True),
            )
        )
        .order_by("cooperative__legal_name")
    )


def attendance_list(session):
    return session.attendance.select_related("member__cooperative").order_by("full_name", "pk")


def blank_rows(session, invited_count):
    """Enough blank lines for everyone invited to come with a few people."""
    return max(BLANK_ROWS_MIN, min(BLANK_ROWS_MAX, 3 * invited_count))


@login_required
def index(request):
    sessions = list(sessions_for(request.user).order_by("-starts_on", "pk"))
    figures = training.session_figures(sessions)
    return TemplateResponse(
        request,
        "support/training/index.html",
        {"rows": [(session, figures[session.pk]) for session in sessions]},
    )


@login_required
def session_detail(request, pk):
    session = _session(request, pk)
    return TemplateResponse(
        request,
        "support/training/session.html",
        {
            "session": session,
            "invited": invited_with_presence(session),
            "attendance": attendance_list(session),
            "figures": training.session_figures([session])[session.pk],
            "youth_age_limit": session.cohort.program.youth_age_limit,
        },
    )


def _attendance_form(request, session, attendance=None):
    form = AttendanceForm(request.POST or None, instance=attendance, session=session)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(
            request,
            _("%(name)s is on the attendance list.") % {"name": saved.full_name},
        )
        if "add_another" in request.POST:
            return redirect("workspace:training:attendance_add", session.pk)
        return redirect("workspace:training:session", session.pk)
    return TemplateResponse(
        request,
        "support/training/attendance_form.html",
        {"session": session, "form": form, "attendance": attendance},
    )


@login_required
def attendance_add(request, pk):
    return _attendance_form(request, _session(request, pk))


@login_required
def attendance_edit(request, pk, attendance_id):
    session = _session(request, pk)
    attendance = get_object_or_404(session.attendance, pk=attendance_id)
    return _attendance_form(request, session, attendance)


@login_required
@require_POST
def attendance_remove(request, pk, attendance_id):
    session = _session(request, pk)
    attendance = get_object_or_404(session.attendance, pk=attendance_id)
    attendance.delete()
    messages.success(
        request, _("%(name)s is no longer on the attendance list.") % {"name": attendance.full_name}
    )
    return redirect("workspace:training:session", session.pk)


def sheet_context(session):
    invited = list(
        session.invited.select_related("cooperative").order_by("cooperative__legal_name")
    )
    return {
        "session": session,
        "invited": invited,
        "columns": attendance_import.COLUMNS,
        "rows": range(1, blank_rows(session, len(invited)) + 1),
        "sex_choices": Attendance.Sex.labels,
        "role_choices": Attendance.Role.labels,
        "yes": attendance_import.YES,
        "no": attendance_import.NO,
        "score_max": training.SCORE_MAX,
    }


def render_sheet(request, session, back_url):
    """The blank sheet in the session's language, whatever the reader's: it is handed to the
    participants. Only the screen-only bar above it speaks the reader's language."""
    reader_language = translation.get_language()
    with translation.override(session.language):
        html = render_to_string(
            "support/training/sheet.html",
            {
                **sheet_context(session),
                "reader_language": reader_language,
                "back_url": back_url,
                "sheet_bidi": translation.get_language_bidi(),
            },
            request=request,
        )
    response = HttpResponse(html)
    response["Content-Language"] = session.language
    return response


@login_required
def sheet(request, pk):
    session = _session(request, pk)
    return render_sheet(request, session, reverse("workspace:training:session", args=[pk]))


def blank_workbook(session):
    """The sheet's columns as a spreadsheet, headings in the session's language, to type the
    filled paper sheet into and import it."""
    from openpyxl import Workbook

    workbook = Workbook()
    worksheet = workbook.active
    with translation.override(session.language):
        worksheet.title = str(_("Attendance"))[:31]
        worksheet.sheet_view.rightToLeft = translation.get_language_bidi()
        worksheet.append([str(column.label) for column in attendance_import.COLUMNS])
    worksheet.freeze_panes = "A2"
    for column_cells in worksheet.columns:
        worksheet.column_dimensions[column_cells[0].column_letter].width = 18
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def workbook_response(session):
    response = HttpResponse(blank_workbook(session), content_type=XLSX)
    name = slugify(f"attendance-{session.module.code}-{session.starts_on}") or "attendance"
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@login_required
def sheet_workbook(request, pk):
    return workbook_response(_session(request, pk))


def handle_import(request, session):
    """(form, result) of an import request: result is None until a file was checked."""
    form = SheetUploadForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            result = attendance_import.import_attendance(session, form.cleaned_data["file"])
        except ValidationError as error:
            form.add_error("file", error)
        else:
            if result.ok:
                messages.success(request, imported_message(result.imported))
    return form, result


def imported_message(count):
    return ngettext(
        "%(count)s participant imported.", "%(count)s participants imported.", count
    ) % {"count": count}


def import_help():
    return {
        "columns": list(attendance_import.COLUMNS),
        "size_limit": attendance_import.size_limit(),
        "row_limit": attendance_import.MAX_ROWS,
        "languages": [name for _code, name in settings.LANGUAGES],
    }


@login_required
def sheet_import(request, pk):
    session = _session(request, pk)
    form, result = handle_import(request, session)
    if result is not None and result.ok:
        return redirect("workspace:training:session", session.pk)
    return TemplateResponse(
        request,
        "support/training/import.html",
        {"session": session, "form": form, "result": result, **import_help()},
    )


@login_required
def cascade(request, pk):
    session = _session(request, pk)
    return TemplateResponse(
        request,
        "support/training/cascade.html",
        {"session": session, "cascade": training.cascade(session)},
    )
