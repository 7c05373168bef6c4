from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def paginate(request, items, per_page, parameter="page"):
    """One page of a list; a bad or too large page number shows the first or the last page."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get(parameter, 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
