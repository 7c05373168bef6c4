from django import forms
from django.contrib.auth import get_permission_codename
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup

from accelerator.cooperatives.models import CooperativeProfile
from accelerator.core.backoffice.columns import UserTextColumn
from accelerator.core.backoffice.panels import translated_fields
from accelerator.core.backoffice.viewsets import ProgramRecordsViewSet
from accelerator.eligibility.panels import eligibility_tab
from accelerator.reviews.application_list import (
    SCORE_EXPORT_HEADINGS,
    ApplicationIndexView,
    ScoreColumn,
    with_review_figures,
)
from accelerator.reviews.panels import scoring_tab

from .admin_filters import ApplicationFilterSet, CallFilterSet
from .admin_forms import CallForm
from .admin_views import ApplicationInspectView, download_attachment
from .models import Application, Call

QUESTION_PANELS = [
    FieldRowPanel([FieldPanel("key"), FieldPanel("kind"), FieldPanel("required")]),
    translated_fields("label", _("Question")),
    translated_fields("help_text", _("Help text")),
    translated_fields("choices", _("Choices")),
    FieldRowPanel([FieldPanel("min_value"), FieldPanel("max_value")], heading=_("Numbers")),
]


class CallViewSet(ProgramRecordsViewSet):
    model = Call
    icon = "doc-full"
    menu_label = _("Calls")
    list_display = ["title", "program", "cohort", "reference_prefix", "opens_at", "closes_at"]
    filterset_class = CallFilterSet
    search_fields = ["title_en", "title_vi", "title_ar", "reference_prefix"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    translated_fields("title", _("Title")),
                    FieldRowPanel([FieldPanel("program"), FieldPanel("cohort")]),
                    FieldPanel("reference_prefix"),
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                            FieldPanel("timezone"),
                        ],
                        heading=_("Dates"),
                    ),
                    FieldPanel("target_cooperatives"),
                    FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                ],
                heading=_("Call"),
            ),
            ObjectList(
                [FieldPanel("allowed_file_types"), FieldPanel("max_file_size_mb")],
                heading=_("Attachments"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "questions",
                        heading=_("Questions beyond the cooperative profile"),
                        label=_("Question"),
                        panels=QUESTION_PANELS,
                    )
                ],
                heading=_("Questions"),
            ),
            eligibility_tab(),
            scoring_tab(),
        ],
        base_form_class=CallForm,
    )

    def visible_to(self, user):
        return Call.objects.visible_to(user).select_related("program", "cohort__program")


class ApplicationViewSet(ProgramRecordsViewSet):
    """Submitted applications, read-only: staff read and export them, applicants write them."""

    model = Application
    icon = "form"
    index_view_class = ApplicationIndexView
    inspect_view_enabled = True
    inspect_view_class = ApplicationInspectView
    inspect_view_fields = [
        "reference",
        "call",
        "status",
        "submitted_at",
        "email",
        "language",
        *CooperativeProfile.PROFILE_FIELDS,
    ]
    list_display = [
        "reference",
        UserTextColumn("legal_name", label=_("Legal name"), sort_key="legal_name"),
        "call",
        "region",
        "province",
        "sector",
        "status",
        ScoreColumn("score", label=_("Score"), sort_key="score"),
        DateColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
    ]
    ordering = "-submitted_at"
    filterset_class = ApplicationFilterSet
    search_fields = ["reference", "legal_name", "registration_number", "email"]
    list_export = [
        "reference",
        "call",
        "get_status_display",
        "submitted_at",
        "email",
        "get_language_display",
        *CooperativeProfile.PROFILE_FIELDS,
        "get_eligibility_display",
        "phase",
        "score",
        "score_spread",
        "spread_flagged",
        "reviews_completed",
    ]
    export_headings = {
        "get_status_display": _("Status"),
        "get_language_display": _("Language"),
        "get_eligibility_display": _("Eligibility"),
        **SCORE_EXPORT_HEADINGS,
    }
    export_filename = "applications"

    def visible_to(self, user):
        return with_review_figures(
            Application.objects.visible_to(user).for_list().select_related("phase")
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

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            attachment_url_name=self.get_url_name("attachment"), **kwargs
        )

    @property
    def url_finder_class(self):
        # No edit screen: the admin's links to an application (site history) open it to read.
        return type(
            "ApplicationURLFinder",
            (ModelAdminURLFinder,),
            {"edit_url_name": self.get_url_name("inspect")},
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("attachments/<int:pk>/", download_attachment, name="attachment"),
        ]

    def get_permissions_to_register(self):
        return (
            super()
            .get_permissions_to_register()
            .filter(codename=get_permission_codename("view", self.model_opts))
        )


class CallsMenu(ViewSetGroup):
    menu_label = _("Calls")
    menu_icon = "doc-full"
    menu_order = 120
    items = (CallViewSet, ApplicationViewSet)
