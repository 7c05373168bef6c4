from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import formats
from django.utils.translation import get_language
from wagtail.models import Page, Site

register = template.Library()


@register.filter
def num(value, decimals=None):
    """A number grouped and punctuated as the reader's language writes it (1,234.5 / 1.234,5)."""
    if value is None or value == "":
        return ""
    return formats.number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str
    url: str | None
    full_url: str | None
    is_current: bool

    @property
    def available(self):
        return self.url is not None


def page_language_versions(page, request):
    """The same page in each site language, or None where it has not been translated."""
    translations = {
        translation.locale.language_code: translation
        for translation in page.get_translations(inclusive=True).live().select_related("locale")
    }
    current = get_language()
    versions = []
    for code, name in settings.LANGUAGES:
        translation = translations.get(code)
        versions.append(
            LanguageVersion(
                code=code,
                name=name,
                url=translation.get_url(request) if translation else None,
                full_url=request.build_absolute_uri(translation.get_url(request))
                if translation
                else None,
                is_current=code == current,
            )
        )
    return versions


def view_language_versions(request):
    """Views outside the page tree exist in every language at the same translated URL."""
    current = get_language()
    query = request.META.get("QUERY_STRING", "")
    versions = []
    for code, name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        if query:
            url = f"{url}?{query}"
        versions.append(
            LanguageVersion(
                code=code,
                name=name,
                url=url,
                full_url=request.build_absolute_uri(url),
                is_current=code == current,
            )
        )
    return versions


@register.simple_tag(takes_context=True)
def language_versions(context):
    """Where each language switcher entry and hreflang alternate points for this screen.

    A view may put its own `language_versions` in the context (a form below a page, say);
    otherwise a Wagtail page links to its translations and any other view to its own URL in the
    other language.
    """
    if "language_versions" in context:
        return context["language_versions"]
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        return page_language_versions(page, request)
    return view_language_versions(request)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The reader-language home page's children that editors show in menus."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    home = site.root_page.localized
    return list(home.get_children().live().in_menu().specific(defer=True))
