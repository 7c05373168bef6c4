import pytest
from django.core import mail

from accelerator.calls.models import Application
from accelerator.selection.models import CohortMember, Outcome
from accelerator.selection.proposals import confirm, proposal_rows, propose
from accelerator.selection.services import decide

pytestmark = pytest.mark.django_db


def outcomes(proposal):
    return {row["application"].pk: row["outcome"] for row in proposal_rows(proposal)}


def test_proposal_fills_each_phase_from_the_ranking_and_decides_nothing(
    applicant, regions, officer, call
):
    north = [applicant(regions[0], score) for score in (90, 80, 70)]
    south = [applicant(regions[1], score) for score in (60, 50, 40)]
    ineligible = applicant(regions[2], 99, eligible=False)

    proposal = propose(call, by=officer)

    proposed = outcomes(proposal)
    assert [proposed[a.pk] for a in north] == [Outcome.ADMIT, Outcome.ADMIT, Outcome.WAITLIST]
    assert [proposed[a.pk] for a in south] == [Outcome.ADMIT, Outcome.ADMIT, Outcome.WAITLIST]
    assert proposed[ineligible.pk] == Outcome.REJECT
    assert Application.objects.filter(status=Application.Status.SUBMITTED).count() == 7
    assert CohortMember.objects.count() == 0
    assert mail.outbox == []


def test_waiting_list_keeps_the_ranking_order(applicant, regions, officer, call):
    for score in (90, 85):
        applicant(regions[0], score)
    third, fourth = applicant(regions[0], 60), applicant(regions[0], 75)

    rows = proposal_rows(propose(call, by=officer))

    waiting = [row["application"].pk for row in rows if row["outcome"] == Outcome.WAITLIST]
    assert waiting == [fourth.pk, third.pk]


def test_unreviewed_applications_are_left_out(applicant, regions, officer, call):
    unreviewed = applicant(regions[0], None)

    assert unreviewed.pk not in outcomes(propose(call, by=officer))


def test_women_led_first_among_equal_scores(applicant, regions, officer, call, cohort):
    cohort.capacity = 1
    cohort.save()
    men = applicant(regions[0], 80, women=2, total=20)
    women = applicant(regions[0], 80, women=15, total=20)

    neutral = outcomes(propose(call, by=officer))
    preferred = outcomes(propose(call, by=officer, prefer_women_led=True))

    assert neutral[men.pk] == Outcome.ADMIT
    assert preferred[women.pk] == Outcome.ADMIT
    assert preferred[men.pk] == Outcome.WAITLIST


def test_youth_led_first_among_equal_scores(applicant, regions, officer, call, cohort):
    cohort.capacity = 1
    cohort.save()
    older = applicant(regions[0], 80, youth=1)
    younger = applicant(regions[0], 80, youth=14)

    preferred = outcomes(propose(call, by=officer, prefer_youth_led=True))

    assert preferred[younger.pk] == Outcome.ADMIT
    assert preferred[older.pk] == Outcome.WAITLIST


def test_minimum_share_per_region_reserves_places(applicant, regions, officer, call, cohort):
    south_best = [applicant(regions[1], 95), applicant(regions[1], 94)]
    small_region = applicant(regions[2], 30)

    without = outcomes(propose(call, by=officer))
    with_floor = outcomes(propose(call, by=officer, min_region_share=25))

    assert without[small_region.pk] == Outcome.WAITLIST
    assert with_floor[small_region.pk] == Outcome.ADMIT
    assert sorted(with_floor[a.pk] for a in south_best) == [Outcome.ADMIT, Outcome.WAITLIST]


def test_confirming_records_every_decision_and_notifies_once_each(
    applicant, regions, officer, call, django_capture_on_commit_callbacks
):
    applications = [applicant(regions[0], score) for score in (90, 80, 70)]
    proposal = propose(call, by=officer)

    with django_capture_on_commit_callbacks(execute=True):
        decided, skipped = confirm(proposal, by=officer)

    assert decided == 3
    assert skipped == []
    statuses = [Application.objects.get(pk=a.pk).status for a in applications]
    assert statuses == ["admitted", "admitted", "waitlisted"]
    assert len(mail.outbox) == 3
    proposal.refresh_from_db()
    assert proposal.confirmed_by == officer


def test_confirming_leaves_alone_what_was_decided_since(applicant, regions, officer, call):
    first = applicant(regions[0], 90)
    proposal = propose(call, by=officer)
    decide(first, Outcome.WAITLIST, by=officer)

    decided, skipped = confirm(proposal, by=officer)

    assert decided == 0
    assert Application.objects.get(pk=first.pk).status == Application.Status.WAITLISTED


def test_lowest_admitted_score_sends_the_others_to_the_waiting_list(
    applicant, regions, officer, call
):
    good, weak = applicant(regions[0], 72), applicant(regions[0], 41)

    proposed = outcomes(propose(call, by=officer, min_score=50))

    assert proposed[good.pk] == Outcome.ADMIT
    assert proposed[weak.pk] == Outcome.WAITLIST
