"""Collective training: the figures of sessions, cohorts and modules, and the training-of-trainers
cascade. Views, the admin and the results read these; none of them counts on its own.

What the figures count:

- *participants*: attendance rows marked present; *registered*: every row of the list;
- *youth*: present participants whose age is at most the youth age limit of the session's own
  program (`cohort.program.youth_age_limit`), so one person of 32 is young in a program whose
  limit is 35 and not in one whose limit is 30; participants of unknown age are counted apart;
- *cooperatives present*: invited cooperatives with at least one participant present;
- test scores: the mean before, the mean after, and the mean gain of the participants who sat
  both tests (so people who missed one test do not skew the gain).

Totals over several sessions (a cohort, a module) add the sessions up: a person who attends
three sessions counts three times, as three participations, and invitations are counted per
session.
"""

from collections import defaultdict
from dataclasses import dataclass, field, fields
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Q, Sum

from .models import Attendance, TrainingSession

SCORE_MAX = 100
AGE_MIN = 12
AGE_MAX = 100


def _mean(total, count):
    if not count:
        return None
    return (Decimal(total) / count).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _share(part, whole):
    """A percentage with one decimal, or None when there is nothing to divide by."""
    return _mean(100 * part, whole)


@dataclass
class Figures:
    sessions: int = 0
    invited: int = 0
    cooperatives_present: int = 0
    registered: int = 0
    present: int = 0
    women: int = 0
    men: int = 0
    youth: int = 0
    young_women: int = 0
    age_unknown: int = 0
    pre_total: int = 0
    pre_count: int = 0
    post_total: int = 0
    post_count: int = 0
    gain_total: int = 0
    gain_count: int = 0

    def __add__(self, other):
        return Figures(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )

    @property
    def attendance_rate(self):
        """Participants present, in percent of the people registered."""
        return _share(self.present, self.registered)

    @property
    def cooperative_rate(self):
        """Cooperatives present, in percent of the cooperatives invited."""
        return _share(self.cooperatives_present, self.invited)

    @property
    def women_share(self):
        return _share(self.women, self.present)

    @property
    def youth_share(self):
        return _share(self.youth, self.present)

    @property
    def pre_test_mean(self):
        return _mean(self.pre_total, self.pre_count)

    @property
    def post_test_mean(self):
        return _mean(self.post_total, self.post_count)

    @property
    def gain_mean(self):
        return _mean(self.gain_total, self.gain_count)


def _attendance_counts():
    present = Q(present=True)
    young = Q(age__isnull=False, age__lte=F("session__cohort__program__youth_age_limit"))
    both_tests = Q(pre_test__isnull=False, post_test__isnull=False)
    return {
        "registered": Count("pk"),
        "present": Count("pk", filter=present),
        "women": Count("pk", filter=present & Q(sex=Attendance.Sex.FEMALE)),
        "men": Count("pk", filter=present & Q(sex=Attendance.Sex.MALE)),
        "youth": Count("pk", filter=present & young),
        "young_women": Count("pk", filter=present & young & Q(sex=Attendance.Sex.FEMALE)),
        "age_unknown": Count("pk", filter=present & Q(age__isnull=True)),
        "pre_total": Sum("pre_test", filter=present),
        "pre_count": Count("pre_test", filter=present),
        "post_total": Sum("post_test", filter=present),
        "post_count": Count("post_test", filter=present),
        "gain_total": Sum(F("post_test") - F("pre_test"), filter=present & both_tests),
        "gain_count": Count("pk", filter=present & both_tests),
    }


def _cooperatives_present():
    """Invited cooperatives with someone present. Counted in a query of its own: the join
    through the invitations would repeat attendance rows in the other counts."""
    return Count(
        "member",
        filter=Q(present=True, member__training_invitations=F("session")),
        distinct=True,
    )


def session_figures(sessions):
    """{session id: Figures} for a queryset or list of sessions, in three queries whatever
    their number."""
    ids = [session.pk for session in sessions] if isinstance(sessions, list | tuple) else None
    if ids is None:
        ids = list(sessions.values_list("pk", flat=True))
    figures = {pk: Figures(sessions=1) for pk in ids}
    if not ids:
        return figures
    invitations = (
        TrainingSession.invited.through.objects.filter(trainingsession_id__in=ids)
        .values("trainingsession_id")
        .annotate(count=Count("pk"))
    )
    for row in invitations:
        figures[row["trainingsession_id"]].invited = row["count"]
    # Prefixed: an annotation called "present" would shadow the field the filters read.
    rows = (
        Attendance.objects.filter(session_id__in=ids)
        .values("session_id")
        .annotate(**{f"figure_{name}": count for name, count in _attendance_counts().items()})
    )
    for row in rows:
        target = figures[row.pop("session_id")]
        for name, value in row.items():
            setattr(target, name.removeprefix("figure_"), value or 0)
    present_cooperatives = (
        Attendance.objects.filter(session_id__in=ids)
        .values("session_id")
        .annotate(count=_cooperatives_present())
    )
    for row in present_cooperatives:
        figures[row["session_id"]].cooperatives_present = row["count"]
    return figures


def total(figures):
    """The sum of several Figures (an iterable), an empty Figures when there are none."""
    result = Figures()
    for item in figures:
        result = result + item
    return result


def figures_of(sessions):
    """The totals of the sessions given (a queryset): a cohort's, a module's, a trainer's."""
    return total(session_figures(sessions).values())


def cohort_figures(cohort):
    return figures_of(TrainingSession.objects.filter(cohort=cohort))


def module_figures(module, sessions=None):
    """A module's totals over the sessions given (default: all its sessions); pass
    `TrainingSession.objects.visible_to(user)` to count only what a person may see."""
    sessions = TrainingSession.objects.all() if sessions is None else sessions
    return figures_of(sessions.filter(module=module))


def figures_by_module(sessions):
    """[(module, Figures)] of the sessions given, grouped by module, modules by title."""
    sessions = list(sessions.select_related("module"))
    per_session = session_figures(sessions)
    grouped = defaultdict(Figures)
    modules = {}
    for session in sessions:
        modules[session.module_id] = session.module
        grouped[session.module_id] = grouped[session.module_id] + per_session[session.pk]
    return sorted(
        ((modules[pk], figures) for pk, figures in grouped.items()),
        key=lambda item: str(item[0]),
    )


# Training of trainers ------------------------------------------------------------------------


@dataclass
class CascadeSession:
    """A session in the cascade and the people it reached (participants present)."""

    session: TrainingSession
    reached: int
    trainers: list = field(default_factory=list)  # TrainedTrainer, when a training of trainers


@dataclass
class TrainedTrainer:
    """A person trained as a trainer and the sessions they went on to give."""

    attendance: Attendance
    delivered: list = field(default_factory=list)  # CascadeSession


@dataclass
class Cascade:
    root: CascadeSession
    trainers_trained: int
    sessions_delivered: int
    people_reached: int
    levels: int


def cascade(tot_session):
    """Who trained whom from a training of trainers, and how many people that reached.

    The tree: the training of trainers → the trainers it trained (its participants present) →
    the sessions each of them gave → the people present there; and again below any of those
    sessions that is itself a training of trainers.

    Totals: trainers trained at every level; sessions given by trained trainers; people reached,
    the participants present in those sessions (the root's own participants are counted as
    trainers, not as people reached). Two queries per level of the cascade, whatever its breadth.
    """
    root = CascadeSession(session=tot_session, reached=0)
    trainers_trained = sessions_delivered = people_reached = levels = 0
    level = {tot_session.pk: root} if tot_session.is_training_of_trainers else {}
    seen = {tot_session.pk}
    while level:
        levels += 1
        trainers = {}
        for attendance in Attendance.objects.filter(session_id__in=level, present=True).order_by(
            "session_id", "full_name", "pk"
        ):
            trainer = TrainedTrainer(attendance=attendance)
            trainers[attendance.pk] = trainer
            level[attendance.session_id].trainers.append(trainer)
        trainers_trained += len(trainers)
        delivered = (
            TrainingSession.objects.filter(trained_trainer_id__in=trainers)
            .exclude(pk__in=seen)
            .select_related("module", "cohort")
            .annotate(reached=Count("attendance", filter=Q(attendance__present=True)))
            .order_by("starts_on", "pk")
            if trainers
            else []
        )
        next_level = {}
        for session in delivered:
            seen.add(session.pk)
            node = CascadeSession(session=session, reached=session.reached)
            trainers[session.trained_trainer_id].delivered.append(node)
            sessions_delivered += 1
            people_reached += session.reached
            if session.is_training_of_trainers:
                next_level[session.pk] = node
        level = next_level
    return Cascade(
        root=root,
        trainers_trained=trainers_trained,
        sessions_delivered=sessions_delivered,
        people_reached=people_reached,
        levels=levels,
    )


def sessions_upstream(attendance):
    """The ids of the session a trained trainer was trained in and of every training of trainers
    above it: a session among them cannot be given by this trainer without looping the cascade."""
    chain = set()
    while attendance is not None and attendance.session_id not in chain:
        chain.add(attendance.session_id)
        attendance = Attendance.objects.filter(sessions_delivered=attendance.session_id).first()
    return chain
