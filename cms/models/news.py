from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from accelerator.programs.models import Program

from ..blocks import NewsBodyBlock
from ..pagination import paginate

NEWS_PER_PAGE = 10


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPageQuerySet(PageQuerySet):
    def for_listing(self):
        """Newest first, with what a list of news shows loaded in the same few queries."""
        return (
            self.select_related("program", "image")
            .prefetch_related("tags")
            .order_by("-date", "-pk")
        )


class NewsIndexPage(RoutablePageMixin, Page):
    """The news of the site in one language, filterable by program and tag, with its feeds."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["cms.NewsPage"]

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def news(self):
        return NewsPage.objects.live().public().child_of(self).for_listing()

    def get_context(self, request, *args, **kwargs):
        from ..filters import NewsFilter

        context = super().get_context(request, *args, **kwargs)
        news_filter = NewsFilter(request.GET or None, queryset=self.news(), index_page=self)
        context.update(
            news_filter=news_filter,
            news=paginate(request, news_filter.qs, NEWS_PER_PAGE),
            filter_query=news_filter.query_string(),
        )
        return context

    @path("feed/rss/", name="rss_feed")
    def rss_feed(self, request):
        from ..feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        from ..feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsPage(Page):
    """A news item: a kick-off, a steering committee, a training, a call announced."""

    date = models.DateField(_("date"), default=timezone.localdate)
    program = models.ForeignKey(
        Program,
        verbose_name=_("program"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_pages",
    )
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Shown in lists and when the page is shared."),
    )
    body = StreamField(NewsBodyBlock(), blank=True, verbose_name=_("body"))
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("program"), FieldPanel("tags")],
            heading=_("About this news item"),
        ),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
