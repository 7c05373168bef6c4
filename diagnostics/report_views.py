"""The printable report, opened by its unguessable link: no account needed, nothing else open."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accelerator.core.signed_links import InvalidLink

from . import links, report


@require_GET
@never_cache
def report_page(request, token):
    try:
        member_id = links.read_token(token)
    except InvalidLink:
        raise Http404 from None
    member = get_object_or_404(report.members_for_report(), pk=member_id)
    response = TemplateResponse(request, "diagnostics/report.html", report.build(member))
    # A private page: never indexed, never sent on as a referrer.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
