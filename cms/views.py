from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from .pagination import paginate

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Site search over live pages in the reader's language only."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query)
        )
    page_of_results = paginate(request, results, RESULTS_PER_PAGE)
    return TemplateResponse(
        request,
        "cms/search.html",
        {
            "query": query,
            "results": page_of_results,
            "result_count": page_of_results.paginator.count,
        },
    )
