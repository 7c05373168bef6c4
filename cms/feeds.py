"""RSS and Atom feeds of one news index, served below it in its language
(`<news index>/feed/rss/` and `/feed/atom/`)."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from .links import full_url

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        # Django reads the feed's language as a plain attribute.
        self.language = self.index_page.locale.language_code
        return self.index_page

    def title(self, index_page):
        return f"{index_page.title} · {_('Cooperative Accelerator')}"

    def link(self, index_page):
        return full_url(index_page, self.request)

    def feed_url(self, index_page):
        return self.request.build_absolute_uri(self.request.path)

    def description(self, index_page):
        return index_page.intro or index_page.title

    def subtitle(self, index_page):
        return self.description(index_page)

    def items(self, index_page):
        return index_page.news()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return full_url(item, self.request)

    def item_guid(self, item):
        return full_url(item, self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
