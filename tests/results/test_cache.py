"""Figures are computed by the task, stored, and refreshed when records change; a page view
only reads them."""

from datetime import date
from unittest import mock

from django.core.cache import cache
from django.test import TestCase
from django.utils.html import escape

from accelerator.results import store
from accelerator.results.figures import cohort_figures, headline_figures
from accelerator.results.models import ResultsSnapshot
from accelerator.results.tasks import recompute_cohort
from tests.support.coaching import VisitFactory

RECOMPUTE = "accelerator.results.tasks.recompute_cohort.apply_async"
COMPUTE_SCOPE = "accelerator.results.tasks.compute_scope.apply_async"
SOURCE_TABLES = [
    '"calls_application"',
    '"selection_cohortmember"',
    '"diagnostics_diagnostic"',
    '"diagnostics_planaction"',
    '"support_coachingvisit"',
    '"support_attendance"',
    '"support_technicalassistance"',
    '"support_marketingsupport"',
]


def shown(content, label, text):
    return f"<dt>{escape(label)}</dt><dd><bdi>{escape(text)}</bdi></dd>" in content


def test_a_change_schedules_its_cohort_once_per_transaction_after_commit(
    scenario, django_capture_on_commit_callbacks
):
    member = scenario.members["A"]
    with mock.patch(RECOMPUTE) as send:
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            VisitFactory(member=member, coach=scenario.coaches["X"])
            VisitFactory(member=member, coach=scenario.coaches["X"])
            assert not send.called  # nothing before the commit
        assert len(callbacks) == 1
    send.assert_called_once_with((scenario.cohort.pk,))


def test_with_a_broker_changes_within_the_delay_are_folded_into_one_task(
    scenario, django_capture_on_commit_callbacks, monkeypatch, settings
):
    settings.RESULTS_RECOMPUTE_DELAY = 45
    monkeypatch.setattr(store, "in_process", lambda: False)
    member = scenario.members["B"]
    with mock.patch(RECOMPUTE) as send:
        for _transaction in range(3):
            with django_capture_on_commit_callbacks(execute=True):
                VisitFactory(member=member, coach=scenario.coaches["Y"])
    send.assert_called_once_with((scenario.cohort.pk,), countdown=45)


def test_a_running_task_lets_the_next_change_schedule_again(
    scenario, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(store, "in_process", lambda: False)
    member = scenario.members["B"]
    with mock.patch(RECOMPUTE) as send:
        with django_capture_on_commit_callbacks(execute=True):
            VisitFactory(member=member, coach=scenario.coaches["Y"])
        recompute_cohort(scenario.cohort.pk)
        with django_capture_on_commit_callbacks(execute=True):
            VisitFactory(member=member, coach=scenario.coaches["Y"])
    assert send.call_count == 2


def test_page_shows_the_new_figure_once_the_scheduled_task_ran(
    client, results_pages, scenario, django_capture_on_commit_callbacks
):
    recompute_cohort(scenario.cohort.pk)
    page = results_pages["en"]
    assert shown(client.get(page.url).content.decode(), "Coaching sessions", "3")

    # Test settings run tasks in-process: executing the commit callbacks runs the task.
    with django_capture_on_commit_callbacks(execute=True):
        VisitFactory(member=scenario.members["C"], coach=scenario.coaches["X"])

    assert shown(client.get(page.url).content.decode(), "Coaching sessions", "4")
    assert cohort_figures(scenario.cohort)["coaching_sessions"] == 4


def test_page_with_a_cold_cache_enqueues_the_task_without_aggregating(
    client, results_pages, scenario, django_assert_max_num_queries
):
    with mock.patch(RECOMPUTE) as send, django_assert_max_num_queries(18) as queries:
        response = client.get(results_pages["en"].url)

    assert response.status_code == 200
    touched = " ".join(query["sql"] for query in queries.captured_queries)
    for table in SOURCE_TABLES:
        assert table not in touched
    assert "being computed" in response.content.decode()
    send.assert_called_once_with((scenario.cohort.pk,))
    assert not ResultsSnapshot.objects.exists()


def test_page_with_a_warm_cache_reads_no_figures_from_the_database(
    client, results_pages, scenario, django_assert_max_num_queries
):
    recompute_cohort(scenario.cohort.pk)
    client.get(results_pages["en"].url)  # Wagtail's own lookups warm up too
    # Wagtail's routing, site, locale and translation lookups; none for the figures.
    with mock.patch(RECOMPUTE) as send, django_assert_max_num_queries(14) as queries:
        response = client.get(results_pages["en"].url)
    assert shown(response.content.decode(), "Cooperatives supported", "3")
    assert not send.called
    assert "results_resultssnapshot" not in " ".join(q["sql"] for q in queries.captured_queries)


def test_a_lost_cache_falls_back_to_the_stored_snapshot(client, results_pages, scenario):
    recompute_cohort(scenario.cohort.pk)
    cache.clear()
    with mock.patch(RECOMPUTE) as send:
        response = client.get(results_pages["en"].url)
    assert shown(response.content.decode(), "Cooperatives supported", "3")
    assert not send.called


def test_figures_of_an_earlier_day_are_shown_while_the_update_is_scheduled(
    client, results_pages, scenario
):
    recompute_cohort(scenario.cohort.pk)
    later = mock.patch("django.utils.timezone.localdate", return_value=date(2099, 1, 1))
    with later, mock.patch(RECOMPUTE) as send:
        response = client.get(results_pages["en"].url)
    content = response.content.decode()
    assert shown(content, "Cooperatives supported", "3")
    assert "An update is being computed." in content
    send.assert_called_once_with((scenario.cohort.pk,))


def test_task_computes_the_cohort_each_phase_region_and_sector(scenario):
    assert recompute_cohort(scenario.cohort.pk) == 1 + 2 + 2 + 2
    phase = scenario.phases["P2"]
    assert cohort_figures(scenario.cohort, phase=phase)["cooperatives_supported"] == 1
    assert cohort_figures(scenario.cohort, sector=scenario.sectors["S1"])["members_reached"] == 50


def test_a_combination_of_filters_is_computed_on_request_then_kept_fresh(scenario):
    recompute_cohort(scenario.cohort.pk)
    region, sector = scenario.regions["R1"], scenario.sectors["S1"]
    with mock.patch(COMPUTE_SCOPE) as send, TestCase.captureOnCommitCallbacks(execute=True):
        first = cohort_figures(scenario.cohort, region=region, sector=sector)
    assert first["available"] is False
    key = store.scope_key(region_id=region.pk, sector_id=sector.pk)
    send.assert_called_once_with((scenario.cohort.pk, key))

    recompute_cohort(scenario.cohort.pk)  # the combination is not known yet: not computed
    assert not cohort_figures(scenario.cohort, region=region, sector=sector)["available"]
    from accelerator.results.tasks import compute_scope

    compute_scope(scenario.cohort.pk, key)
    assert cohort_figures(scenario.cohort, region=region, sector=sector)["members_reached"] == 20
    assert recompute_cohort(scenario.cohort.pk) == 8  # and from now on, recomputed with the rest


def test_headline_figures_add_the_cohorts_up(scenario):
    recompute_cohort(scenario.cohort.pk)
    headline = headline_figures(scenario.program)
    assert headline["available"] is True
    assert headline["cooperatives_supported"] == 3
    assert headline["members_reached"] == 60
    assert headline["women_share"] == 53.3
    assert headline["training_sessions"] == 2
    assert headline["cohorts"] == 1
    assert "score_change" in headline


def test_headline_figures_of_a_program_never_computed_schedule_its_cohorts(scenario):
    with mock.patch(RECOMPUTE) as send, TestCase.captureOnCommitCallbacks(execute=True):
        headline = headline_figures(scenario.program)
    assert headline["available"] is False
    send.assert_called_once_with((scenario.cohort.pk,))


def test_without_a_broker_the_first_view_has_the_task_run_in_process_after_commit(
    client, results_pages, scenario
):
    """In-process mode (no broker, one machine): the task runs in the web process once the
    view's transaction commits; from then on the figures are read."""
    client.get(results_pages["en"].url)
    assert ResultsSnapshot.objects.filter(cohort=scenario.cohort).count() == 7
    with mock.patch(RECOMPUTE) as send:
        response = client.get(results_pages["en"].url)
    assert shown(response.content.decode(), "Cooperatives supported", "3")
    assert not send.called
