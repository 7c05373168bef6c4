"""Office screens of technical assistance and marketing support: read-only lists (coaches record
them in the workspace) with filters by program, cohort and kind, CSV/XLSX export, and the value
of the equipment given per cohort with its co-financing split."""

import django_filters
from django.contrib.auth import get_permission_codename
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.coreutils import multigetattr

from accelerator.core.backoffice import views as backoffice
from accelerator.core.backoffice.columns import UserTextColumn
from accelerator.core.backoffice.filters import BackOfficeFilterSet
from accelerator.core.backoffice.viewsets import ProgramRecordsViewSet
from accelerator.programs.admin_filters import managed_programs
from accelerator.programs.models import Cohort, Program
from diagnostics.templatetags.plan_tags import money

from . import assistance
from .models import MarketingSupport, TechnicalAssistance


def managed_cohorts(request):
    return Cohort.objects.filter(program__in=Program.objects.managed_by(request.user))


def support_filterset(support_model):
    class SupportFilterSet(BackOfficeFilterSet):
        program = django_filters.ModelChoiceFilter(
            label=_("program"), field_name="member__cohort__program", queryset=managed_programs
        )
        cohort = django_filters.ModelChoiceFilter(
            label=_("cohort"), field_name="member__cohort", queryset=managed_cohorts
        )
        kind = django_filters.ChoiceFilter(
            label=support_model._meta.get_field("kind").verbose_name,
            choices=support_model.Kind.choices,
        )

        class Meta:
            model = support_model
            fields = ["program", "cohort", "kind"]

    return SupportFilterSet


class MoneyColumn(Column):
    """An amount in the program's currency, grouped as the reader's language writes numbers."""

    def get_value(self, instance):
        return money(super().get_value(instance), instance.member.cohort.program.currency)


COOPERATIVE_COLUMN = UserTextColumn(
    "cooperative", label=_("Cooperative"), accessor="member.cooperative.legal_name"
)
COHORT_COLUMN = Column("cohort", label=_("Cohort"), accessor="member.cohort")
#: The export column of the plan actions a record serves.
PLAN_ACTIONS = "plan_actions"
COMMON_EXPORT_HEADINGS = {
    "member.cooperative.legal_name": _("Cooperative"),
    "member.cooperative.registration_number": _("Registration number"),
    "member.cohort": _("Cohort"),
    "get_kind_display": _("Kind"),
    "member.cohort.program.currency": _("Currency"),
    PLAN_ACTIONS: _("Plan actions served"),
}


class SupportIndexView(backoffice.IndexView):
    def to_row_dict(self, item):
        """The export's columns; plan actions (many per record) joined in one cell."""
        return {
            field: (
                "; ".join(action.title for action in item.plan_actions.all())
                if field == PLAN_ACTIONS
                else multigetattr(item, field)
            )
            for field in self.list_export
        }


class TechnicalAssistanceIndexView(SupportIndexView):
    results_template_name = "support/assistance/admin/technical_assistance_results.html"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["equipment_totals"] = assistance.equipment_totals_per_cohort(self.object_list)
        return context


class SupportViewSet(ProgramRecordsViewSet):
    """Read-only: the office reads and exports; the coach of the cooperative writes."""

    inspect_view_enabled = True
    index_view_class = SupportIndexView

    def visible_to(self, user):
        return (
            self.model.objects.filter(member__cohort__program__in=Program.objects.managed_by(user))
            .select_related("member__cooperative", "member__cohort__program")
            .prefetch_related("plan_actions")
        )

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]

    def get_permissions_to_register(self):
        return (
            super()
            .get_permissions_to_register()
            .filter(codename=get_permission_codename("view", self.model_opts))
        )


class TechnicalAssistanceViewSet(SupportViewSet):
    model = TechnicalAssistance
    name = "technical_assistance"
    icon = "cogs"
    menu_label = _("Technical assistance")
    index_view_class = TechnicalAssistanceIndexView
    filterset_class = support_filterset(TechnicalAssistance)
    search_fields = ["title", "description", "provider", "member__cooperative__legal_name"]
    list_display = [
        UserTextColumn("title", label=_("What"), sort_key="title"),
        COOPERATIVE_COLUMN,
        COHORT_COLUMN,
        "kind",
        DateColumn("delivered_on", label=_("Date"), sort_key="delivered_on"),
        Column("quantity", label=_("Quantity")),
        MoneyColumn("cost_total", label=_("Value")),
    ]
    ordering = "-delivered_on"
    inspect_view_fields = [
        "member",
        "kind",
        "title",
        "description",
        "provider",
        "delivered_on",
        "quantity",
        "cost_program",
        "cost_cooperative",
        "cost_other",
        "plan_actions",
    ]
    list_export = [
        "member.cooperative.legal_name",
        "member.cooperative.registration_number",
        "member.cohort",
        "get_kind_display",
        "title",
        "description",
        "provider",
        "delivered_on",
        "quantity",
        "cost_program",
        "cost_cooperative",
        "cost_other",
        "cost_total",
        "member.cohort.program.currency",
        PLAN_ACTIONS,
    ]
    export_headings = {**COMMON_EXPORT_HEADINGS, "cost_total": _("Value")}
    export_filename = "technical-assistance"


class MarketingSupportViewSet(SupportViewSet):
    model = MarketingSupport
    name = "marketing_support"
    icon = "tag"
    menu_label = _("Marketing support")
    filterset_class = support_filterset(MarketingSupport)
    search_fields = ["product", "description", "channel", "member__cooperative__legal_name"]
    list_display = [
        UserTextColumn("product", label=_("Product"), sort_key="product"),
        COOPERATIVE_COLUMN,
        COHORT_COLUMN,
        "kind",
        DateColumn("supported_on", label=_("Date"), sort_key="supported_on"),
        UserTextColumn("certification", label=_("Certification")),
        DateColumn("expires_on", label=_("Expires on"), sort_key="expires_on"),
        MoneyColumn("sales_before", label=_("Yearly sales before")),
        MoneyColumn("sales_after", label=_("Yearly sales after")),
    ]
    ordering = "-supported_on"
    inspect_view_fields = [
        "member",
        *assistance.MARKETING_FIELDS,
        "plan_actions",
    ]
    list_export = [
        "member.cooperative.legal_name",
        "member.cooperative.registration_number",
        "member.cohort",
        "product",
        "get_kind_display",
        "description",
        "supported_on",
        "certification",
        "certification_level",
        "obtained_on",
        "expires_on",
        "channel",
        *assistance.MARKETING_AMOUNT_FIELDS,
        "member.cohort.program.currency",
        PLAN_ACTIONS,
    ]
    export_headings = COMMON_EXPORT_HEADINGS
    export_filename = "marketing-support"


class AssistanceMenu(ViewSetGroup):
    menu_label = _("Assistance and marketing")
    menu_icon = "cogs"
    menu_order = 160
    items = (TechnicalAssistanceViewSet, MarketingSupportViewSet)
