from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from wagtail import hooks

from accelerator.core.backoffice.views import InspectView

from .answer_display import answer_sheet
from .models import Application, ApplicationFile


class ApplicationInspectView(InspectView):
    """An application as submitted: its profile, then each answer against its own snapshot."""

    template_name = "calls/admin/application_inspect.html"
    #: Set by the viewset: the URL name of the attachment download.
    attachment_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["answer_sheet"] = answer_sheet(self.object, get_language())
        context["attachment_url_name"] = self.attachment_url_name
        # Other apps (eligibility, reviews, decisions) add their own sections through the
        # `application_panels` hook: a function (request, application) -> Component or None.
        context["panels"] = [
            panel
            for make_panel in hooks.get_hooks("application_panels")
            if (panel := make_panel(self.request, self.object)) is not None
        ]
        return context


@require_GET
def download_attachment(request, pk):
    """An attachment, to office staff of its program only; anyone else learns nothing (404)."""
    attachment = get_object_or_404(
        ApplicationFile, pk=pk, application__in=Application.objects.visible_to(request.user)
    )
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
