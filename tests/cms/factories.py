"""Pages of the public site built for tests: each English page and its translations."""

from datetime import timedelta

from django.utils import timezone

from cms.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from tests.factories import locale, publish

LANGUAGES = ("en", "vi", "ar")


def translate(page, languages=LANGUAGES, **fields_by_language):
    """The page and its published translations, {code: page}; fields_by_language={"vi": {...}}."""
    pages = {page.locale.language_code: page}
    for code in languages:
        if code in pages:
            continue
        translation = page.copy_for_translation(locale(code))
        translation.slug = f"{page.slug}-{code}"
        for field, value in fields_by_language.get(code, {}).items():
            setattr(translation, field, value)
        pages[code] = publish(translation)
    return pages


def add_page(parent, page):
    return publish(parent.add_child(instance=page))


def build_indexes(home_pages, languages=LANGUAGES):
    """A news index and an events index under each home page."""
    news = add_page(home_pages["en"], NewsIndexPage(title="News", slug="news", show_in_menus=True))
    events = add_page(
        home_pages["en"], EventIndexPage(title="Events", slug="events", show_in_menus=True)
    )
    return {
        "news": translate(news, languages, vi={"title": "Tin tức"}, ar={"title": "الأخبار"}),
        "events": translate(events, languages, vi={"title": "Sự kiện"}, ar={"title": "الأنشطة"}),
    }


def build_news(index, title, *, days_ago=0, tags=(), body=(), **fields):
    """A published news item; the slug comes from the title."""
    page = NewsPage(
        title=title,
        date=timezone.localdate() - timedelta(days=days_ago),
        body=[{"type": kind, "value": value} for kind, value in body],
        **fields,
    )
    page = index.add_child(instance=page)
    for tag in tags:
        page.tags.add(tag)
    return publish(page)


def build_event(index, title, *, starts_in_days, hours=3, **fields):
    start = timezone.now() + timedelta(days=starts_in_days)
    fields.setdefault("kind", EventPage.Kind.WORKSHOP)
    page = EventPage(title=title, start=start, end=start + timedelta(hours=hours), **fields)
    return add_page(index, page)
