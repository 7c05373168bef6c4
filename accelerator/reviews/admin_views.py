"""Reviewers' workspace and the office's review screens in the Wagtail admin.

Reviewers reach only their own reviews (`Review.objects.for_reviewer`); office staff only the
calls and applications of their programs (`visible_to`). Anything else answers 404.
"""

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView, WagtailAdminTemplateMixin

from accelerator.calls.answer_display import answer_sheet
from accelerator.calls.models import Application, ApplicationFile, Call
from accelerator.core.backoffice.columns import UserTextColumn
from accelerator.programs.models import Membership
from accelerator.programs.roles import roles_of

from .forms import AssignReviewersForm, ConflictForm, ScoreForm
from .models import Criterion, Review
from .services import (
    ConflictError,
    ReviewClosed,
    assign,
    assign_balanced,
    declare_conflict,
    is_spread_flagged,
    ranking,
    reviewer_progress,
    save_scores,
)

#: What a reviewer reads of the cooperative: its profile without the contact details, which
#: scoring does not need.
REVIEWER_PROFILE_FIELDS = (
    "legal_name",
    "registration_number",
    "registration_date",
    "legal_form",
    "region",
    "province",
    "commune",
    "sector",
    "members_total",
    "members_women",
    "members_youth",
    "founders_count",
    "products",
    "annual_turnover",
)


def home_crumb():
    return {"url": reverse("wagtailadmin_home"), "label": _("Home")}


def my_reviews_crumb():
    return {"url": reverse("reviews:mine"), "label": _("My reviews")}


# The reviewer's workspace ------------------------------------------------------------------


class MyReviewsView(BaseListingView):
    """The reviewer's applications, what is still to score first."""

    page_title = gettext_lazy("My reviews")
    header_icon = "tasks"
    index_url_name = "reviews:mine"
    paginate_by = 50
    verbose_name_plural = gettext_lazy("reviews")
    columns = [
        TitleColumn(
            "reference",
            label=gettext_lazy("Reference"),
            accessor="application.reference",
            get_url=lambda review: reverse("reviews:review", args=[review.pk]),
        ),
        UserTextColumn(
            "cooperative", label=gettext_lazy("Cooperative"), accessor="application.legal_name"
        ),
        Column("call", label=gettext_lazy("Call"), accessor="application.call"),
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        Column("total", label=gettext_lazy("Your total")),
    ]

    def dispatch(self, request, *args, **kwargs):
        # Like its menu item: a screen of reviewers only.
        if not (request.user.is_superuser or holds_reviewer_role(request.user)):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return Review.objects.for_reviewer(self.request.user).with_application().todo_first()

    def get_breadcrumbs_items(self):
        return [home_crumb(), {"url": "", "label": self.get_page_title()}]


def profile_rows(application):
    options = application._meta
    return [
        (capfirst(options.get_field(name).verbose_name), getattr(application, name))
        for name in REVIEWER_PROFILE_FIELDS
    ]


class ReviewView(WagtailAdminTemplateMixin, TemplateView):
    """The scoring screen: the application as submitted, then the grid."""

    template_name = "reviews/admin/review.html"
    header_icon = "tasks"

    def dispatch(self, request, pk):
        self.review = get_object_or_404(
            Review.objects.for_reviewer(request.user).select_related(
                "application__call",
                "application__legal_form",
                "application__region",
                "application__province",
                "application__sector",
            ),
            pk=pk,
        )
        self.application = self.review.application
        self.criteria = list(Criterion.objects.filter(call_id=self.application.call_id))
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Review of %(reference)s") % {"reference": self.application.reference}

    def get_breadcrumbs_items(self):
        return [home_crumb(), my_reviews_crumb(), {"url": "", "label": self.get_page_title()}]

    def saved_scores(self):
        return {score.criterion_id: score for score in self.review.scores.all()}

    def get_form(self, data=None):
        initial = {"overall_comment": self.review.overall_comment, "version": self.review.version}
        for criterion_id, score in self.saved_scores().items():
            initial[f"score_{criterion_id}"] = score.value
            initial[f"comment_{criterion_id}"] = score.comment
        return ScoreForm(data, initial=initial, criteria=self.criteria)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            review=self.review,
            application=self.application,
            closed=self.review.status == Review.Status.CONFLICT,
        )
        if context["closed"]:
            return context
        saved = self.saved_scores()
        context.update(
            profile=profile_rows(self.application),
            answer_sheet=answer_sheet(self.application, get_language()),
            attachment_url_name="reviews:attachment",
            graded=[(criterion, saved.get(criterion.pk)) for criterion in self.criteria],
            conflict_form=kwargs.get("conflict_form") or ConflictForm(),
        )
        return context

    def get(self, request, pk):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, pk):
        if request.POST.get("action") == "conflict":
            return self.post_conflict(request, pk)
        if not self.review.is_open:
            messages.error(request, _("This review was already submitted: it cannot change."))
            return redirect("reviews:review", pk)
        form = self.get_form(request.POST)
        submit = request.POST.get("action") == "submit"
        status = 200
        if form.is_valid():
            try:
                save_scores(
                    self.review,
                    form.scores(),
                    form.comments(),
                    form.cleaned_data["overall_comment"],
                    version=form.cleaned_data["version"],
                    submit=submit,
                )
            except ConflictError:
                status = 409
                form.add_error(
                    None,
                    _(
                        "This review was saved in another tab or window after you opened it. "
                        "Nothing was overwritten: what you typed is still below. Open the "
                        "review again to see the saved version, then make your changes there."
                    ),
                )
            except ReviewClosed:
                messages.error(request, _("This review was already submitted: it cannot change."))
                return redirect("reviews:review", pk)
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                if submit:
                    messages.success(request, _("Your review was submitted. Thank you."))
                    return redirect("reviews:mine")
                messages.success(request, _("Your scores were saved."))
                return redirect("reviews:review", pk)
        return self.render_to_response(self.get_context_data(form=form), status=status)

    def post_conflict(self, request, pk):
        if self.review.status == Review.Status.CONFLICT:
            return redirect("reviews:review", pk)
        conflict_form = ConflictForm(request.POST)
        if conflict_form.is_valid():
            declare_conflict(self.review, conflict_form.cleaned_data["reason"])
            messages.success(
                request,
                _(
                    "Your conflict of interest was recorded; the application will go to someone else."
                ),
            )
            return redirect("reviews:mine")
        return self.render_to_response(
            self.get_context_data(form=self.get_form(), conflict_form=conflict_form)
        )


@require_GET
def download_attachment(request, pk):
    """A document of an application the person is reviewing; nothing else (404)."""
    reviewing = Review.objects.for_reviewer(request.user).active().values("application_id")
    attachment = get_object_or_404(ApplicationFile, pk=pk, application_id__in=reviewing)
    try:
        content = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        content,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


# The office's screens -----------------------------------------------------------------------


class CallReviewsView(WagtailAdminTemplateMixin, TemplateView):
    """A call's reviews: the grid, each reviewer's progress, the ranking per call and phase."""

    template_name = "reviews/admin/call_reviews.html"
    header_icon = "tasks"

    def dispatch(self, request, pk):
        self.call = get_object_or_404(
            Call.objects.visible_to(request.user).select_related("cohort"), pk=pk
        )
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Reviews")

    def get_page_subtitle(self):
        return str(self.call)

    def get_breadcrumbs_items(self):
        return [
            home_crumb(),
            {"url": reverse("call:index"), "label": _("Calls")},
            {"url": reverse("call:edit", args=[self.call.pk]), "label": str(self.call)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        call = self.call
        context.update(
            call=call,
            criteria=list(Criterion.objects.filter(call=call)),
            progress=reviewer_progress(call),
            ranking=ranked_rows(ranking(call)),
            phases=[
                (phase, ranked_rows(ranking(call, phase))) for phase in call.cohort.phases.all()
            ],
            inspect_url_name="application:inspect",
        )
        return context


def ranked_rows(applications):
    return [
        (position, application, is_spread_flagged(application))
        for position, application in enumerate(applications, start=1)
    ]


@require_POST
def assign_balanced_view(request, pk):
    call = get_object_or_404(Call.objects.visible_to(request.user), pk=pk)
    summary = assign_balanced(call, by=request.user)
    messages.success(
        request,
        ngettext("%(count)d review assigned.", "%(count)d reviews assigned.", summary.assigned)
        % {"count": summary.assigned},
    )
    if summary.understaffed:
        details = "; ".join(
            f"{item.application.reference}: {item.reason}" for item in summary.understaffed[:10]
        )
        messages.warning(
            request,
            ngettext(
                "%(count)d application still lacks reviewers (%(details)s).",
                "%(count)d applications still lack reviewers (%(details)s).",
                len(summary.understaffed),
            )
            % {"count": len(summary.understaffed), "details": details},
        )
    return redirect("reviews:call", pk)


@require_POST
def assign_reviewers_view(request, pk):
    application = get_object_or_404(
        Application.objects.visible_to(request.user).select_related("call"), pk=pk
    )
    form = AssignReviewersForm(request.POST, application=application)
    if not form.is_valid():
        messages.error(request, _("Choose reviewers among those offered."))
    else:
        try:
            created = assign(application, form.cleaned_data["reviewers"], by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)d reviewer assigned.", "%(count)d reviewers assigned.", len(created)
                )
                % {"count": len(created)},
            )
    return redirect(reverse("application:inspect", args=[pk]) + "#reviews")


class ApplicationReviewsPanel(Component):
    """The reviews section of an application's page in the back-office."""

    template_name = "reviews/admin/application_panel.html"

    def __init__(self, request, application):
        self.request = request
        self.application = application

    def render_html(self, parent_context=None):
        return render_to_string(
            self.template_name, self.get_context_data(parent_context), request=self.request
        )

    def get_context_data(self, parent_context=None):
        application = self.application
        criteria = list(Criterion.objects.filter(call_id=application.call_id))
        reviews = list(application.reviews.select_related("reviewer").prefetch_related("scores"))
        rows = []
        for review in reviews:
            by_criterion = {score.criterion_id: score for score in review.scores.all()}
            rows.append(
                (review, [(criterion, by_criterion.get(criterion.pk)) for criterion in criteria])
            )
        return {
            "application": application,
            "call": application.call,
            "criteria": criteria,
            "rows": rows,
            "flagged": is_spread_flagged(application),
            "assign_form": AssignReviewersForm(application=application),
            "assign_url": reverse("reviews:assign", args=[application.pk]),
            "call_url": reverse("reviews:call", args=[application.call_id]),
        }


def application_panel(request, application):
    if not Call.objects.visible_to(request.user).filter(pk=application.call_id).exists():
        return None
    return ApplicationReviewsPanel(request, application)


def holds_reviewer_role(user):
    return Membership.Role.REVIEWER in roles_of(user)
