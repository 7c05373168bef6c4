"""Office screens of collective training: the module catalogue, sessions (with their figures,
the cascade of a training of trainers and the import of a filled sheet) and attendance, which
exports to CSV and XLSX. Office staff see their programs' sessions only."""

import django_filters
from django import forms
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets.button import Button
from wagtail.coreutils import multigetattr

from accelerator.core.backoffice import views as backoffice
from accelerator.core.backoffice.columns import UserTextColumn
from accelerator.core.backoffice.filters import BackOfficeFilterSet
from accelerator.core.backoffice.panels import translated_fields
from accelerator.core.backoffice.viewsets import BackOfficeViewSet, ProgramRecordsViewSet
from accelerator.programs.admin_filters import managed_programs
from accelerator.programs.models import Cohort, Program

from . import training
from .models import Attendance, TrainingModule, TrainingSession
from .training_forms import AttendanceAdminForm, TrainingSessionForm
from .training_views import handle_import, import_help


def managed_sessions(user):
    return TrainingSession.objects.filter(cohort__program__in=Program.objects.managed_by(user))


def attendance_export_url(session):
    return f"{reverse('training_attendance:index')}?session={session.pk}&export=csv"


def session_links(session):
    """(label, url, icon) of what can be done with a session beyond editing it."""
    links = [
        (
            _("Import a filled sheet"),
            reverse("training_sessions:import", args=[session.pk]),
            "upload",
        ),
        (
            _("Blank sheet to print"),
            reverse("workspace:training:sheet", args=[session.pk]),
            "doc-full",
        ),
        (
            _("Attendance list"),
            f"{reverse('training_attendance:index')}?session={session.pk}",
            "list-ul",
        ),
        (_("Export the attendance (CSV)"), attendance_export_url(session), "download"),
    ]
    return links


# Modules -------------------------------------------------------------------------------------


class TrainingModuleViewSet(BackOfficeViewSet):
    """The catalogue is shared by all programs."""

    model = TrainingModule
    name = "training_modules"
    icon = "clipboard-list"
    menu_label = gettext_lazy("Training modules")
    list_display = [
        "title",
        "code",
        "duration_hours",
        BooleanColumn("is_active", label=gettext_lazy("Offered"), sort_key="is_active"),
    ]
    list_filter = ["is_active"]
    search_fields = ["title_en", "title_vi", "title_ar", "code"]
    panels = [
        translated_fields("title", gettext_lazy("Title")),
        FieldPanel("code"),
        translated_fields("objectives", gettext_lazy("Objectives")),
        FieldRowPanel([FieldPanel("duration_hours"), FieldPanel("is_active")]),
    ]


# Sessions ------------------------------------------------------------------------------------


def managed_cohorts(request):
    return Cohort.objects.filter(program__in=Program.objects.managed_by(request.user))


class SessionFilterSet(BackOfficeFilterSet):
    program = django_filters.ModelChoiceFilter(
        label=gettext_lazy("program"), field_name="cohort__program", queryset=managed_programs
    )
    cohort = django_filters.ModelChoiceFilter(
        label=gettext_lazy("cohort"), queryset=managed_cohorts
    )

    class Meta:
        model = TrainingSession
        fields = ["program", "cohort", "module", "mode", "is_training_of_trainers"]


class SessionFiguresPanel(HelpPanel):
    """The session's figures and, for a training of trainers, its cascade."""

    def __init__(self, **kwargs):
        kwargs.setdefault("template", "support/training/admin/session_figures.html")
        kwargs.setdefault("heading", gettext_lazy("Figures"))
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            session = self.instance
            context.update(
                session=session,
                figures=training.session_figures([session])[session.pk],
                youth_age_limit=session.cohort.program.youth_age_limit,
                cascade=training.cascade(session) if session.is_training_of_trainers else None,
                links=session_links(session),
            )
            return context


class SessionEditView(backoffice.EditView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        for priority, (label, url, icon) in enumerate(session_links(self.object), start=10):
            buttons.append(Button(label, url=url, icon_name=icon, priority=priority))
        return buttons


class TrainingSessionViewSet(ProgramRecordsViewSet):
    model = TrainingSession
    name = "training_sessions"
    icon = "date"
    menu_label = gettext_lazy("Training sessions")
    edit_view_class = SessionEditView
    base_form_class = TrainingSessionForm
    filterset_class = SessionFilterSet
    list_display = [
        "module",
        "cohort",
        "starts_on",
        UserTextColumn("place", label=gettext_lazy("Place")),
        BooleanColumn("is_training_of_trainers", label=gettext_lazy("Training of trainers")),
        Column("present_count", label=gettext_lazy("Present"), sort_key="present_count"),
        Column("invited_count", label=gettext_lazy("Cooperatives invited")),
    ]
    search_fields = ["place", "module__title_en", "module__title_vi", "module__title_ar"]
    panels = [
        FieldPanel("module"),
        FieldPanel("cohort"),
        FieldRowPanel(
            [FieldPanel("starts_on"), FieldPanel("ends_on")], heading=gettext_lazy("Dates")
        ),
        FieldRowPanel([FieldPanel("place"), FieldPanel("mode"), FieldPanel("language")]),
        MultiFieldPanel(
            [
                FieldPanel("trainer"),
                FieldPanel("is_training_of_trainers"),
                FieldPanel("trained_trainer"),
            ],
            heading=gettext_lazy("Trainer"),
        ),
        FieldPanel("invited", widget=forms.CheckboxSelectMultiple),
        SessionFiguresPanel(),
    ]

    def visible_to(self, user):
        return (
            managed_sessions(user)
            .select_related("module", "cohort__program")
            .annotate(
                present_count=Count(
                    "attendance", filter=Q(attendance__present=True), distinct=True
                ),
                invited_count=Count("invited", distinct=True),
            )
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/<int:pk>/", self.import_view, name="import"),
        ]

    def import_view(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise Http404
        session = get_object_or_404(managed_sessions(request.user).select_related("module"), pk=pk)
        form, result = handle_import(request, session)
        edit_url = reverse(self.get_url_name("edit"), args=[session.pk])
        if result is not None and result.ok:
            return redirect(edit_url)
        title = _("Import a filled sheet")
        return TemplateResponse(
            request,
            "support/training/admin/import.html",
            {
                "page_title": title,
                "header_title": title,
                "header_icon": self.icon,
                "session": session,
                "form": form,
                "result": result,
                "cancel_url": edit_url,
                **import_help(),
            },
        )


# Attendance ----------------------------------------------------------------------------------


def managed_session_choices(request):
    return managed_sessions(request.user).select_related("module")


class AttendanceFilterSet(BackOfficeFilterSet):
    session = django_filters.ModelChoiceFilter(
        label=gettext_lazy("session"), queryset=managed_session_choices
    )
    cohort = django_filters.ModelChoiceFilter(
        label=gettext_lazy("cohort"), field_name="session__cohort", queryset=managed_cohorts
    )

    class Meta:
        model = Attendance
        fields = ["session", "cohort", "sex", "role", "present"]


def cooperative_of(attendance):
    return attendance.member.cooperative.legal_name if attendance.member_id else ""


class AttendanceIndexView(backoffice.IndexView):
    def to_row_dict(self, item):
        # A participant may come from no cooperative (a future trainer, say).
        cooperative = item.member.cooperative if item.member_id else None
        return {
            key: (
                getattr(cooperative, key.removeprefix("cooperative_"), "")
                if key.startswith("cooperative_")
                else multigetattr(item, key)
            )
            for key in self.list_export
        }


class AttendanceViewSet(ProgramRecordsViewSet):
    model = Attendance
    name = "training_attendance"
    icon = "group"
    menu_label = gettext_lazy("Attendance")
    index_view_class = AttendanceIndexView
    base_form_class = AttendanceAdminForm
    filterset_class = AttendanceFilterSet
    list_display = [
        UserTextColumn("full_name", label=gettext_lazy("Name")),
        "session",
        UserTextColumn("cooperative", label=gettext_lazy("Cooperative"), accessor=cooperative_of),
        "sex",
        "age",
        "role",
        BooleanColumn("present", label=gettext_lazy("Present")),
        "pre_test",
        "post_test",
    ]
    search_fields = ["full_name"]
    list_export = [
        "session.module",
        "session.cohort",
        "session.starts_on",
        "session.place",
        "full_name",
        "cooperative_legal_name",
        "cooperative_registration_number",
        "get_sex_display",
        "age",
        "get_role_display",
        "present",
        "pre_test",
        "post_test",
    ]
    export_headings = {
        "session.module": gettext_lazy("Module"),
        "session.cohort": gettext_lazy("Cohort"),
        "session.starts_on": gettext_lazy("Date"),
        "session.place": gettext_lazy("Place"),
        "full_name": gettext_lazy("Name"),
        "cooperative_legal_name": gettext_lazy("Cooperative"),
        "cooperative_registration_number": gettext_lazy("Registration number"),
        "get_sex_display": gettext_lazy("Sex"),
        "age": gettext_lazy("Age"),
        "get_role_display": gettext_lazy("Role in the cooperative"),
        "present": gettext_lazy("Present"),
        "pre_test": gettext_lazy("Score before"),
        "post_test": gettext_lazy("Score after"),
    }
    export_filename = "attendance"
    panels = [
        FieldPanel("session"),
        FieldPanel("full_name"),
        FieldPanel("member"),
        FieldRowPanel([FieldPanel("sex"), FieldPanel("age"), FieldPanel("role")]),
        FieldPanel("present"),
        FieldRowPanel([FieldPanel("pre_test"), FieldPanel("post_test")]),
    ]

    def visible_to(self, user):
        return Attendance.objects.filter(
            session__cohort__program__in=Program.objects.managed_by(user)
        ).select_related("session__module", "session__cohort__program", "member__cooperative")


class TrainingMenu(ViewSetGroup):
    menu_label = gettext_lazy("Training")
    menu_icon = "date"
    menu_order = 155
    items = (TrainingSessionViewSet, AttendanceViewSet, TrainingModuleViewSet)
