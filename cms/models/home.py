from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BodyBlock

HOME_NEWS_COUNT = 3
HOME_EVENTS_COUNT = 3


class HomePage(Page):
    """The site's front page, one per language, linked by Wagtail's translation key."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 3

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from accelerator.results.figures import headline_figures

        from .calls import CallPage
        from .events import EventIndexPage, EventPage
        from .news import NewsIndexPage, NewsPage

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        in_this_site = {"locale_id": self.locale_id, "path__startswith": self.path}
        context.update(
            open_calls=CallPage.objects.live().public().filter(**in_this_site).open_calls(now),
            latest_news=list(
                NewsPage.objects.live()
                .public()
                .filter(**in_this_site)
                .for_listing()[:HOME_NEWS_COUNT]
            ),
            upcoming_events=list(
                EventPage.objects.live()
                .public()
                .filter(**in_this_site)
                .upcoming(now)[:HOME_EVENTS_COUNT]
            ),
            news_index=NewsIndexPage.objects.live().filter(**in_this_site).first(),
            events_index=EventIndexPage.objects.live().filter(**in_this_site).first(),
            headline=headline_figures(),
        )
        return context
