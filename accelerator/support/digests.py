"""The weekly digests: to each coach, what needs doing on their cooperatives; to each program
office, the coaches behind their contract.

Everything is gathered in a fixed number of queries whatever the number of people (one more per
program for the office summary), then written to the outbox in one go. Each message carries the
key `digest:<kind>:<user id>:<ISO year>-W<ISO week>`, so running the task twice in a week, or
restarting beat, sends nothing twice. Nobody with nothing to report, and nobody who opted out,
gets an e-mail. Each message is rendered in its reader's language (see `recipient_language`).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone, translation

from accelerator.notifications.models import Event
from accelerator.notifications.services import Notice, notify_many
from accelerator.programs.models import Membership
from accelerator.selection.models import CohortMember
from diagnostics.models import Diagnostic

from . import compliance
from .models import CoachAssignment, CoachingVisit, FollowUp

COACH = "coach"
OFFICE = "office"
#: Follow-ups due within this many days are announced (overdue ones always are).
FOLLOW_UP_HORIZON = timedelta(days=7)
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def _related(user, name):
    """A reverse one-to-one (preference, admin profile) or None when the person has none."""
    try:
        return getattr(user, name)
    except ObjectDoesNotExist:
        return None


def recipient_language(user):
    """The language a person reads their digests in: the one they chose for e-mails, else the
    one of their Wagtail admin profile, else the site's default (English)."""
    preference = _related(user, "digest_preference")
    if preference is not None:
        return preference.language
    profile = _related(user, "wagtail_userprofile")
    if profile is not None and profile.preferred_language in LANGUAGE_CODES:
        return profile.preferred_language
    return settings.LANGUAGE_CODE


def dedup_key(kind, user, today):
    iso_year, iso_week, _day = today.isocalendar()
    return f"digest:{kind}:{user.pk}:{iso_year}-W{iso_week}"


def _absolute(name, language):
    with translation.override(language):
        path = reverse(name)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _wants_digest(user):
    """Opted in (the default), active, with an address to write to."""
    preference = _related(user, "digest_preference")
    return bool(user.is_active and user.email) and (preference is None or preference.weekly_digest)


# Coaches -------------------------------------------------------------------------------------


@dataclass
class CoachDigest:
    coach: object
    #: Assignments (with their member) whose next visit date has passed with no visit since.
    visits_overdue: list = field(default_factory=list)
    #: Open follow-ups due within the horizon or overdue, soonest first.
    follow_ups: list = field(default_factory=list)
    #: (member, draft diagnostic or None when there is no baseline yet).
    diagnostics_pending: list = field(default_factory=list)

    @property
    def has_news(self):
        return bool(self.visits_overdue or self.follow_ups or self.diagnostics_pending)


def _current_assignments(today):
    latest_visit = CoachingVisit.objects.filter(
        member=OuterRef("member"), visited_on__lte=today
    ).order_by("-visited_on", "-pk")
    return (
        CoachAssignment.objects.current()
        .filter(member__status=CohortMember.Status.ACTIVE, started_on__lte=today)
        .select_related(
            "coach__digest_preference",
            "coach__wagtail_userprofile",
            "member__cooperative",
            "member__cohort",
        )
        .annotate(
            last_visited_on=Subquery(latest_visit.values("visited_on")[:1]),
            next_visit_on=Subquery(latest_visit.values("next_visit_on")[:1]),
        )
        .order_by("member__cooperative__legal_name", "pk")
    )


def coach_digests(today):
    """A CoachDigest per coach with current assignments who wants one, whether or not it has
    news. Three queries."""
    assignments = [a for a in _current_assignments(today) if _wants_digest(a.coach)]
    members = {a.member_id for a in assignments}
    follow_ups = defaultdict(list)
    for follow_up in (
        FollowUp.objects.filter(
            done_on__isnull=True,
            due_on__lte=today + FOLLOW_UP_HORIZON,
            visit__member__in=members,
        )
        .select_related("visit__member__cooperative")
        .order_by("due_on", "pk")
    ):
        follow_up.is_overdue = follow_up.due_on < today
        follow_ups[follow_up.visit.member_id].append(follow_up)
    baselines, drafts = set(), defaultdict(list)
    for diagnostic in Diagnostic.objects.filter(member__in=members).filter(
        Q(phase=Diagnostic.Phase.BASELINE) | Q(status=Diagnostic.Status.DRAFT)
    ):
        if diagnostic.phase == Diagnostic.Phase.BASELINE:
            baselines.add(diagnostic.member_id)
        if diagnostic.status == Diagnostic.Status.DRAFT:
            drafts[diagnostic.member_id].append(diagnostic)

    digests = {}
    for assignment in assignments:
        digest = digests.setdefault(assignment.coach_id, CoachDigest(coach=assignment.coach))
        member = assignment.member
        if assignment.next_visit_on and assignment.next_visit_on < today:
            digest.visits_overdue.append(assignment)
        digest.follow_ups.extend(follow_ups[member.pk])
        if member.pk not in baselines:
            digest.diagnostics_pending.append((member, None))
        digest.diagnostics_pending.extend((member, draft) for draft in drafts[member.pk])
    for digest in digests.values():
        digest.follow_ups.sort(key=lambda follow_up: (follow_up.due_on, follow_up.pk))
    return list(digests.values())


# Program offices -----------------------------------------------------------------------------


@dataclass
class OfficeDigest:
    person: object
    #: (program, [compliance.CoachCompliance behind contract]) for each of their programs.
    programs: list = field(default_factory=list)

    @property
    def has_news(self):
        return any(behind for _program, behind in self.programs)


def office_digests(today):
    """An OfficeDigest per administrator or officer who wants one. One query, plus one per
    program for its coaches' compliance."""
    memberships = (
        Membership.objects.filter(role__in=Membership.Role.office_roles())
        .select_related("program", "user__digest_preference", "user__wagtail_userprofile")
        .order_by("program__start_date", "program_id", "pk")
    )
    digests, behind = {}, {}
    for membership in memberships:
        person = membership.user
        if not _wants_digest(person):
            continue
        program = membership.program
        if program.pk not in behind:
            behind[program.pk] = [
                row for row in compliance.coach_compliance(program, today) if row.is_behind
            ]
        digest = digests.setdefault(person.pk, OfficeDigest(person=person))
        if all(listed.pk != program.pk for listed, _rows in digest.programs):
            digest.programs.append((program, behind[program.pk]))
    return list(digests.values())


# Sending -------------------------------------------------------------------------------------


def _notice(kind, event, person, today, context):
    language = recipient_language(person)
    return Notice(
        event=event,
        recipient=person.email,
        language=language,
        dedup_key=dedup_key(kind, person, today),
        context={
            "person": person,
            "week_of": today - timedelta(days=today.weekday()),
            "workspace_url": _absolute("workspace:home", language),
            "preferences_url": _absolute("workspace:assistance:digest", language),
            "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home"),
            **context,
        },
    )


def weekly_notices(today):
    """The digests worth sending this week, as outbox notices."""
    notices = []
    for digest in coach_digests(today):
        if digest.has_news:
            notices.append(
                _notice(
                    COACH,
                    Event.COACH_DIGEST,
                    digest.coach,
                    today,
                    {"digest": digest, "today": today},
                )
            )
    for digest in office_digests(today):
        if digest.has_news:
            notices.append(
                _notice(
                    OFFICE,
                    Event.OFFICE_DIGEST,
                    digest.person,
                    today,
                    {"digest": digest, "today": today},
                )
            )
    return notices


def send_weekly_digests(today=None):
    """Write this week's digests to the outbox (once per person and week); returns how many
    were written now."""
    today = today or timezone.localdate()
    return len(notify_many(weekly_notices(today)))
