"""The screens of our workflows, found in the demo data, for the language tests to render.

Each screen names who opens it (nobody for the public site) and how to find its address in a
given language. Public and workspace addresses carry the language; the Wagtail admin follows the
staff member's preferred language, so its addresses are the same in every language.
"""

import re
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from accelerator.calls.links import call_page_for, make_token
from accelerator.calls.models import Application, Call
from accelerator.calls.services import start_application
from accelerator.results.models import CohortResultsPage
from accelerator.reviews.models import Review
from accelerator.selection.models import CohortMember
from accelerator.support.models import CoachingVisit, TrainingSession
from cms.models import (
    CallIndexPage,
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    ProgramIndexPage,
    ProgramPage,
)
from diagnostics import links as report_links
from diagnostics.models import DevelopmentPlan, Diagnostic

LANGUAGES = ("en", "vi", "ar")
OFFICER = "officer"
ADMINISTRATOR = "admin"
REVIEWER = "reviewer1"
COACH = "coach"
TRAINER = "trainer"


@dataclass(frozen=True)
class Screen:
    name: str
    address: Callable  # (world, language) -> path
    who: str | None = None
    # A screen showing a form's errors: the page's form is sent back with these changes.
    changes: dict | None = field(default=None, hash=False)

    @property
    def is_public(self):
        return self.who is None


class World:
    """The objects of the demo data that the screens open, looked up once."""

    def __init__(self):
        self.open_call = next(call for call in Call.objects.all() if call.is_open())
        self.closed_call = next(call for call in Call.objects.all() if not call.is_open())
        self.submitted = (
            Application.objects.filter(call=self.closed_call).submitted().order_by("pk").first()
        )
        self.drafts = {
            language: start_application(
                self.open_call, email=f"screens-{language}@example.org", language=language
            )
            for language in LANGUAGES
        }
        coach = get_user_model().objects.get(username=COACH)
        self.diagnostic = (
            Diagnostic.objects.filter(coach=coach, member__plan__isnull=False)
            .order_by("pk")
            .first()
        )
        self.member = self.diagnostic.member
        self.domain = self.diagnostic.version.domains.order_by("pk").first()
        self.visit = CoachingVisit.objects.filter(member=self.member).order_by("pk").first()
        self.plan = DevelopmentPlan.objects.get(member=self.member)
        trainer = get_user_model().objects.get(username=TRAINER)
        self.session = TrainingSession.objects.filter(trainer=trainer).order_by("pk").first()
        reviewer = get_user_model().objects.get(username=REVIEWER)
        self.review = Review.objects.filter(reviewer=reviewer).order_by("pk").first()
        self.news = NewsPage.objects.live().filter(locale__language_code="en").first()
        self.news_index = self.news.get_parent()
        self.event = EventPage.objects.live().filter(locale__language_code="en").first()
        self.admitted = CohortMember.objects.order_by("pk").first()

    def page(self, page_type, language, **filters):
        locale = Locale.objects.get(language_code=language)
        return page_type.objects.live().filter(locale=locale, **filters).order_by("path").first()

    def translation(self, page, language):
        return page.get_translation(Locale.objects.get(language_code=language)).specific

    def call_page(self, call, language):
        return call_page_for(call, language)


def form_values(html):
    """What a browser sends from the page's main form (its POST form with the most fields)."""
    soup = BeautifulSoup(html, "html.parser")
    forms = [form for form in soup.find_all("form") if form.get("method", "").lower() == "post"]
    form = max(forms, key=lambda form: len(form.find_all(["input", "select", "textarea"])))
    values = {}
    for element in form.find_all(["input", "select", "textarea"]):
        name = element.get("name")
        if not name or element.has_attr("disabled"):
            continue
        kind = element.get("type", "text")
        if element.name == "textarea":
            values.setdefault(name, []).append(element.text)
        elif element.name == "select":
            options = element.find_all("option")
            chosen = [option for option in options if option.has_attr("selected")] or options[:1]
            values.setdefault(name, []).extend(
                option.get("value", option.text) for option in chosen
            )
        elif kind in ("checkbox", "radio"):
            if element.has_attr("checked"):
                values.setdefault(name, []).append(element.get("value", "on"))
        elif kind not in ("submit", "button", "reset", "image", "file"):
            values.setdefault(name, []).append(element.get("value", ""))
    return values


def render(client, screen, world, language):
    """The response to opening the screen, or to sending its form back with the changes."""
    address = screen.address(world, language)
    if screen.changes is None:
        return client.get(address)
    values = form_values(client.get(address).content.decode())
    values.update({name: [value] for name, value in screen.changes.items()})
    return client.post(address, values)


def user(username):
    return get_user_model().objects.get(username=username)


def set_admin_language(language):
    """The Wagtail admin follows each staff member's preferred language."""
    for user in get_user_model().objects.filter(is_staff=True):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])


def _page_url(page_type):
    def address(world, language):
        return world.page(page_type, language).url

    return address


def _translated(attribute):
    def address(world, language):
        return world.translation(getattr(world, attribute), language).url

    return address


def _call(attribute, subpath=""):
    def address(world, language):
        return world.call_page(getattr(world, attribute), language).url + subpath

    return address


def _draft(world, language):
    page = world.call_page(world.open_call, language)
    return page.url + page.reverse_subpage("application", args=[make_token(world.drafts[language])])


def _status(world, language):
    page = world.call_page(world.closed_call, language)
    token = make_token(world.submitted, verified=True)
    return page.url + page.reverse_subpage("application", args=[token])


def _workspace(path):
    def address(world, language):
        return f"/{language}/workspace/" + path.format(w=world)

    return address


def _sheet(world, language):
    """The blank attendance sheet speaks its session's language, whatever the reader's: each
    language's screen opens a session held in that language."""
    world.session.language = language
    world.session.save(update_fields=["language"])
    return f"/{language}/workspace/training/sessions/{world.session.pk}/sheet/"


def _admin(path):
    def address(world, language):
        return "/admin/" + path.format(w=world)

    return address


def _report(world, language):
    return report_links.report_path(world.member, language)


def _home(world, language):
    return f"/{language}/"


def _search(world, language):
    return f"/{language}/search/?q=cooperative"


def _missing(world, language):
    return f"/{language}/no-such-page/"


PUBLIC = [
    Screen("home", _home),
    Screen("calls", _page_url(CallIndexPage)),
    Screen("open call", _call("open_call")),
    Screen("closed call", _call("closed_call")),
    Screen("programs", _page_url(ProgramIndexPage)),
    Screen("program", _page_url(ProgramPage)),
    Screen("cohort results", _page_url(CohortResultsPage)),
    Screen("news", _page_url(NewsIndexPage)),
    Screen("news item", _translated("news")),
    Screen("events", _page_url(EventIndexPage)),
    Screen("event", _translated("event")),
    Screen("search", _search),
    Screen("page not found", _missing),
    Screen("report", _report),
]
APPLY = [
    Screen("apply: start", _call("open_call", "apply/")),
    Screen("apply: start with errors", _call("open_call", "apply/"), changes={"email": "x"}),
    Screen("apply: link request", _call("open_call", "apply/link/")),
    Screen("apply: form", _draft),
    Screen("apply: form with errors", _draft, changes={"action": "submit"}),
    Screen("application status", _status),
]
WORKSPACE = [
    Screen("workspace: sign-in", _workspace("login/")),
    Screen("caseload", _workspace(""), COACH),
    Screen("cooperative", _workspace("cooperatives/{w.member.pk}/"), COACH),
    Screen("diagnostic overview", _workspace("diagnostics/{w.diagnostic.pk}/"), COACH),
    Screen(
        "diagnostic domain",
        _workspace("diagnostics/{w.diagnostic.pk}/domains/{w.domain.pk}/"),
        COACH,
    ),
    Screen("SWOT", _workspace("diagnostics/{w.diagnostic.pk}/swot/"), COACH),
    Screen("plan", _workspace("cooperatives/{w.member.pk}/plan/"), COACH),
    Screen("visits", _workspace("cooperatives/{w.member.pk}/visits/"), COACH),
    Screen("new visit", _workspace("cooperatives/{w.member.pk}/visits/new/"), COACH),
    Screen("visit", _workspace("visits/{w.visit.pk}/"), COACH),
    Screen("e-mail preferences", _workspace("e-mails/"), COACH),
    Screen("trainings", _workspace("training/"), TRAINER),
    Screen("training session", _workspace("training/sessions/{w.session.pk}/"), TRAINER),
    Screen("attendance sheet", _sheet, TRAINER),
]
ADMIN = [
    Screen("admin: dashboard", _admin(""), OFFICER),
    Screen("admin: applications", _admin("application/?status=submitted"), OFFICER),
    Screen("admin: application", _admin("application/inspect/{w.submitted.pk}/"), OFFICER),
    Screen("admin: calls", _admin("call/"), OFFICER),
    Screen("admin: call", _admin("call/edit/{w.closed_call.pk}/"), OFFICER),
    Screen(
        "admin: call with errors",
        _admin("call/edit/{w.closed_call.pk}/"),
        OFFICER,
        {"title_en": "", "closes_at": "soon"},
    ),
    Screen("admin: cooperatives", _admin("cooperative/"), OFFICER),
    Screen("admin: cooperatives, page 2", _admin("cooperative/?p=2"), OFFICER),
    Screen("admin: search with no result", _admin("cooperative/?q=zzzz"), OFFICER),
    Screen("admin: my reviews", _admin("reviews/"), REVIEWER),
    Screen("admin: scoring", _admin("reviews/{w.review.pk}/"), REVIEWER),
    Screen("admin: reviews of a call", _admin("reviews/calls/{w.closed_call.pk}/"), OFFICER),
    Screen("admin: selection", _admin("selection/"), OFFICER),
    Screen("admin: selection of a call", _admin("selection/call/{w.closed_call.pk}/"), OFFICER),
    Screen("admin: diagnostics to validate", _admin("diagnostic-validation/"), OFFICER),
    Screen("admin: diagnostic", _admin("diagnostic-validation/{w.diagnostic.pk}/"), OFFICER),
    Screen("admin: plans", _admin("plans/"), OFFICER),
    Screen("admin: plan", _admin("plans/{w.plan.pk}/"), OFFICER),
    Screen("admin: coaching", _admin("coaching/"), OFFICER),
    Screen("admin: coaching report", _admin("coaching/{w.closed_call.program_id}/"), OFFICER),
    Screen("admin: training sessions", _admin("training_sessions/"), OFFICER),
    Screen("admin: training session", _admin("training_sessions/edit/{w.session.pk}/"), OFFICER),
    Screen(
        "admin: training session with errors",
        _admin("training_sessions/edit/{w.session.pk}/"),
        OFFICER,
        {"starts_on": "", "ends_on": "31/02/2026"},
    ),
    Screen("admin: new training session", _admin("training_sessions/new/"), OFFICER),
    Screen("admin: pages", _admin("pages/{w.news_index.pk}/"), ADMINISTRATOR),
    Screen("admin: news page editor", _admin("pages/{w.news.pk}/edit/"), ADMINISTRATOR),
    Screen("admin: account", _admin("account/"), OFFICER),
]
SCREENS = PUBLIC + APPLY + WORKSPACE + ADMIN


def _texts(value):
    """Every string inside a stored value (StreamField and JSON fields hold nested data)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)
    elif hasattr(value, "raw_data"):
        yield from _texts(list(value.raw_data))


def known_data():
    """Text that is data, not interface: every piece of text stored in the database (names,
    titles, places, answers), time zone names and the languages' own names.

    Fields with choices are left out (their labels are translated), as are Django's own
    bookkeeping tables, whose English is not shown on our screens.
    """
    skipped = {"contenttypes", "sessions", "auth.permission", "modelsearch", "wagtailsearch"}
    values = set()
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in skipped or label in skipped:
            continue
        names = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField, models.JSONField, StreamField))
            and not isinstance(f, models.SlugField)
            and not f.choices
            and f.name != "password"
        ]
        if not names:
            continue
        for row in model._default_manager.values_list(*names):
            for text in _texts(row):
                # Rich text and multi-line answers: each line, without its tags.
                for line in re.sub(r"<[^>]+>", "\n", text).splitlines():
                    line = " ".join(line.split())
                    if len(line) > 1:
                        values.add(line)
    for user in get_user_model().objects.all():
        values.add(user.get_full_name())
    for page in Page.objects.all():
        values.add(page.title)
    values.update(zoneinfo.available_timezones())
    values.update(name for _code, name in settings.LANGUAGES)
    return values
