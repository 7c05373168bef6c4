from django import template

register = template.Library()

# Open Graph names a language with its territory; these are the forms social sites accept.
OPEN_GRAPH_LOCALES = {"en": "en_US", "vi": "vi_VN", "ar": "ar_AR"}


@register.filter
def og_locale(language_code):
    return OPEN_GRAPH_LOCALES.get(language_code, language_code)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """The address as a full URL on this host (a storage's own full URL is kept as it is)."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.filter
def whole(number):
    """A decimal without its trailing zeros: 150.00 → 150, 12.50 → 12.5."""
    if number is None or number == "":
        return number
    if number == number.to_integral_value():
        return int(number)
    return number.normalize()
