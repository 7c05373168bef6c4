def full_url(page, request):
    """A page's full address on the host the reader used, as the hreflang links in the head
    give it (Wagtail's `get_full_url` would use the site's configured host name instead)."""
    return request.build_absolute_uri(page.get_url(request))
