"""Scores of a diagnostic: per domain and overall on 0–100, and how they change over time.

The rules, in one place:

- A question answered at level L (0–4) is worth L × 25 points.
- A domain's score is the mean of its answered questions, each weighted by its question weight.
  Unanswered questions are left out of the mean (not counted as 0); `answered` and `total` say
  how complete the domain is. A domain with nothing answered has no score (None).
- The overall score is the mean of the domain scores weighted by domain weight, over the domains
  that have a score.
- Comparing two diagnostics (baseline → end-line) uses only the questions they have in common,
  matched by `Question.lineage`: within one instrument version that is every question; across
  versions only questions marked equivalent (copied by `new_version()`, or linked by staff). Both
  scores of a domain are recomputed on those common questions, so a question added or dropped
  by a new version never shows as progress or decline. Domains are matched by code.
- A cohort's change per domain is the mean of its cooperatives' changes, over the cooperatives
  that have both diagnostics (completed or validated) and a score for that domain in both.

Every function loads what it needs in a fixed number of queries, whatever the number of
questions or cooperatives; data already prefetched on the objects is used as is.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch

from .models import Answer, Diagnostic, Domain, Question

POINTS_PER_LEVEL = Decimal(25)
PRECISION = Decimal("0.1")
FINISHED = (Diagnostic.Status.COMPLETED, Diagnostic.Status.VALIDATED)


@dataclass(frozen=True)
class DomainScore:
    domain: Domain
    score: Decimal | None
    answered: int
    total: int
    weight: Decimal

    @property
    def code(self):
        return self.domain.code

    @property
    def is_complete(self):
        return self.answered == self.total


@dataclass(frozen=True)
class DomainChange:
    domain: Domain
    before: Decimal | None
    after: Decimal | None
    compared: int

    @property
    def code(self):
        return self.domain.code

    @property
    def weight(self):
        return self.domain.weight

    @property
    def change(self):
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class CohortDomainChange:
    domain: Domain
    before: Decimal | None
    after: Decimal | None
    change: Decimal | None
    cooperatives: int

    @property
    def code(self):
        return self.domain.code


def rounded(value):
    return None if value is None else value.quantize(PRECISION, rounding=ROUND_HALF_UP)


def weighted_mean(pairs):
    """Mean of (value, weight) pairs, ignoring missing values; None when nothing counts."""
    counted = [(value, Decimal(weight)) for value, weight in pairs if value is not None]
    total_weight = sum((weight for _value, weight in counted), Decimal(0))
    if not total_weight:
        return None
    return sum((value * weight for value, weight in counted), Decimal(0)) / total_weight


def domains_of(version):
    """The version's domains with their questions, from the prefetch cache when there is one."""
    if "domains" in getattr(version, "_prefetched_objects_cache", {}):
        return list(version.domains.all())
    return list(version.domains.prefetch_related("questions"))


def levels_of(diagnostic):
    """question id → level, for the questions that have been answered."""
    if "answers" in getattr(diagnostic, "_prefetched_objects_cache", {}):
        return {
            answer.question_id: answer.level
            for answer in diagnostic.answers.all()
            if answer.level is not None
        }
    return dict(
        Answer.objects.filter(diagnostic=diagnostic, level__isnull=False).values_list(
            "question_id", "level"
        )
    )


def _score_domain(domain, levels, lineages=None):
    """The domain's DomainScore (rounded) and its unrounded score, which means and changes
    are computed from; `lineages` narrows the questions to those shared with another version."""
    questions = [
        question
        for question in domain.questions.all()
        if lineages is None or question.lineage in lineages
    ]
    answered = [question for question in questions if question.pk in levels]
    score = weighted_mean(
        (levels[question.pk] * POINTS_PER_LEVEL, question.weight) for question in answered
    )
    return DomainScore(
        domain=domain,
        score=rounded(score),
        answered=len(answered),
        total=len(questions),
        weight=domain.weight,
    ), score


def domain_scores(diagnostic):
    """One DomainScore per domain of the diagnostic's version, in the instrument's order."""
    levels = levels_of(diagnostic)
    return [_score_domain(domain, levels)[0] for domain in domains_of(diagnostic.version)]


def overall_score(diagnostic, *, scores=None):
    """Weighted mean of the domain scores (0–100), or None when nothing has been answered."""
    scores = domain_scores(diagnostic) if scores is None else scores
    return rounded(weighted_mean((item.score, item.weight) for item in scores))


def completion(diagnostic, *, scores=None):
    """domain id → (answered, total)."""
    scores = domain_scores(diagnostic) if scores is None else scores
    return {item.domain.pk: (item.answered, item.total) for item in scores}


def strongest_and_weakest(diagnostic, n=2, *, scores=None):
    """(strongest, weakest): up to n scored domains each, never the same domain in both.

    With a single scored domain there is nothing to contrast it with: it is reported as the
    weakest, the one development-plan suggestions start from. Ties keep the instrument's order.
    """
    scores = domain_scores(diagnostic) if scores is None else scores
    scored = [item for item in scores if item.score is not None]
    if len(scored) == 1:
        return [], scored
    size = min(n, len(scored) // 2)
    strongest = sorted(scored, key=lambda item: -item.score)[:size]
    rest = [item for item in scored if item not in strongest]
    weakest = sorted(rest, key=lambda item: item.score)[:size]
    return strongest, weakest


def _changes(baseline_domains, baseline_levels, later_domains, later_levels):
    earlier = {domain.code: domain for domain in baseline_domains}
    changes = []
    raw = []
    for domain in later_domains:
        before_domain = earlier.get(domain.code)
        if before_domain is None:
            changes.append(DomainChange(domain=domain, before=None, after=None, compared=0))
            raw.append((None, None))
            continue
        common = {question.lineage for question in domain.questions.all()} & {
            question.lineage for question in before_domain.questions.all()
        }
        before, before_raw = _score_domain(before_domain, baseline_levels, common)
        after, after_raw = _score_domain(domain, later_levels, common)
        changes.append(
            DomainChange(
                domain=domain, before=before.score, after=after.score, compared=len(common)
            )
        )
        raw.append((before_raw, after_raw))
    return changes, raw


def compare(baseline, later):
    """Per domain of the later diagnostic: score before, after and the change, computed on the
    questions both diagnostics share (see the module's rules). A domain the baseline lacks has
    no scores and `compared == 0`."""
    baseline_domains = domains_of(baseline.version)
    later_domains = (
        baseline_domains if later.version_id == baseline.version_id else domains_of(later.version)
    )
    changes, _raw = _changes(baseline_domains, levels_of(baseline), later_domains, levels_of(later))
    return changes


def overall_change(changes):
    """(before, after, change) of the overall score over the compared questions only."""
    before = rounded(
        weighted_mean((item.before, item.weight) for item in changes if item.change is not None)
    )
    after = rounded(
        weighted_mean((item.after, item.weight) for item in changes if item.change is not None)
    )
    change = None if before is None or after is None else after - before
    return before, after, change


@dataclass(frozen=True)
class Results:
    """Everything the results component shows for one diagnostic."""

    diagnostic: Diagnostic
    scores: list
    overall: Decimal | None
    strongest: list
    weakest: list
    baseline: Diagnostic | None = None
    changes: list | None = None
    overall_before: Decimal | None = None
    overall_change: Decimal | None = None

    @property
    def rows(self):
        """(DomainScore, DomainChange or None) per domain, for the data table."""
        by_code = {change.code: change for change in self.changes or []}
        return [(score, by_code.get(score.code)) for score in self.scores]

    @property
    def compared_across_versions(self):
        return self.baseline is not None and self.baseline.version_id != self.diagnostic.version_id


def baseline_for(diagnostic):
    """The finished baseline of the same cooperative in the same cohort, for a later moment."""
    if diagnostic.phase == Diagnostic.Phase.BASELINE:
        return None
    return (
        Diagnostic.objects.filter(
            member_id=diagnostic.member_id, phase=Diagnostic.Phase.BASELINE, status__in=FINISHED
        )
        .select_related("version")
        .first()
    )


def results(diagnostic, *, baseline=None):
    """Scores, overall, strongest and weakest domains; for a mid-term or end-line, the change
    since the cooperative's baseline (found when not given)."""
    scores = domain_scores(diagnostic)
    strongest, weakest = strongest_and_weakest(diagnostic, scores=scores)
    summary = {
        "diagnostic": diagnostic,
        "scores": scores,
        "overall": overall_score(diagnostic, scores=scores),
        "strongest": strongest,
        "weakest": weakest,
    }
    baseline = baseline or baseline_for(diagnostic)
    if baseline is not None and baseline.pk != diagnostic.pk:
        changes = compare(baseline, diagnostic)
        before, _after, change = overall_change(changes)
        summary.update(
            baseline=baseline, changes=changes, overall_before=before, overall_change=change
        )
    return Results(**summary)


def _members_of(cohort_or_phase):
    from accelerator.programs.models import Cohort, Phase
    from accelerator.selection.models import CohortMember

    if isinstance(cohort_or_phase, Cohort):
        return CohortMember.objects.filter(cohort=cohort_or_phase)
    if isinstance(cohort_or_phase, Phase):
        return CohortMember.objects.filter(phase=cohort_or_phase)
    return cohort_or_phase


@dataclass(frozen=True)
class _Moment:
    pk: int
    version_id: int


def cohort_changes(cohort_or_phase, *, later_phase=Diagnostic.Phase.ENDLINE):
    """Mean change per domain code over the cooperatives of a cohort, a phase (or a queryset of
    cohort members) that have a finished baseline and a finished `later_phase` diagnostic.

    Runs four queries whatever the number of cooperatives (see `member_changes`)."""
    return summarise_changes(member_changes(cohort_or_phase, later_phase=later_phase))


@dataclass(frozen=True)
class MemberChanges:
    """One cooperative's change per domain between its two diagnostics: (DomainChange, before,
    after) triples, before and after on the questions both diagnostics have in common."""

    member_id: int
    later_version_id: int
    changes: tuple


def member_changes(cohort_or_phase, *, later_phase=Diagnostic.Phase.ENDLINE):
    """The change of each cooperative of a cohort, a phase or a queryset of cohort members that
    has a finished baseline and a finished `later_phase` diagnostic.

    Four queries whatever the number of cooperatives: diagnostics, answers, domains and questions
    of the versions involved. Diagnostics and answers are read as plain values: a cohort of
    thousands has tens of thousands of answers. A cohort's results are computed for many scopes
    (phases, regions, sectors): they load this once and summarise subsets of it.
    """
    diagnostics = Diagnostic.objects.filter(
        member__in=_members_of(cohort_or_phase),
        phase__in=[Diagnostic.Phase.BASELINE, later_phase],
        status__in=FINISHED,
    )
    moments_by_member = defaultdict(dict)
    for pk, member_id, phase, version_id in diagnostics.values_list(
        "pk", "member_id", "phase", "version_id"
    ):
        moments_by_member[member_id][phase] = _Moment(pk, version_id)
    pairs = [
        (member_id, moments[Diagnostic.Phase.BASELINE], moments[later_phase])
        for member_id, moments in moments_by_member.items()
        if len(moments) == 2
    ]
    levels = defaultdict(dict)
    if pairs:
        for diagnostic_id, question_id, level in Answer.objects.filter(
            diagnostic__in=diagnostics.values("pk"), level__isnull=False
        ).values_list("diagnostic_id", "question_id", "level"):
            levels[diagnostic_id][question_id] = level
    version_ids = {d.version_id for _member_id, *pair in pairs for d in pair}
    domains_by_version = defaultdict(list)
    for domain in Domain.objects.filter(version_id__in=version_ids).prefetch_related(
        Prefetch(
            "questions",
            queryset=Question.objects.only("pk", "domain_id", "weight", "equivalent_to_id"),
        )
    ):
        domains_by_version[domain.version_id].append(domain)

    records = []
    for member_id, baseline, later in pairs:
        changes, raw = _changes(
            domains_by_version[baseline.version_id],
            levels[baseline.pk],
            domains_by_version[later.version_id],
            levels[later.pk],
        )
        records.append(
            MemberChanges(
                member_id=member_id,
                later_version_id=later.version_id,
                changes=tuple(
                    (change, before, after)
                    for change, (before, after) in zip(changes, raw, strict=True)
                ),
            )
        )
    return records


def summarise_changes(records):
    """The mean change per domain code over these cooperatives' `MemberChanges`."""
    changes_by_code = defaultdict(list)
    shown = {}
    for record in records:
        for change, before, after in record.changes:
            # The newest version's domain names the row.
            if change.code not in shown or record.later_version_id > shown[change.code].version_id:
                shown[change.code] = change.domain
            if before is not None and after is not None:
                changes_by_code[change.code].append((before, after))

    rows = []
    for code, domain in sorted(shown.items(), key=lambda item: (item[1].sort_order, item[0])):
        values = changes_by_code[code]
        if not values:
            rows.append(CohortDomainChange(domain, None, None, None, 0))
            continue
        count = Decimal(len(values))
        before = sum((b for b, _a in values), Decimal(0)) / count
        after = sum((a for _b, a in values), Decimal(0)) / count
        rows.append(
            CohortDomainChange(
                domain=domain,
                before=rounded(before),
                after=rounded(after),
                change=rounded(after - before),
                cooperatives=len(values),
            )
        )
    return rows
