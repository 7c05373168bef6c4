from decimal import Decimal

import pytest

from diagnostics import scoring
from diagnostics.models import Diagnostic
from tests.admin.factories import CohortFactory
from tests.diagnostics.factories import (
    AnswerFactory,
    CohortMemberFactory,
    DiagnosticFactory,
    DomainFactory,
    QuestionFactory,
    answer_all,
    build_instrument,
)

pytestmark = pytest.mark.django_db


def answer(diagnostic, question, level):
    return AnswerFactory(diagnostic=diagnostic, question=question, level=level)


def questions(version, code):
    return list(version.domains.get(code=code).questions.all())


@pytest.fixture
def version():
    return build_instrument((("governance", 2), ("finance", 2), ("marketing", 2)))


def by_code(rows):
    return {row.code: row for row in rows}


def test_a_domain_scores_25_points_per_level_averaged_over_its_questions(version):
    diagnostic = DiagnosticFactory(version=version)
    first, second = questions(version, "governance")
    answer(diagnostic, first, 4)
    answer(diagnostic, second, 1)

    governance = by_code(scoring.domain_scores(diagnostic))["governance"]

    assert governance.score == Decimal("62.5")
    assert (governance.answered, governance.total) == (2, 2)


def test_question_weights_count_inside_their_domain(version):
    diagnostic = DiagnosticFactory(version=version)
    heavy, light = questions(version, "governance")
    heavy.weight = Decimal(3)
    heavy.save()
    answer(diagnostic, heavy, 4)
    answer(diagnostic, light, 0)

    # (3 × 100 + 1 × 0) / 4
    assert by_code(scoring.domain_scores(diagnostic))["governance"].score == Decimal("75.0")


def test_unanswered_questions_are_left_out_of_the_mean_and_reported_incomplete(version):
    diagnostic = DiagnosticFactory(version=version)
    first, second = questions(version, "governance")
    answer(diagnostic, first, 3)
    AnswerFactory(diagnostic=diagnostic, question=second, level=None, evidence="Not seen yet")

    governance = by_code(scoring.domain_scores(diagnostic))["governance"]

    assert governance.score == Decimal("75.0")
    assert (governance.answered, governance.total) == (1, 2)
    assert not governance.is_complete
    assert scoring.completion(diagnostic)[governance.domain.pk] == (1, 2)


def test_a_domain_with_nothing_answered_has_no_score_and_stays_out_of_the_overall(version):
    diagnostic = DiagnosticFactory(version=version)
    for question in questions(version, "governance"):
        answer(diagnostic, question, 4)
    for question in questions(version, "finance"):
        answer(diagnostic, question, 2)

    scores = by_code(scoring.domain_scores(diagnostic))

    assert scores["marketing"].score is None
    assert scores["marketing"].answered == 0
    assert scoring.overall_score(diagnostic) == Decimal("75.0")


def test_overall_score_weighs_domains_by_their_weight(version):
    diagnostic = DiagnosticFactory(version=version)
    version.domains.filter(code="governance").update(weight=Decimal(2))
    version.domains.filter(code="marketing").update(weight=Decimal("0.5"))
    for question in questions(version, "governance"):
        answer(diagnostic, question, 4)  # 100
    for question in questions(version, "finance"):
        answer(diagnostic, question, 2)  # 50
    for question in questions(version, "marketing"):
        answer(diagnostic, question, 0)  # 0

    # (2 × 100 + 1 × 50 + 0.5 × 0) / 3.5
    assert scoring.overall_score(diagnostic) == Decimal("71.4")


def test_nothing_answered_gives_no_overall_score(version):
    assert scoring.overall_score(DiagnosticFactory(version=version)) is None


def test_strongest_and_weakest_domains(version):
    diagnostic = DiagnosticFactory(version=version)
    levels = {"governance": 4, "finance": 1, "marketing": 2}
    for code, level in levels.items():
        for question in questions(version, code):
            answer(diagnostic, question, level)

    strongest, weakest = scoring.strongest_and_weakest(diagnostic, n=1)

    assert [item.code for item in strongest] == ["governance"]
    assert [item.code for item in weakest] == ["finance"]


def test_strongest_and_weakest_never_name_the_same_domain(version):
    diagnostic = DiagnosticFactory(version=version)
    answer_all(diagnostic, level=2)

    strongest, weakest = scoring.strongest_and_weakest(diagnostic, n=2)

    assert len(strongest) == len(weakest) == 1
    assert strongest[0].code != weakest[0].code


def test_scores_load_in_a_fixed_number_of_queries(django_assert_max_num_queries):
    version = build_instrument(tuple((f"domain-{n}", 5) for n in range(6)))
    diagnostic = DiagnosticFactory(version=version)
    answer_all(diagnostic, level=3)

    with django_assert_max_num_queries(3):
        scores = scoring.domain_scores(diagnostic)
        scoring.overall_score(diagnostic, scores=scores)
        scoring.strongest_and_weakest(diagnostic, scores=scores)

    assert all(item.score == Decimal("75.0") for item in scores)


# Baseline → end-line -------------------------------------------------------------------------


def test_change_per_domain_between_baseline_and_endline_of_one_version(version):
    member = CohortMemberFactory()
    baseline = answer_all(DiagnosticFactory(member=member, version=version), level=1)
    endline = answer_all(
        DiagnosticFactory(member=member, version=version, phase=Diagnostic.Phase.ENDLINE),
        level=3,
    )

    changes = by_code(scoring.compare(baseline, endline))

    assert (changes["finance"].before, changes["finance"].after) == (Decimal(25), Decimal(75))
    assert changes["finance"].change == Decimal(50)
    assert changes["finance"].compared == 2


def test_across_versions_only_equivalent_questions_are_compared(version):
    member = CohortMemberFactory()
    baseline = DiagnosticFactory(member=member, version=version)
    answer_all(baseline, level=1)
    baseline.version.freeze()
    later_version = version.new_version()
    governance = later_version.domains.get(code="governance")
    kept, reworded = governance.questions.all()
    reworded.equivalent_to = None  # its meaning changed: no longer the same question
    reworded.save()
    added = QuestionFactory(domain=governance)
    endline = DiagnosticFactory(
        member=member, version=later_version, phase=Diagnostic.Phase.ENDLINE
    )
    answer(endline, kept, 2)
    answer(endline, reworded, 4)
    answer(endline, added, 4)

    change = by_code(scoring.compare(baseline, endline))["governance"]

    # Only `kept` is shared: baseline 25 → end-line 50, whatever the other two say.
    assert change.compared == 1
    assert (change.before, change.after, change.change) == (
        Decimal(25),
        Decimal(50),
        Decimal(25),
    )
    assert by_code(scoring.domain_scores(endline))["governance"].score == Decimal("83.3")


def test_a_domain_new_in_the_later_version_shows_no_change(version):
    member = CohortMemberFactory()
    baseline = answer_all(DiagnosticFactory(member=member, version=version), level=1)
    later_version = version.new_version()
    digital = DomainFactory(version=later_version, code="digital")
    QuestionFactory(domain=digital)
    endline = answer_all(
        DiagnosticFactory(member=member, version=later_version, phase=Diagnostic.Phase.ENDLINE),
        level=2,
    )

    change = by_code(scoring.compare(baseline, endline))["digital"]

    assert change.before is None and change.change is None and change.compared == 0


def test_results_of_an_endline_include_the_change_since_the_baseline(version):
    member = CohortMemberFactory()
    answer_all(
        DiagnosticFactory(member=member, version=version, status=Diagnostic.Status.COMPLETED),
        level=2,
    )
    endline = answer_all(
        DiagnosticFactory(member=member, version=version, phase=Diagnostic.Phase.ENDLINE),
        level=3,
    )

    results = scoring.results(endline)

    assert results.overall == Decimal("75.0")
    assert results.overall_before == Decimal("50.0")
    assert results.overall_change == Decimal("25.0")
    assert all(change.change == Decimal(25) for _score, change in results.rows)


def test_a_draft_baseline_is_not_used_for_the_change(version):
    member = CohortMemberFactory()
    answer_all(DiagnosticFactory(member=member, version=version), level=2)
    endline = DiagnosticFactory(member=member, version=version, phase=Diagnostic.Phase.ENDLINE)

    assert scoring.results(endline).changes is None


# Cohorts -------------------------------------------------------------------------------------


def finished_pair(member, version, before, after, later_version=None):
    answer_all(
        DiagnosticFactory(member=member, version=version, status=Diagnostic.Status.VALIDATED),
        level=before,
    )
    answer_all(
        DiagnosticFactory(
            member=member,
            version=later_version or version,
            phase=Diagnostic.Phase.ENDLINE,
            status=Diagnostic.Status.COMPLETED,
        ),
        level=after,
    )


def test_cohort_change_is_the_mean_over_cooperatives_with_both_moments(version):
    cohort = CohortFactory()
    finished_pair(CohortMemberFactory(cohort=cohort), version, before=1, after=3)  # +50
    finished_pair(CohortMemberFactory(cohort=cohort), version, before=2, after=3)  # +25
    only_baseline = CohortMemberFactory(cohort=cohort)
    answer_all(
        DiagnosticFactory(
            member=only_baseline, version=version, status=Diagnostic.Status.COMPLETED
        ),
        level=0,
    )
    finished_pair(CohortMemberFactory(), version, before=0, after=4)  # another cohort

    rows = by_code(scoring.cohort_changes(cohort))

    governance = rows["governance"]
    assert governance.cooperatives == 2
    assert (governance.before, governance.after, governance.change) == (
        Decimal("37.5"),
        Decimal("75.0"),
        Decimal("37.5"),
    )


def test_cohort_change_by_phase_of_the_cohort(version):
    from accelerator.programs.models import Phase

    cohort = CohortFactory()
    north = Phase.objects.create(cohort=cohort, name_en="North", capacity=10, sort_order=0)
    finished_pair(CohortMemberFactory(cohort=cohort, phase=north), version, before=1, after=2)
    finished_pair(CohortMemberFactory(cohort=cohort), version, before=0, after=4)

    rows = by_code(scoring.cohort_changes(north))

    assert rows["finance"].cooperatives == 1
    assert rows["finance"].change == Decimal("25.0")


def test_cohort_change_runs_a_fixed_number_of_queries(version, django_assert_num_queries):
    cohort = CohortFactory()
    later_version = version.new_version()
    for index in range(8):
        finished_pair(
            CohortMemberFactory(cohort=cohort),
            version,
            before=1,
            after=2,
            later_version=later_version if index % 2 else None,
        )

    with django_assert_num_queries(4):
        rows = scoring.cohort_changes(cohort)

    assert all(row.cooperatives == 8 and row.change == Decimal(25) for row in rows)


def test_an_empty_cohort_has_no_rows():
    assert scoring.cohort_changes(CohortFactory()) == []
