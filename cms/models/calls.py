from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from accelerator.calls import views as apply_views
from accelerator.calls.models import Call
from accelerator.selection.figures import call_figures

from ..blocks import RICH_TEXT_FEATURES


class CallIndexPage(Page):
    """All calls of the site in one language: open ones first, then upcoming, then past."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["cms.CallPage"]

    class Meta:
        verbose_name = _("calls index page")
        verbose_name_plural = _("calls index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        calls = list(
            CallPage.objects.child_of(self)
            .live()
            .select_related("call")
            .order_by("-call__opens_at")
        )
        order = {Call.State.OPEN: 0, Call.State.UPCOMING: 1, Call.State.CLOSED: 2}
        now = timezone.now()
        calls.sort(key=lambda page: order[page.call.state(now)])
        context["open_calls"] = [p for p in calls if p.call.state(now) != Call.State.CLOSED]
        context["past_calls"] = [p for p in calls if p.call.state(now) == Call.State.CLOSED]
        return context


class FaqBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(
        label=_("Answer"), features=["bold", "italic", "link", "ul", "ol"]
    )

    class Meta:
        icon = "help"
        label = _("Question and answer")


class MilestoneBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    label = blocks.CharBlock(label=_("What happens"), max_length=200)

    class Meta:
        icon = "date"
        label = _("Milestone")


class CallPageQuerySet(PageQuerySet):
    def open_calls(self, now=None):
        """Pages whose call takes applications now, the soonest deadline first."""
        now = now or timezone.now()
        return (
            self.filter(call__opens_at__lte=now, call__closes_at__gt=now)
            .select_related("call")
            .order_by("call__closes_at")
        )


class CallPage(RoutablePageMixin, Page):
    """The public page of a call in one language, with the application form below it."""

    call = models.ForeignKey(
        Call,
        verbose_name=_("call"),
        on_delete=models.PROTECT,
        related_name="pages",
        help_text=_("Dates, regions, target and the form come from the call."),
    )
    intro = models.TextField(_("introduction"), blank=True, max_length=800)
    objectives = RichTextField(_("objectives"), blank=True, features=RICH_TEXT_FEATURES)
    eligibility = RichTextField(_("who may apply"), blank=True, features=RICH_TEXT_FEATURES)
    documents_required = RichTextField(
        _("documents required"), blank=True, features=RICH_TEXT_FEATURES
    )
    timeline = StreamField(
        [("milestone", MilestoneBlock())], blank=True, verbose_name=_("other milestones")
    )
    faq = StreamField(
        [("faq", FaqBlock())], blank=True, verbose_name=_("frequently asked questions")
    )
    contact = RichTextField(_("contact"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("call"),
        FieldPanel("intro"),
        FieldPanel("objectives"),
        FieldPanel("eligibility"),
        FieldPanel("documents_required"),
        FieldPanel("timeline"),
        FieldPanel("faq"),
        FieldPanel("contact"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("objectives"),
        index.SearchField("eligibility"),
    ]
    parent_page_types = ["cms.CallIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(CallPageQuerySet)()

    class Meta:
        verbose_name = _("call page")
        verbose_name_plural = _("call pages")

    @cached_property
    def state(self):
        return self.call.state()

    def timeline_items(self):
        """Opening, deadline and the editors' milestones, in date order on the call's clock."""
        opens = timezone.localtime(self.call.opens_at, self.call.tzinfo).date()
        closes = timezone.localtime(self.call.closes_at, self.call.tzinfo).date()
        items = [(opens, _("the call opens")), (closes, _("deadline for applications"))]
        items += [(block.value["date"], block.value["label"]) for block in self.timeline]
        return sorted(items, key=lambda item: item[0])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.call_context())
        context["timeline_items"] = self.timeline_items()
        if self.state == Call.State.CLOSED:
            context["figures"] = call_figures(self.call)
        context["regions"] = list(self.call.regions.all())
        return context

    def call_context(self):
        """What every screen about this call shows: its state and dates."""
        return {"call": self.call, "state": self.state}

    @path("apply/", name="apply")
    def apply_start(self, request):
        return apply_views.start(request, self)

    @path("apply/link/", name="apply_link")
    def apply_link(self, request):
        return apply_views.request_link(request, self)

    @path("apply/<str:token>/", name="application")
    def application(self, request, token):
        return apply_views.application(request, self, token)

    @path("apply/<str:token>/autosave/", name="autosave")
    def autosave(self, request, token):
        return apply_views.autosave(request, self, token)

    @path("apply/<str:token>/prefill/", name="prefill")
    def prefill(self, request, token):
        return apply_views.prefill(request, self, token)

    @path("apply/<str:token>/files/<int:file_id>/", name="attachment")
    def attachment(self, request, token, file_id):
        return apply_views.attachment(request, self, token, file_id)

    @path("apply/<str:token>/files/<int:file_id>/remove/", name="remove_attachment")
    def remove_attachment(self, request, token, file_id):
        return apply_views.remove_attachment(request, self, token, file_id)
