from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from accelerator.core.templatetags.platform_tags import num
from diagnostics.plans import decimals_for

register = template.Library()


@register.filter
def money(amount, currency):
    """An amount in a currency, grouped as the reader's language writes numbers:
    `{{ action.budget_program|money:budget }}` (a plans.Budget) or `{{ amount|money:"VND" }}`."""
    if amount is None:
        return ""
    code = getattr(currency, "currency", currency)
    return format_html('<bdi class="money">{} {}</bdi>', num(amount, decimals_for(code)), code)


@register.filter
def percent(value):
    """A share rounded to a whole percent, or a dash when there is none."""
    if value is None:
        return "—"
    return _("%(value)s%%") % {"value": num(round(value), 0)}
