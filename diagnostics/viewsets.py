"""Admin screens of the capacity instrument: instruments, their versions, domains with their
questions, and the library of standard actions.

A version used by a diagnostic is frozen: its domains and questions are refused by the form
(see admin_forms.py) and by the delete view, whatever buttons the screen shows. Changing it
means "Create the next version", which copies it and links each question to the one it copies.
"""

from django import forms
from django.contrib.auth.models import Permission
from django.db.models import Count, Max
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    get_form_for_model,
)
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets.button import Button

from accelerator.core.backoffice import views as backoffice
from accelerator.core.backoffice.panels import translated_fields
from accelerator.core.backoffice.viewsets import BackOfficeViewSet

from .admin_forms import DomainForm, InstrumentVersionForm, QuestionForm, frozen_error
from .models import Domain, Instrument, InstrumentVersion, StandardAction
from .models.instrument import LEVELS

LEVEL_HEADINGS = {
    0: gettext_lazy("Level 0 — absent"),
    1: gettext_lazy("Level 1 — weak"),
    2: gettext_lazy("Level 2 — basic"),
    3: gettext_lazy("Level 3 — good"),
    4: gettext_lazy("Level 4 — very good"),
}


class InstrumentScreens(BackOfficeViewSet):
    """The instrument is shared by all programs: permissions come from the policy registered
    in wagtail_hooks.py, not from per-model Django permissions."""

    def get_permissions_to_register(self):
        return Permission.objects.none()


# Instruments ---------------------------------------------------------------------------------


class InstrumentViewSet(InstrumentScreens):
    model = Instrument
    name = "instruments"
    icon = "clipboard-list"
    menu_label = gettext_lazy("Instruments")
    list_display = [
        "name",
        "code",
        Column("latest_version", label=gettext_lazy("Latest version"), sort_key="latest_version"),
    ]
    search_fields = ["name_en", "name_vi", "name_ar", "code"]
    panels = [
        translated_fields("name", gettext_lazy("Name")),
        FieldPanel("code"),
        translated_fields("description", gettext_lazy("Description")),
    ]

    def visible_to(self, user):
        return Instrument.objects.annotate(latest_version=Max("versions__number"))


# Versions ------------------------------------------------------------------------------------


def frozen_state(version):
    if version.frozen_at is None:
        return _("Open to changes")
    return _("Frozen since %(date)s") % {
        "date": date_format(version.frozen_at, "SHORT_DATE_FORMAT")
    }


class VersionDomainsPanel(HelpPanel):
    """The version's domains, each a link to its questions, and where to add another."""

    def __init__(self, **kwargs):
        kwargs.setdefault("template", "diagnostics/admin/version_domains.html")
        kwargs.setdefault("heading", gettext_lazy("Domains and questions"))
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            version = self.instance
            context.update(
                version=version,
                frozen_state=frozen_state(version),
                domains=[
                    (domain, reverse("instrument_domains:edit", args=[domain.pk]))
                    for domain in version.domains.annotate(question_count=Count("questions"))
                ],
                add_url=f"{reverse('instrument_domains:add')}?version={version.pk}",
                next_url=reverse("instrument_versions:next", args=[version.pk]),
            )
            return context


def next_version_button(url):
    return Button(_("Create the next version"), url=url, icon_name="copy", priority=5)


class VersionIndexView(backoffice.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            MenuItem(
                _("Domains and questions"),
                url=f"{reverse('instrument_domains:index')}?version={instance.pk}",
                icon_name="list-ul",
                priority=15,
            )
        )
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            buttons.append(
                MenuItem(
                    _("Create the next version"),
                    url=reverse("instrument_versions:next", args=[instance.pk]),
                    icon_name="copy",
                    priority=16,
                )
            )
        return buttons


class VersionEditView(backoffice.EditView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.object.is_frozen:
            messages.warning(
                request,
                _(
                    "This version is frozen: diagnostics use it. Its domains and questions can "
                    "no longer change; create the next version to change them."
                ),
            )
        return response

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            buttons.append(
                next_version_button(reverse("instrument_versions:next", args=[self.object.pk]))
            )
        return buttons


class InstrumentVersionViewSet(InstrumentScreens):
    model = InstrumentVersion
    name = "instrument_versions"
    icon = "history"
    menu_label = gettext_lazy("Instrument versions")
    index_view_class = VersionIndexView
    edit_view_class = VersionEditView
    base_form_class = InstrumentVersionForm
    list_display = [
        "__str__",
        BooleanColumn("is_published", label=gettext_lazy("Offered to coaches")),
        Column("frozen", label=gettext_lazy("State"), accessor=frozen_state, sort_key="frozen_at"),
        Column("domain_count", label=gettext_lazy("Domains")),
        Column("diagnostic_count", label=gettext_lazy("Diagnostics")),
    ]
    list_filter = ["instrument", "is_published"]
    panels = [
        FieldRowPanel([FieldPanel("instrument"), FieldPanel("number")]),
        FieldPanel("is_published"),
        FieldPanel("notes"),
        VersionDomainsPanel(),
    ]

    def visible_to(self, user):
        return InstrumentVersion.objects.select_related("instrument").annotate(
            domain_count=Count("domains", distinct=True),
            diagnostic_count=Count("diagnostics", distinct=True),
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("next/<int:pk>/", self.next_version_view, name="next"),
        ]

    def next_version_view(self, request, pk):
        """GET: what will happen; POST: copy the version and open the copy."""
        if not self.permission_policy.user_has_permission(request.user, "add"):
            raise Http404
        version = get_object_or_404(self.visible_to(request.user), pk=pk)
        if request.method == "POST":
            copy = version.new_version()
            messages.success(
                request,
                _(
                    "Version %(number)s created as a copy of version %(previous)s. Change it, "
                    "then offer it to coaches."
                )
                % {"number": copy.number, "previous": version.number},
            )
            return redirect(self.get_url_name("edit"), copy.pk)
        title = _("Create the next version")
        return TemplateResponse(
            request,
            "diagnostics/admin/next_version.html",
            {
                "page_title": title,
                "header_title": title,
                "header_icon": self.icon,
                "version": version,
                "cancel_url": reverse(self.get_url_name("edit"), args=[version.pk]),
            },
        )


# Domains and their questions -----------------------------------------------------------------


def level_panels():
    return [translated_fields(f"level_{level}", LEVEL_HEADINGS[level]) for level in LEVELS]


QUESTION_PANELS = [
    FieldRowPanel([FieldPanel("code"), FieldPanel("weight")]),
    translated_fields("text", gettext_lazy("Question")),
    translated_fields("evidence_hint", gettext_lazy("Evidence to look for")),
    MultiFieldPanel(level_panels(), heading=gettext_lazy("What each level looks like")),
    FieldPanel("equivalent_to"),
]


class QuestionsPanel(InlinePanel):
    """The domain's questions, each through QuestionForm (choice and check of "same question
    as"): Wagtail builds inline forms from its own base class unless told otherwise."""

    def get_form_options(self):
        options = super().get_form_options()
        deferred = self.child_edit_handler.get_form_options().get("defer_required_on_fields")
        extra = {"defer_required_on_fields": deferred} if deferred else {}
        options["formsets"][self.relation_name]["form"] = get_form_for_model(
            self.db_field.related_model, form_class=QuestionForm, **extra
        )
        return options


class DomainCreateView(backoffice.CreateView):
    def get_initial_form_instance(self):
        """Opened from a version's page, the new domain belongs to that version."""
        instance = super().get_initial_form_instance() or self.model()
        version_id = self.request.GET.get("version", "")
        if version_id.isdigit():
            instance.version = InstrumentVersion.objects.filter(
                pk=version_id, frozen_at__isnull=True
            ).first()
        return instance


class DomainEditView(backoffice.EditView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.object.version.is_frozen:
            messages.warning(request, str(frozen_error(self.object.version).messages[0]))
        return response


class DomainDeleteView(backoffice.DeleteView):
    def post(self, request, *args, **kwargs):
        domain = self.get_object()
        if domain.version.is_frozen:
            messages.error(request, str(frozen_error(domain.version).messages[0]))
            return redirect(self.index_url_name)
        return super().post(request, *args, **kwargs)


class DomainViewSet(InstrumentScreens):
    model = Domain
    name = "instrument_domains"
    icon = "list-ul"
    menu_label = gettext_lazy("Domains and questions")
    add_view_class = DomainCreateView
    edit_view_class = DomainEditView
    delete_view_class = DomainDeleteView
    base_form_class = DomainForm
    list_display = [
        "name",
        "code",
        "version",
        "weight",
        Column("question_count", label=gettext_lazy("Questions")),
    ]
    list_filter = ["version"]
    search_fields = ["name_en", "name_vi", "name_ar", "code"]
    # Domains follow the instrument's order, not a drag-and-drop list across versions.
    sort_order_field = None
    panels = [
        FieldPanel("version"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("weight"), FieldPanel("sort_order")]),
        translated_fields("name", gettext_lazy("Name")),
        translated_fields("description", gettext_lazy("Description")),
        QuestionsPanel(
            "questions",
            heading=gettext_lazy("Questions"),
            label=gettext_lazy("Question"),
            panels=QUESTION_PANELS,
        ),
    ]

    def visible_to(self, user):
        return Domain.objects.select_related("version__instrument").annotate(
            question_count=Count("questions")
        )


# Standard actions ----------------------------------------------------------------------------


def domain_code_choices():
    """The domain codes of every version, named as the latest version names them."""
    names = {}
    for domain in Domain.objects.order_by("version__number", "sort_order"):
        names[domain.code] = domain.name
    return [("", "---------"), *((code, f"{name} ({code})") for code, name in names.items())]


class StandardActionViewSet(InstrumentScreens):
    model = StandardAction
    name = "standard_actions"
    icon = "tasks"
    menu_label = gettext_lazy("Standard actions")
    list_display = [
        "title",
        "domain_code",
        "category",
        BooleanColumn("is_active", label=gettext_lazy("Offered"), sort_key="is_active"),
    ]
    list_filter = ["domain_code", "category", "is_active"]
    search_fields = ["title_en", "title_vi", "title_ar", "domain_code"]
    panels = [
        FieldRowPanel(
            [
                FieldPanel("domain_code", widget=forms.Select(choices=domain_code_choices)),
                FieldPanel("category"),
                FieldPanel("is_active"),
            ]
        ),
        translated_fields("title", gettext_lazy("Title")),
        translated_fields("description", gettext_lazy("Description")),
    ]


class DiagnosticsMenu(ViewSetGroup):
    menu_label = gettext_lazy("Diagnostic instrument")
    menu_icon = "clipboard-list"
    menu_order = 140
    items = (InstrumentViewSet, InstrumentVersionViewSet, DomainViewSet, StandardActionViewSet)
