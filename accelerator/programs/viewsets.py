from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.viewsets.base import ViewSetGroup

from accelerator.core.backoffice.forms import TranslatedModelForm
from accelerator.core.backoffice.panels import translated_fields
from accelerator.core.backoffice.viewsets import BackOfficeViewSet, ProgramRecordsViewSet

from .admin_filters import CohortFilterSet
from .admin_forms import ProgramRecordForm
from .models import Cohort, LegalForm, Organisation, Program, Province, Region, Sector


def date_range_panel():
    return FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Dates"))


class ProgramViewSet(ProgramRecordsViewSet):
    model = Program
    icon = "folder-open-inverse"
    list_display = ["name", "code", "country", "start_date", "end_date"]
    list_filter = ["country"]
    search_fields = ["name_en", "name_vi", "name_ar", "code"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    translated_fields("name", _("Name")),
                    FieldPanel("code"),
                    FieldRowPanel([FieldPanel("country"), FieldPanel("currency")]),
                    date_range_panel(),
                    FieldPanel("youth_age_limit"),
                    translated_fields("description", _("Description")),
                ],
                heading=_("Program"),
            ),
            ObjectList(
                [
                    FieldPanel("funders", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("implementing_office"),
                ],
                heading=_("Partners"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "memberships",
                        heading=_("People and their role in the program"),
                        label=_("Person"),
                        panels=[FieldPanel("user"), FieldPanel("role")],
                    )
                ],
                heading=_("People"),
            ),
        ],
        base_form_class=TranslatedModelForm,
    )

    def visible_to(self, user):
        return Program.objects.managed_by(user)


class CohortViewSet(ProgramRecordsViewSet):
    model = Cohort
    icon = "group"
    list_display = ["name", "program", "capacity", "start_date", "end_date"]
    filterset_class = CohortFilterSet
    base_form_class = ProgramRecordForm
    search_fields = ["name_en", "name_vi", "name_ar"]
    panels = [
        FieldPanel("program"),
        translated_fields("name", _("Name")),
        FieldPanel("capacity"),
        date_range_panel(),
        InlinePanel(
            "phases",
            heading=_("Phases"),
            label=_("Phase"),
            panels=[
                translated_fields("name", _("Name")),
                FieldPanel("capacity"),
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
            ],
        ),
    ]

    def visible_to(self, user):
        return Cohort.objects.filter(program__in=Program.objects.managed_by(user)).select_related(
            "program"
        )


class OrganisationViewSet(BackOfficeViewSet):
    model = Organisation
    icon = "site"
    list_display = ["name", "acronym", "website"]
    search_fields = ["name", "acronym"]
    panels = [FieldPanel("name"), FieldPanel("acronym"), FieldPanel("website")]


OFFERED_COLUMN = BooleanColumn("is_active", label=_("Offered in forms"), sort_key="is_active")


class ReferenceDataViewSet(BackOfficeViewSet):
    """A translated list staff maintain and application forms offer."""

    icon = "list-ul"
    list_display = ["name", "code", OFFERED_COLUMN]
    list_filter = ["is_active"]
    search_fields = ["name_en", "name_vi", "name_ar", "code"]
    panels = [translated_fields("name", _("Name")), FieldPanel("code"), FieldPanel("is_active")]


class RegionViewSet(ReferenceDataViewSet):
    model = Region
    icon = "globe"
    list_display = ["name", "code", "country", OFFERED_COLUMN]
    list_filter = ["country", "is_active"]
    panels = [*ReferenceDataViewSet.panels, FieldPanel("country")]


class ProvinceViewSet(ReferenceDataViewSet):
    model = Province
    icon = "site"
    list_display = ["name", "code", "region", OFFERED_COLUMN]
    list_filter = ["region", "is_active"]
    panels = [*ReferenceDataViewSet.panels, FieldPanel("region")]

    def visible_to(self, user):
        return Province.objects.select_related("region")


class SectorViewSet(ReferenceDataViewSet):
    model = Sector
    icon = "tag"


class LegalFormViewSet(ReferenceDataViewSet):
    model = LegalForm
    icon = "doc-full"


class ProgramsMenu(ViewSetGroup):
    menu_label = _("Programs")
    menu_icon = "folder-open-inverse"
    menu_order = 110
    items = (ProgramViewSet, CohortViewSet, OrganisationViewSet)


class ReferenceDataMenu(ViewSetGroup):
    menu_label = _("Reference data")
    menu_icon = "list-ul"
    menu_order = 600
    items = (RegionViewSet, ProvinceViewSet, SectorViewSet, LegalFormViewSet)
