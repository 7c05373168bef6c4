from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from accelerator.calls.models import TIMEZONES
from accelerator.programs.models import Organisation, Program

from ..blocks import BodyBlock
from ..pagination import paginate

EVENTS_PER_PAGE = 10


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Events not over yet, the next one first."""
        now = now or timezone.now()
        return self.filter(end__gte=now).select_related("program").order_by("start", "pk")

    def past(self, now=None):
        """Events that are over, the latest first."""
        now = now or timezone.now()
        return self.filter(end__lt=now).select_related("program").order_by("-start", "-pk")


class EventIndexPage(Page):
    """The program's meetings, workshops and trainings in one language: upcoming, then past."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["cms.EventPage"]

    class Meta:
        verbose_name = _("events index page")
        verbose_name_plural = _("events index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = EventPage.objects.live().public().child_of(self)
        context.update(
            upcoming_events=paginate(
                request, events.upcoming(now), EVENTS_PER_PAGE, parameter="upcoming"
            ),
            past_events=paginate(request, events.past(now), EVENTS_PER_PAGE, parameter="past"),
        )
        return context


class EventPage(Page):
    """A kick-off meeting, a workshop, a steering committee meeting or a training."""

    class Kind(models.TextChoices):
        KICK_OFF = "kick_off", _("Kick-off meeting")
        WORKSHOP = "workshop", _("Workshop")
        STEERING_COMMITTEE = "steering_committee", _("Steering committee meeting")
        TRAINING = "training", _("Training")
        OTHER = "other", _("Other")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    kind = models.CharField(_("kind of event"), max_length=20, choices=Kind.choices)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=TIMEZONES,
        default="Africa/Casablanca",
        help_text=_("Where the event takes place: its times are shown on this clock."),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    mode = models.CharField(
        _("attendance"), max_length=20, choices=Mode.choices, default=Mode.IN_PERSON
    )
    program = models.ForeignKey(
        Program,
        verbose_name=_("program"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_pages",
    )
    participants = models.PositiveIntegerField(
        _("number of participants"),
        null=True,
        blank=True,
        help_text=_("Fill in after the event."),
    )
    partners_present = ParentalManyToManyField(
        Organisation, verbose_name=_("partners present"), blank=True, related_name="+"
    )
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("place"), FieldPanel("mode")]),
                FieldPanel("program"),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [FieldPanel("participants"), FieldPanel("partners_present")],
            heading=_("Who took part"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("place"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.EventIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(EventPageQuerySet)()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event must end after it starts.")})
