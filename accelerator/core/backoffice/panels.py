from django.conf import settings
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


def translated_fields(field_name, heading):
    """The versions of a translated field, one per language, English first."""
    names = dict(settings.LANGUAGES)
    return MultiFieldPanel(
        [
            FieldPanel(build_localized_fieldname(field_name, code), heading=names[code])
            for code in settings.MODELTRANSLATION_LANGUAGES
        ],
        heading=heading,
    )
