"""Office screens of coaching: coaches' contracts and assignments (who coaches which cooperative,
how many sessions), and the coaching report. The program's office only; other programs: 404."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup

from accelerator.core.backoffice.columns import UserTextColumn
from accelerator.core.backoffice.filters import BackOfficeFilterSet
from accelerator.core.backoffice.forms import TranslatedModelForm
from accelerator.core.backoffice.viewsets import ProgramRecordsViewSet
from accelerator.programs.admin_filters import managed_programs
from accelerator.programs.models import Membership, Program
from accelerator.selection.models import CohortMember
from accelerator.selection.wagtail_hooks import OfficeMenuItem

from . import admin_views
from .models import CoachAssignment, CoachContract


def coaches_of(programs):
    """People holding the coach role in one of these programs."""
    return (
        get_user_model()
        .objects.filter(memberships__program__in=programs, memberships__role=Membership.Role.COACH)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


class CoachChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.get_username()


class ContractForm(TranslatedModelForm):
    """Programs this person manages, and the coaches of those programs, can be chosen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        programs = Program.objects.managed_by(self.for_user)
        self.fields["program"].queryset = programs
        self.fields["coach"] = CoachChoiceField(
            label=self.fields["coach"].label, queryset=coaches_of(programs)
        )

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on <= starts_on:
            self.add_error("ends_on", _("The contract ends after it starts."))
        coach, program = data.get("coach"), data.get("program")
        if coach and program and not coaches_of([program]).filter(pk=coach.pk).exists():
            self.add_error("coach", _("Choose a coach of this program."))
        return data


class AssignmentForm(TranslatedModelForm):
    """Cooperatives, coaches and contracts of the programs this person manages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        programs = Program.objects.managed_by(self.for_user)
        self.fields["member"].queryset = (
            CohortMember.objects.filter(cohort__program__in=programs)
            .active()
            .select_related("cooperative", "cohort__program")
            .order_by("cooperative__legal_name")
        )
        self.fields["coach"] = CoachChoiceField(
            label=self.fields["coach"].label, queryset=coaches_of(programs)
        )
        self.fields["contract"].queryset = CoachContract.objects.filter(
            program__in=programs
        ).select_related("coach")

    def clean(self):
        data = super().clean()
        member, coach, contract = data.get("member"), data.get("coach"), data.get("contract")
        if member and coach:
            program = member.cohort.program
            if not coaches_of([program]).filter(pk=coach.pk).exists():
                self.add_error("coach", _("Choose a coach of this cooperative's program."))
        if contract and member and contract.program_id != member.cohort.program_id:
            self.add_error("contract", _("Choose a contract of this cooperative's program."))
        if contract and coach and contract.coach_id != coach.pk:
            self.add_error("contract", _("Choose a contract of this coach."))
        started_on, ended_on = data.get("started_on"), data.get("ended_on")
        if started_on and ended_on and ended_on < started_on:
            self.add_error("ended_on", _("The assignment ends after it starts."))
        return data


class ContractFilterSet(BackOfficeFilterSet):
    program = django_filters.ModelChoiceFilter(label=_("program"), queryset=managed_programs)

    class Meta:
        model = CoachContract
        fields = ["program"]


class AssignmentFilterSet(BackOfficeFilterSet):
    program = django_filters.ModelChoiceFilter(
        label=_("program"), field_name="member__cohort__program", queryset=managed_programs
    )
    current = django_filters.BooleanFilter(
        label=_("current"), field_name="ended_on", lookup_expr="isnull"
    )

    class Meta:
        model = CoachAssignment
        fields = ["program", "current", "is_lead"]


COACH_COLUMN = UserTextColumn("coach", label=_("Coach"), accessor="coach")


class CoachContractViewSet(ProgramRecordsViewSet):
    model = CoachContract
    name = "coach_contracts"
    icon = "doc-full"
    menu_label = _("Coach contracts")
    list_display = [
        "lot",
        COACH_COLUMN,
        "program",
        "cooperatives",
        "sessions_per_cooperative",
        "starts_on",
        "ends_on",
    ]
    list_export = [
        "program",
        "lot",
        "coach",
        "cooperatives",
        "sessions_per_cooperative",
        "starts_on",
        "ends_on",
    ]
    filterset_class = ContractFilterSet
    search_fields = ["lot", "coach__first_name", "coach__last_name", "coach__username"]
    base_form_class = ContractForm
    panels = [
        FieldPanel("program"),
        FieldPanel("coach"),
        FieldPanel("lot"),
        FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("cooperatives"), FieldPanel("sessions_per_cooperative")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")], heading=_("Period")),
    ]

    def visible_to(self, user):
        return CoachContract.objects.filter(
            program__in=Program.objects.managed_by(user)
        ).select_related("program", "coach")


class CoachAssignmentViewSet(ProgramRecordsViewSet):
    model = CoachAssignment
    name = "coach_assignments"
    icon = "group"
    menu_label = _("Coach assignments")
    list_display = [
        UserTextColumn(
            "cooperative", label=_("Cooperative"), accessor="member.cooperative.legal_name"
        ),
        Column("cohort", label=_("Cohort"), accessor="member.cohort"),
        COACH_COLUMN,
        BooleanColumn("is_lead", label=_("Lead coach")),
        "contracted_sessions",
        "started_on",
        "ended_on",
    ]
    list_export = [
        "member.cooperative.legal_name",
        "member.cohort",
        "coach",
        "is_lead",
        "contract",
        "contracted_sessions",
        "started_on",
        "ended_on",
    ]
    export_headings = {
        "member.cooperative.legal_name": _("Cooperative"),
        "member.cohort": _("Cohort"),
    }
    filterset_class = AssignmentFilterSet
    search_fields = ["member__cooperative__legal_name", "coach__last_name", "coach__username"]
    base_form_class = AssignmentForm
    panels = [
        FieldPanel("member"),
        FieldPanel("coach"),
        FieldPanel("is_lead"),
        FieldPanel("contract"),
        FieldPanel("contracted_sessions"),
        FieldRowPanel([FieldPanel("started_on"), FieldPanel("ended_on")], heading=_("Period")),
    ]

    def visible_to(self, user):
        return CoachAssignment.objects.filter(
            member__cohort__program__in=Program.objects.managed_by(user)
        ).select_related("member__cooperative", "member__cohort__program", "coach", "contract")


class CoachingReportViewSet(ViewSet):
    """Compliance per coach and per region, coaching hours per cohort, cooperatives waiting for a
    visit: per program, with a CSV export of each table."""

    name = "coaching"
    icon = "table"
    menu_label = _("Coaching report")
    menu_item_class = OfficeMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_views.index, name="index"),
            path("<int:program_id>/", admin_views.report, name="report"),
            path("<int:program_id>/<str:table>.csv", admin_views.export, name="export"),
        ]


class CoachingMenu(ViewSetGroup):
    menu_label = _("Coaching")
    menu_icon = "user"
    menu_order = 140
    items = (CoachContractViewSet, CoachAssignmentViewSet, CoachingReportViewSet)
