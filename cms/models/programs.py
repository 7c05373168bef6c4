from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from accelerator.calls.models import Call
from accelerator.programs.models import Organisation, Program
from accelerator.selection.figures import call_figures

from ..blocks import BodyBlock
from .calls import CallPage


class ProgramIndexPage(Page):
    """The programs run on this site, in one language."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["cms.ProgramPage"]

    class Meta:
        verbose_name = _("programs index page")
        verbose_name_plural = _("programs index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programs"] = (
            ProgramPage.objects.child_of(self).live().select_related("program").order_by("title")
        )
        return context


class PartnerRole(models.TextChoices):
    FUNDER = "funder", _("Funder")
    IMPLEMENTING_OFFICE = "implementing_office", _("Implementing office")
    PARTNER = "partner", _("Partner")


class ProgramPartner(Orderable):
    """An organisation presented on a program page with the part it plays."""

    page = ParentalKey("cms.ProgramPage", on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices)

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return f"{self.organisation} — {self.get_role_display()}"


class ProgramPage(Page):
    """A program presented to the public: what it does, who funds it, its cohorts and calls,
    how its calls were handled, from the records, and its cohorts' results pages below it."""

    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.PROTECT, related_name="pages"
    )
    intro = models.TextField(_("introduction"), blank=True, max_length=800)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("program"),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel(
            "partners",
            heading=_("Partners"),
            label=_("Partner"),
            help_text=_(
                "Leave empty to show the program's funders and implementing office as recorded."
            ),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.ProgramIndexPage"]
    subpage_types = ["results.CohortResultsPage"]

    class Meta:
        verbose_name = _("program page")
        verbose_name_plural = _("program pages")

    def partners_by_role(self, program):
        """(role label, organisations) per role in a fixed order; the program's own record when
        editors listed no partner on the page."""
        entries = [
            (partner.role, partner.organisation)
            for partner in self.partners.select_related("organisation")
        ]
        if not entries:
            entries = [(PartnerRole.FUNDER, funder) for funder in program.funders.all()]
            if program.implementing_office:
                entries.append((PartnerRole.IMPLEMENTING_OFFICE, program.implementing_office))
        return [
            (role.label, organisations)
            for role in PartnerRole
            if (organisations := [org for code, org in entries if code == role])
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        program = (
            Program.objects.select_related("implementing_office")
            .prefetch_related("funders")
            .get(pk=self.program_id)
        )
        call_pages = {
            page.call_id: page
            for page in CallPage.objects.live()
            .filter(locale=self.locale, call__program=program)
            .select_related("call")
        }
        calls = []
        for call in program.calls.order_by("-opens_at"):
            state = call.state()
            calls.append(
                {
                    "call": call,
                    "page": call_pages.get(call.pk),
                    "state": state,
                    "figures": call_figures(call) if state == Call.State.CLOSED else None,
                }
            )
        context.update(
            program=program,
            partners=self.partners_by_role(program),
            cohorts=program.cohorts.prefetch_related("phases").annotate(
                admitted=models.Count("members", filter=models.Q(members__status="active"))
            ),
            calls=calls,
            results_pages=self.get_children().live().public().order_by("path"),
        )
        return context
