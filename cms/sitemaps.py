"""sitemap.xml: every live public page of the site in every language, each with hreflang
alternates pointing at its translations."""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

from .links import full_url

# Search engines use this version for a reader whose language the site does not offer.
X_DEFAULT_LANGUAGE = settings.LANGUAGE_CODE


class TranslatedPagesSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_root = reduce(or_, (Q(path__startswith=root.path) for root in roots))
        return (
            Page.objects.live().public().filter(in_a_root).select_related("locale").order_by("path")
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        locations = {item.pk: full_url(item, self.request) for item in pages}
        versions = defaultdict(list)
        for item in pages:
            versions[item.translation_key].append(
                {"lang_code": item.locale.language_code, "location": locations[item.pk]}
            )
        urls = []
        for item in pages:
            urls.append(
                {
                    "item": item,
                    "location": locations[item.pk],
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": _alternates(versions[item.translation_key]),
                }
            )
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


def _alternates(versions):
    """Each language version, plus x-default, when the page exists in more than one."""
    if len(versions) < 2:
        return []
    alternates = sorted(versions, key=lambda version: version["lang_code"])
    for version in alternates:
        if version["lang_code"] == X_DEFAULT_LANGUAGE:
            return [*alternates, {"lang_code": "x-default", "location": version["location"]}]
    return alternates


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": TranslatedPagesSitemap})
