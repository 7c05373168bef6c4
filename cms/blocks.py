from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/blocks/quote.html"


def heading_block():
    return blocks.CharBlock(
        label=_("Heading"),
        max_length=200,
        form_classname="title",
        template="components/blocks/heading.html",
    )


def paragraph_block():
    return blocks.RichTextBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES)


class BodyBlock(blocks.StreamBlock):
    heading = heading_block()
    paragraph = paragraph_block()
    image = ImageBlock(label=_("Image"), template="components/blocks/image.html")
    quote = QuoteBlock()


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "components/blocks/captioned_image.html"


class KeyFigureBlock(blocks.StructBlock):
    number = blocks.DecimalBlock(label=_("Number"), decimal_places=2)
    label = blocks.CharBlock(label=_("What it counts"), max_length=120)

    class Meta:
        icon = "order"
        label = _("Key figure")


class KeyFiguresBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(KeyFigureBlock(), **kwargs)

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "components/blocks/key_figures.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to show the document's own title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "components/blocks/document.html"


class CallBlock(blocks.PageChooserBlock):
    """A call shown as a card with its state, in the reader's language where translated."""

    def __init__(self, **kwargs):
        super().__init__(page_type="cms.CallPage", **kwargs)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["call_page"] = _localized_live(value)
        return context

    class Meta:
        icon = "form"
        label = _("Call for expressions of interest")
        template = "components/blocks/call.html"


class ResultsBlock(blocks.PageChooserBlock):
    """A link to a cohort's results page with its headline figures once they are computed."""

    def __init__(self, **kwargs):
        super().__init__(page_type="results.CohortResultsPage", **kwargs)

    def get_context(self, value, parent_context=None):
        from accelerator.results.figures import cohort_figures

        context = super().get_context(value, parent_context)
        page = _localized_live(value)
        context["results_page"] = page
        cohort_id = getattr(page, "cohort_id", None)
        context["figures"] = cohort_figures(cohort_id) if cohort_id else None
        return context

    class Meta:
        icon = "table"
        label = _("Cohort results")
        template = "components/blocks/results.html"


def _localized_live(page):
    """The chosen page in the reader's language when translated, else itself; None if unpublished."""
    if page is None:
        return None
    localized = page.localized.specific
    return localized if localized.live else None


class NewsBodyBlock(blocks.StreamBlock):
    heading = heading_block()
    paragraph = paragraph_block()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    document = DocumentBlock()
    call = CallBlock()
    results = ResultsBlock()
