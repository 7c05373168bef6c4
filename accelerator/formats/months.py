"""Month names as Morocco writes them in Arabic (ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر).

Django's Arabic catalog uses the Middle-Eastern names; our catalog, which takes precedence,
supplies the Moroccan ones. Listing the names here keeps them in our catalogs.
"""

from django.utils.translation import gettext_noop

MONTH_NAMES = (
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)
