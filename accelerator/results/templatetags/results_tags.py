"""Figures written the way the reader's language writes numbers, with their unit."""

from django import template
from django.utils.translation import gettext as _

from accelerator.core.templatetags.platform_tags import num
from diagnostics.plans import decimals_for

from ..figures import COUNT, CURRENCY, FIELD_UNITS, HEADLINE_FIELDS, HOURS, PERCENT, POINTS

register = template.Library()

SIGNED = {"score_change", "sales_change_percent"}


def format_figure(value, unit, currency="", *, signed=False, with_currency=True):
    """The figure in the reader's locale with its unit (amounts with their currency code unless
    told otherwise), or "—" when it cannot be computed (nothing to divide by)."""
    if value is None:
        return "—"
    if unit in (PERCENT, POINTS, HOURS):
        text = num(value, 1)
    elif unit == CURRENCY:
        text = num(value, decimals_for(currency))
    else:
        text = num(value, 0)
    if signed and value > 0:
        text = "+" + text
    if unit == PERCENT:
        return _("%(number)s %%") % {"number": text}
    if unit == CURRENCY and currency and with_currency:
        return f"{text} {currency}"
    if unit == HOURS:
        return _("%(number)s h") % {"number": text}
    return text


@register.simple_tag
def figure(figures, key):
    """`{% figure figures "women_share" %}` → "52.3 %"."""
    return format_figure(
        figures.get(key),
        FIELD_UNITS.get(key, COUNT),
        figures.get("currency", ""),
        signed=key in SIGNED,
    )


@register.simple_tag
def headline_items(headline):
    """(key, label, text) of each headline figure."""
    return [
        (key, label, format_figure(headline.get(key), unit, signed=key == "score_change"))
        for key, label, unit in HEADLINE_FIELDS
    ]
