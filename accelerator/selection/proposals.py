"""Fill a cohort from the ranking, under its capacity, its phases and the preference rules.

The result is a Proposal that staff read and confirm; nothing is decided here.
"""

import math
from collections import Counter

from django.db import transaction
from django.utils import timezone

from accelerator.calls.models import Application

from .models import CohortMember, Outcome, Proposal, RejectionReason
from .services import DecisionError, decide


def _ranking_key(application, prefer_women_led, prefer_youth_led):
    return (
        -application.score,
        not application.women_led if prefer_women_led else False,
        not application.youth_led if prefer_youth_led else False,
        application.submitted_at,
        application.pk,
    )


def propose(
    call, *, by, prefer_women_led=False, prefer_youth_led=False, min_region_share=0, min_score=0
):
    cohort = call.cohort
    phases = {phase.pk: phase for phase in cohort.phases.all()}
    active = CohortMember.objects.active().filter(cohort=cohort)
    cohort_left = cohort.capacity - active.count()
    phase_left = {
        pk: phase.capacity - active.filter(phase_id=pk).count() for pk, phase in phases.items()
    }
    admitted_per_region = Counter(active.values_list("application__region_id", flat=True))
    undecided = list(
        Application.objects.for_call(call)
        .filter(status=Application.Status.SUBMITTED)
        .select_related("region")
    )
    ranked = sorted(
        (
            a
            for a in undecided
            if a.eligibility == Application.Eligibility.ELIGIBLE and a.score is not None
        ),
        key=lambda a: _ranking_key(a, prefer_women_led, prefer_youth_led),
    )
    admitted = []

    def fits(application):
        if application.score < min_score or cohort_left - len(admitted) <= 0:
            return False
        if not phases:
            return True
        return application.phase_id in phase_left and phase_left[application.phase_id] > 0

    def admit(application):
        admitted.append(application)
        admitted_per_region[application.region_id] += 1
        if phases:
            phase_left[application.phase_id] -= 1

    if min_region_share:
        floor = math.ceil(cohort.capacity * min_region_share / 100)
        for region_id in sorted({a.region_id for a in ranked}):
            for application in (a for a in ranked if a.region_id == region_id):
                if admitted_per_region[region_id] >= floor:
                    break
                if fits(application):
                    admit(application)
    for application in ranked:
        if application not in admitted and fits(application):
            admit(application)

    items = [{"application": a.pk, "outcome": Outcome.ADMIT, "phase": a.phase_id} for a in admitted]
    items += [
        {"application": a.pk, "outcome": Outcome.WAITLIST, "phase": a.phase_id}
        for a in ranked
        if a not in admitted
    ]
    items += [
        {"application": a.pk, "outcome": Outcome.REJECT, "reason": RejectionReason.NOT_ELIGIBLE}
        for a in undecided
        if a.eligibility == Application.Eligibility.INELIGIBLE
    ]
    return Proposal.objects.create(
        call=call,
        prefer_women_led=prefer_women_led,
        prefer_youth_led=prefer_youth_led,
        min_region_share=min_region_share,
        min_score=min_score,
        items=items,
        created_by=by,
    )


def proposal_rows(proposal):
    """The proposal's applications in order, each with its proposed outcome."""
    applications = Application.objects.for_list().in_bulk(
        [item["application"] for item in proposal.items]
    )
    return [
        {**item, "application": applications[item["application"]]}
        for item in proposal.items
        if item["application"] in applications
    ]


def confirm(proposal, *, by):
    """Apply the proposal as staff confirmed it; what was decided since is left alone."""
    decided, skipped = 0, []
    with transaction.atomic():
        for row in proposal_rows(proposal):
            application = row["application"]
            if application.status != Application.Status.SUBMITTED:
                skipped.append((application, None))
                continue
            try:
                decide(
                    application,
                    row["outcome"],
                    by=by,
                    reason=row.get("reason", ""),
                )
            except DecisionError as error:
                skipped.append((application, str(error)))
            else:
                decided += 1
        proposal.confirmed_by = by
        proposal.confirmed_at = timezone.now()
        proposal.save(update_fields=["confirmed_by", "confirmed_at"])
    return decided, skipped
