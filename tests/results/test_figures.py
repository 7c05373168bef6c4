"""Each figure against the value worked out by hand from tests/results/scenario.py."""

import pytest

from accelerator.results.compute import compute
from tests.diagnostics.factories import CohortMemberFactory
from tests.results.scenario import TODAY
from tests.support.assistance_people import MarketingSupportFactory
from tests.support.coaching import VisitFactory
from tests.support.training_factories import AttendanceFactory

pytestmark = pytest.mark.django_db


def figures_of(scenario, **filters):
    return compute(scenario.cohort, today=TODAY, **filters)


def test_cooperatives_and_members_count_active_cooperatives_only(scenario):
    figures = figures_of(scenario)
    assert figures["cooperatives_supported"] == 3
    assert figures["members_reached"] == 60
    # Women: A and B declared them (16 of 30); youth: A and C (14 of 50).
    assert figures["women_members"] == 16
    assert figures["women_share"] == 53.3
    assert figures["youth_members"] == 14
    assert figures["youth_share"] == 28.0


def test_applications_received_and_selection_rate(scenario):
    figures = figures_of(scenario)
    # A, B, C admitted; D withdrawn; two rejected; one submitted; the draft does not count.
    assert figures["applications_received"] == 7
    assert figures["applications_admitted"] == 3
    assert figures["selection_rate"] == 42.9


def test_diagnostic_change_per_domain_and_overall(scenario):
    figures = figures_of(scenario)
    assert figures["cooperatives_compared"] == 2
    by_domain = {row["code"]: row for row in figures["score_change_by_domain"]}
    # Governance: (25 + 50) / 2 → (75 + 100) / 2; finance: (25 + 50) / 2 → (50 + 50) / 2.
    assert by_domain["governance"]["baseline"] == 37.5
    assert by_domain["governance"]["endline"] == 87.5
    assert by_domain["governance"]["change"] == 50.0
    assert by_domain["governance"]["cooperatives"] == 2
    assert by_domain["finance"]["change"] == 12.5
    assert by_domain["finance"]["name"]["en"] == "Finance"
    assert figures["score_baseline"] == 37.5
    assert figures["score_endline"] == 68.8  # (87.5 + 50) / 2 = 68.75
    assert figures["score_change"] == 31.3  # 68.75 − 37.5 = 31.25


def test_training_participants_by_sex_and_youth(scenario):
    figures = figures_of(scenario)
    assert figures["training_sessions"] == 2  # T3 had nobody present
    assert figures["participants"] == 7
    assert figures["participants_women"] == 5
    assert figures["participants_men"] == 2
    assert figures["participants_youth"] == 3  # 25, 30 (the limit itself) and 22
    assert figures["participants_women_share"] == 71.4
    assert figures["participants_youth_share"] == 50.0  # 3 of the 6 of known age
    assert figures["trainers_trained"] == 2


def test_youth_follows_the_programs_own_limit(scenario):
    scenario.program.youth_age_limit = 35
    scenario.program.save()
    scenario.cohort.program.refresh_from_db()
    assert figures_of(scenario)["participants_youth"] == 4  # 31 is young up to 35


def test_coaching_sessions_hours_and_compliance(scenario):
    figures = figures_of(scenario)
    assert figures["coaching_sessions"] == 3  # D's visit does not count: withdrawn
    assert figures["coaching_hours"] == 4.5
    assert figures["coaching_sessions_contracted"] == 13
    assert figures["coaching_sessions_expected"] == 13
    assert figures["coaching_sessions_delivered"] == 3
    assert figures["coaching_compliance"] == 23.1
    assert figures["coaches_behind"] == 1  # X: 2 of 12; Y: 1 of 1


def test_technical_assistance_and_equipment_value(scenario):
    figures = figures_of(scenario)
    assert figures["technical_assistance"] == 3
    assert figures["equipment_value"] == 1600.0


def test_marketing_outcomes(scenario):
    figures = figures_of(scenario)
    assert figures["products_improved"] == 3
    assert figures["certifications_valid"] == 1
    assert figures["new_channels"] == 2
    assert figures["sales_before"] == 1500.0
    assert figures["sales_after"] == 2200.0
    assert figures["sales_change_percent"] == 46.7


def test_plan_actions_and_budget_with_co_financing(scenario):
    figures = figures_of(scenario)
    assert figures["plan_actions"] == 3
    assert figures["plan_actions_done"] == 2
    assert figures["plan_actions_done_share"] == 66.7
    assert figures["budget_committed_program"] == 1500.0
    assert figures["budget_committed_cooperative"] == 400.0
    assert figures["budget_committed_other"] == 250.0
    assert figures["budget_committed_total"] == 2150.0
    # Done actions (1,000 / 400 / 200) plus technical assistance (1,800 / 200 / 100).
    assert figures["budget_executed_program"] == 2800.0
    assert figures["budget_executed_cooperative"] == 600.0
    assert figures["budget_executed_other"] == 300.0
    assert figures["budget_executed_total"] == 3700.0
    assert figures["budget_execution_rate"] == 172.1
    assert figures["currency"] == "MAD"


def test_filter_by_phase(scenario):
    figures = figures_of(scenario, phase_id=scenario.phases["P1"].pk)
    assert figures["cooperatives_supported"] == 2
    assert figures["members_reached"] == 30
    assert figures["women_share"] == 53.3
    assert figures["youth_share"] == 25.0
    assert figures["applications_received"] == 4
    assert figures["selection_rate"] == 50.0
    assert figures["score_change"] == 31.3
    assert figures["participants"] == 4
    assert figures["participants_youth"] == 2
    assert figures["trainers_trained"] == 1
    assert figures["coaching_sessions"] == 3
    assert figures["technical_assistance"] == 2
    later = figures_of(scenario, phase_id=scenario.phases["P2"].pk)
    assert later["cooperatives_supported"] == 1
    assert later["score_change"] is None
    assert later["applications_received"] == 3  # C, D and the submitted one


def test_filter_by_region(scenario):
    figures = figures_of(scenario, region_id=scenario.regions["R2"].pk)
    assert figures["cooperatives_supported"] == 1
    assert figures["training_sessions"] == 2
    assert figures["participants"] == 2
    assert figures["participants_youth_share"] == 0.0
    assert figures["coaching_sessions"] == 0
    assert figures["coaching_hours"] == 0.0
    assert figures["equipment_value"] == 400.0
    assert figures["certifications_valid"] == 1
    assert figures["plan_actions"] == 0
    assert figures["plan_actions_done_share"] is None


def test_filter_by_sector(scenario):
    figures = figures_of(scenario, sector_id=scenario.sectors["S1"].pk)
    assert figures["cooperatives_supported"] == 2  # A and C
    assert figures["members_reached"] == 50
    assert figures["women_share"] == 60.0
    assert figures["applications_received"] == 4
    assert figures["applications_admitted"] == 2
    # Only A compared: 25 → 75 and 25 → 50.
    assert figures["score_baseline"] == 25.0
    assert figures["score_endline"] == 62.5
    assert figures["score_change"] == 37.5
    assert figures["products_improved"] == 2


def test_computation_queries_do_not_grow_with_the_records(scenario, django_assert_max_num_queries):
    with django_assert_max_num_queries(20) as queries:
        figures_of(scenario)
    count = len(queries)
    for _more in range(4):
        member = CohortMemberFactory(cohort=scenario.cohort, phase=scenario.phases["P1"])
        VisitFactory(member=member, coach=scenario.coaches["X"])
        MarketingSupportFactory(member=member, product="Couscous")
        AttendanceFactory(session=scenario.sessions["T1"], member=member)
    with django_assert_max_num_queries(count):
        assert figures_of(scenario)["cooperatives_supported"] == 7


def test_a_recomputation_loads_answers_once_for_every_scope(scenario):
    """recompute_cohort shares the cohort's per-cooperative records between its scopes: each
    scope's figures are those computed for it alone, and the answers are read once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accelerator.results import store
    from accelerator.results.compute import CohortRecords
    from accelerator.results.tasks import recompute_cohort

    scopes = [
        {},
        {"phase_id": scenario.phases["P1"].pk},
        {"sector_id": scenario.sectors["S1"].pk},
        {"region_id": scenario.regions["R1"].pk},
    ]
    records = CohortRecords(scenario.cohort, TODAY)
    for filters in scopes:
        alone = figures_of(scenario, **filters)
        shared = figures_of(scenario, records=records, **filters)
        for figures in (alone, shared):
            figures.pop("computed_at")
        assert shared == alone, filters

    with CaptureQueriesContext(connection) as queries:
        computed = recompute_cohort(scenario.cohort.pk)
    answer_reads = [q for q in queries if 'FROM "diagnostics_answer"' in q["sql"]]
    assert computed >= len(scopes)
    assert len(answer_reads) == 1
    assert store.read(scenario.cohort.pk, store.ALL)["cooperatives_compared"] == 2
