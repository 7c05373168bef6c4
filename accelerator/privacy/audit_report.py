"""The audit log of a program administrator's programs: who changed what, and when.

Wagtail's own "Site history" report lists entries by model permission, across programs; this
one lists only the entries recorded for the programs the person administers (`core.audit`
writes the program into each entry), filterable by program, action, person, object type and
date, fifty to a page.
"""

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import ContentTypeFilter
from wagtail.admin.views.generic.history import HistoryFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import ModelLogEntry

from .access import administered_programs


def entries_for(user):
    """The log entries of the programs this person administers."""
    programs = list(administered_programs(user).values_list("pk", flat=True))
    return ModelLogEntry.objects.filter(data__program__in=programs)


class AuditLogFilterSet(HistoryFilterSet):
    program = django_filters.ModelChoiceFilter(
        label=_("Program"),
        queryset=lambda request: administered_programs(request.user),
        method="filter_program",
    )
    object_type = ContentTypeFilter(
        label=_("Type"),
        field_name="content_type",
        queryset=lambda request: ContentType.objects.filter(
            pk__in=entries_for(request.user).order_by().values("content_type")
        ).order_by("model"),
    )

    class Meta:
        model = ModelLogEntry
        fields = []

    def filter_program(self, queryset, name, value):
        return queryset.filter(data__program=value.pk)

    def get_users_queryset(self):
        return (
            get_user_model()
            .objects.filter(pk__in=self.queryset.order_by().values("user_id"))
            .order_by("last_name", "first_name", get_user_model().USERNAME_FIELD)
        )


class AuditLogView(ReportView):
    page_title = _("Audit log")
    header_icon = "history"
    results_template_name = "privacy/audit_log_results.html"
    filterset_class = AuditLogFilterSet
    index_url_name = "privacy:audit_log"
    index_results_url_name = "privacy:audit_log_results"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if not administered_programs(request.user).exists():
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return entries_for(self.request.user).select_related("user", "content_type")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        names = dict(administered_programs(self.request.user).values_list("pk", "name"))
        for entry in context["object_list"]:
            entry.program_name = names.get(entry.data.get("program"), "")
            entry.changed_values = entry.data.get("values", {})
            entry.changed_fields = [
                name for name in entry.data.get("fields", []) if name not in entry.changed_values
            ]
        return context


def superusers_only(view):
    """Wagtail's "Site history" lists entries by model permission, whatever their program:
    only superusers see it; program administrators have the audit log above."""

    def checked(request, *args, **kwargs):
        if not request.user.has_perm("wagtailadmin.access_admin"):
            # As every other back-office address: the sign-in page first.
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        if not request.user.is_superuser:
            raise Http404
        return view(request, *args, **kwargs)

    return checked


site_history = superusers_only(LogEntriesView.as_view())
site_history_results = superusers_only(LogEntriesView.as_view(results_only=True))
