"""Wagtail's generic admin views, narrowed to the objects a person may see.

The viewset hands every view its `visible_to(user)` rule. An object outside it answers 404,
so one program's staff cannot even confirm that another program's record exists. A screen the
person's role does not open answers 404 too, rather than Wagtail's "permission denied" (a
redirect to the dashboard), which would tell that the record exists.
"""

import datetime
import tempfile
from decimal import Decimal

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import ProtectedError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.views.mixins import ExcelDateFormatter


class VisibleObjectsMixin:
    #: Set by the viewset: called with the person, returns the queryset they may see.
    visible_to = None

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            raise Http404 from None

    def visible_objects(self):
        return self.visible_to(self.request.user)


class IndexView(VisibleObjectsMixin, generic.IndexView):
    def get_base_queryset(self):
        return self.visible_objects()

    def _get_title_column(self, *args, **kwargs):
        # Titles are names people typed, in any script: each reads in its own direction.
        return super()._get_title_column(*args, link_attrs={"dir": "auto"}, **kwargs)

    def get_context_data(self, *args, **kwargs):
        if self.is_export:
            # An export needs the rows only, read in chunks as they are written. Wagtail's
            # listing context would count them with len() on an unpaginated list: every row
            # loaded at once (gigabytes for tens of thousands of applications).
            return {"object_list": self.object_list}
        return super().get_context_data(*args, **kwargs)

    def stream_csv(self, queryset):
        return in_current_language(super().stream_csv(Chunked(queryset)))

    def write_xlsx_response(self, queryset):
        # Written to a temporary file on disk, then sent from it: neither the rows nor the
        # workbook are ever held in memory whole.
        output = tempfile.TemporaryFile()  # noqa: SIM115 — closed by the response once sent
        self.write_xlsx(queryset, output)
        output.seek(0)
        return FileResponse(
            output,
            as_attachment=True,
            content_type=XLSX_CONTENT_TYPE,
            filename=f"{self.get_filename()}.xlsx",
        )

    def write_xlsx(self, queryset, output):
        """The rows as a workbook, one chunk of the queryset at a time. XlsxWriter's constant
        memory mode writes each row out as soon as the next begins, strings inline; text is
        never read as a formula or a link, dates and times carry the staff member's format."""
        import xlsxwriter

        workbook = xlsxwriter.Workbook(
            output,
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
                "remove_timezone": True,
            },
        )
        worksheet = workbook.add_worksheet()
        formats = {
            datetime.datetime: workbook.add_format({"num_format": ExcelDateFormatter().get()}),
            datetime.date: workbook.add_format({"num_format": "yyyy-mm-dd"}),
            datetime.time: workbook.add_format({"num_format": "hh:mm"}),
        }
        for column, field in enumerate(self.list_export):
            worksheet.write_string(0, column, self.get_heading(queryset, field))
        for row, item in enumerate(Chunked(queryset), start=1):
            for column, (field, value) in enumerate(self.to_row_dict(item).items()):
                value = self.preprocess_field_value(field, value, self.FORMAT_XLSX)
                _write_cell(worksheet, row, column, value, formats)
        workbook.close()


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _write_cell(worksheet, row, column, value, formats):
    if value is None or value == "":
        return
    if isinstance(value, bool):
        worksheet.write_boolean(row, column, value)
    elif isinstance(value, int | float | Decimal):
        worksheet.write_number(row, column, value)
    elif isinstance(value, datetime.datetime):
        worksheet.write_datetime(row, column, value, formats[datetime.datetime])
    elif isinstance(value, datetime.date):
        worksheet.write_datetime(row, column, value, formats[datetime.date])
    elif isinstance(value, datetime.time):
        worksheet.write_datetime(row, column, value, formats[datetime.time])
    else:
        worksheet.write_string(row, column, str(value))


class Chunked:
    """A queryset that exports read in chunks: memory stays flat whatever the number of rows
    (Wagtail's export iterates the queryset, which would otherwise load and keep every row)."""

    chunk_size = 500

    def __init__(self, queryset):
        self.queryset = queryset
        self.model = queryset.model

    def __iter__(self):
        return self.queryset.iterator(chunk_size=self.chunk_size)


def in_current_language(rows):
    """Wagtail switches to the staff member's language and time zone only while the view runs,
    and a CSV export is streamed after it returns: keep them for every row."""
    language, time_zone = get_language(), timezone.get_current_timezone()

    def rows_in_language():
        with override(language), timezone.override(time_zone):
            yield from rows

    return rows_in_language()


class CreateView(VisibleObjectsMixin, generic.CreateView):
    pass


class EditView(VisibleObjectsMixin, generic.EditView):
    def get_queryset(self):
        return self.visible_objects()


class DeleteView(VisibleObjectsMixin, generic.DeleteView):
    def get_queryset(self):
        return self.visible_objects()

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _("'%(object)s' is still used by other records, so it cannot be deleted.")
                % {"object": self.object},
            )
            return redirect(self.get_success_url())


class InspectView(VisibleObjectsMixin, generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(self.visible_objects(), pk=unquote(str(self.pk)))


class HistoryView(VisibleObjectsMixin, history.HistoryView):
    def get_base_object_queryset(self):
        return self.visible_objects()


class UsageView(VisibleObjectsMixin, usage.UsageView):
    def get_base_object_queryset(self):
        return self.visible_objects()
