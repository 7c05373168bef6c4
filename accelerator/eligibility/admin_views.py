from celery.result import EagerResult
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accelerator.calls.models import Application, Call

from .components import check_rows
from .forms import OverrideForm
from .models import EligibilityRule
from .services import labelled_summary, override
from .tasks import rescreen_call


class ScreenCallAgainView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then screen every submitted application of a call against its current rules.

    Only the office of the call's program reaches it; anyone else gets a 404.
    """

    template_name = "eligibility/admin/screen_again.html"
    page_title = gettext_lazy("Screen applications again")
    header_icon = "tasks"

    def dispatch(self, request, pk):
        self.call = get_object_or_404(Call.objects.visible_to(request.user), pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.call.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("call:index"), "label": _("Calls")},
            {"url": self.edit_url, "label": self.call.title},
            {"url": "", "label": self.page_title},
        ]

    @property
    def edit_url(self):
        return reverse("call:edit", args=[self.call.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            call=self.call,
            summary=labelled_summary(self.call),
            rule_count=EligibilityRule.objects.filter(call=self.call).count(),
            edit_url=self.edit_url,
            action_url=reverse("eligibility_screen_call", args=[self.call.pk]),
        )
        return context

    def post(self, request, pk):
        result = rescreen_call.delay(self.call.pk)
        if not isinstance(result, EagerResult):
            messages.success(
                request,
                _("The applications are being screened again; the results appear shortly."),
            )
        elif result.successful() and result.result is not None:
            counts = result.result
            total = sum(counts.values())
            messages.success(
                request,
                ngettext(
                    "%(total)s application screened again: %(eligible)s eligible, "
                    "%(ineligible)s not eligible.",
                    "%(total)s applications screened again: %(eligible)s eligible, "
                    "%(ineligible)s not eligible.",
                    total,
                )
                % {
                    "total": total,
                    "eligible": counts.get(Application.Eligibility.ELIGIBLE, 0),
                    "ineligible": counts.get(Application.Eligibility.INELIGIBLE, 0),
                },
            )
        else:
            messages.error(request, _("The applications could not be screened again."))
        return redirect(self.edit_url)


class OverrideView(WagtailAdminTemplateMixin, FormView):
    """Replace an application's screening result, with the justification kept on record."""

    form_class = OverrideForm
    template_name = "eligibility/admin/override.html"
    page_title = gettext_lazy("Override eligibility")
    header_icon = "form"

    def dispatch(self, request, pk):
        self.application = get_object_or_404(Application.objects.visible_to(request.user), pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.application.reference

    @property
    def inspect_url(self):
        return reverse("application:inspect", args=[self.application.pk])

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("application:index"), "label": _("Applications")},
            {"url": self.inspect_url, "label": self.application.reference},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            application=self.application,
            checks=check_rows(self.application.eligibility_checks.all()),
            action_url=reverse("eligibility_override", args=[self.application.pk]),
            submit_button_label=_("Override"),
        )
        return context

    def form_valid(self, form):
        override(
            self.application,
            eligible=form.cleaned_data["eligible"],
            justification=form.cleaned_data["justification"],
            user=self.request.user,
        )
        messages.success(
            self.request,
            _("Eligibility of %(reference)s set to “%(result)s”.")
            % {
                "reference": self.application.reference,
                "result": self.application.get_eligibility_display(),
            },
        )
        return redirect(self.inspect_url)
