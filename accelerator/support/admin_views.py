"""The coaching report of the program office: compliance per coach and per region, coaching hours
per cohort, cooperatives not visited for N days; each table also as CSV. Figures come from
`compliance`; these views only choose the program and the days, and lay the rows out."""

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from accelerator.programs.models import Program
from accelerator.programs.roles import is_office
from accelerator.security.identity import identity_confirmed_required

from . import compliance
from .forms import NotVisitedForm

#: Rows of the "not visited" table shown on screen; the CSV has them all.
WAITING_SHOWN = 200


def _program(request, program_id):
    return get_object_or_404(Program.objects.managed_by(request.user), pk=program_id)


def _days(request):
    form = NotVisitedForm(request.GET if "days" in request.GET else None)
    days = form.cleaned_data["days"] if form.is_valid() else compliance.DEFAULT_NOT_VISITED_DAYS
    return form, days


def _render(request, template, title, **context):
    return TemplateResponse(
        request, template, {"page_title": title, "header_title": title, **context}
    )


def index(request):
    if not is_office(request.user):
        raise Http404
    programs = Program.objects.managed_by(request.user).order_by("-start_date", "name")
    return _render(
        request, "support/admin/coaching_index.html", _("Coaching report"), programs=programs
    )


def report(request, program_id):
    program = _program(request, program_id)
    today = timezone.localdate()
    form, days = _days(request)
    waiting = list(compliance.not_visited_since(program, days, today))
    return _render(
        request,
        "support/admin/coaching_report.html",
        _("Coaching: %(program)s") % {"program": program.name},
        program=program,
        today=today,
        coaches=compliance.coach_compliance(program, today),
        regions=compliance.region_compliance(program, today),
        cohorts=compliance.coaching_hours_per_cohort(program, today),
        form=form,
        days=days,
        waiting=waiting[:WAITING_SHOWN],
        waiting_count=len(waiting),
        threshold=round(compliance.ON_SCHEDULE_SHARE * 100),
    )


# Tables, for the CSV export ------------------------------------------------------------------


def _person(user):
    return user.get_full_name() or user.get_username()


def _date(value):
    return value.isoformat() if value else ""


def _compliance_cells(row):
    return [
        row.cooperatives,
        row.sessions_contracted,
        row.expected_to_date,
        row.delivered_to_date,
        row.hours_delivered,
        row.status.label,
    ]


def _compliance_headings():
    return [
        _("Cooperatives"),
        _("Sessions contracted"),
        _("Expected to date"),
        _("Delivered to date"),
        _("Hours delivered"),
        _("Status"),
    ]


def coaches_table(program, today, days):
    rows = compliance.coach_compliance(program, today)
    return [_("Coach"), *_compliance_headings()], [
        [_person(row.coach), *_compliance_cells(row)] for row in rows
    ]


def regions_table(program, today, days):
    rows = compliance.region_compliance(program, today)
    return [_("Region"), _("Coaches"), *_compliance_headings()], [
        [
            row.region.name if row.region else _("No region"),
            row.coach_count,
            *_compliance_cells(row),
        ]
        for row in rows
    ]


def cohorts_table(program, today, days):
    rows = compliance.coaching_hours_per_cohort(program, today)
    return [
        _("Cohort"),
        _("Cooperatives"),
        _("Cooperatives visited"),
        _("Visits"),
        _("Hours"),
    ], [
        [row.cohort.name, row.cooperatives, row.cooperatives_visited, row.visits, row.hours]
        for row in rows
    ]


def waiting_table(program, today, days):
    rows = compliance.not_visited_since(program, days, today)
    return [
        _("Cooperative"),
        _("Registration number"),
        _("Region"),
        _("Cohort"),
        _("Last visit"),
        _("Days without a visit"),
    ], [
        [
            member.cooperative.legal_name,
            member.cooperative.registration_number,
            member.cooperative.region.name if member.cooperative.region else "",
            member.cohort.name,
            _date(member.last_visited_on),
            (today - member.last_visited_on).days if member.last_visited_on else "",
        ]
        for member in rows
    ]


TABLES = {
    "coaches": coaches_table,
    "regions": regions_table,
    "cohorts": cohorts_table,
    "not-visited": waiting_table,
}


def _safe(value):
    """A cell a spreadsheet will not read as a formula (names are typed by people)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@identity_confirmed_required
def export(request, program_id, table):
    program = _program(request, program_id)
    if table not in TABLES:
        raise Http404
    today = timezone.localdate()
    _form, days = _days(request)
    headings, rows = TABLES[table](program, today, days)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"{program.code}-coaching-{table}-{today.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A byte order mark lets spreadsheet programs read Vietnamese and Arabic as UTF-8.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(headings)
    for row in rows:
        writer.writerow([_safe(value) for value in row])
    return response
