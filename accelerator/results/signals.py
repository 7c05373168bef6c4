"""Any change to a record the results count schedules its cohort's recomputation.

A decoupled side effect, hence signals: the apps that own these records know nothing of the
results. Scheduling is debounced and deferred to the commit (store.schedule_recompute); finding
the cohort costs at most one small query, none when the related object is already loaded.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accelerator.calls.models import Application, Call
from accelerator.cooperatives.models import Cooperative
from accelerator.selection.models import CohortMember
from accelerator.support.models import (
    Attendance,
    CoachAssignment,
    CoachingVisit,
    MarketingSupport,
    TechnicalAssistance,
    TrainingSession,
)
from diagnostics.models import Diagnostic, PlanAction

from .store import schedule_recompute


def _loaded(instance, name):
    """The related object when already fetched (no query), else None."""
    return instance._state.fields_cache.get(name)


def _cohort_of_member(member_id, member=None):
    if member is not None:
        return member.cohort_id
    return CohortMember.objects.filter(pk=member_id).values_list("cohort_id", flat=True).first()


def cohort_of_application(application):
    if application.is_draft:
        return None
    call = _loaded(application, "call")
    if call is not None:
        return call.cohort_id
    return Call.objects.filter(pk=application.call_id).values_list("cohort_id", flat=True).first()


def cohort_of_member_record(record):
    """Diagnostics, visits, assistance, marketing support: they hang on a cohort member."""
    return _cohort_of_member(record.member_id, _loaded(record, "member"))


def cohort_of_plan_action(action):
    return (
        CohortMember.objects.filter(plan__pk=action.plan_id)
        .values_list("cohort_id", flat=True)
        .first()
    )


def cohort_of_attendance(attendance):
    session = _loaded(attendance, "session")
    if session is not None:
        return session.cohort_id
    return (
        TrainingSession.objects.filter(pk=attendance.session_id)
        .values_list("cohort_id", flat=True)
        .first()
    )


COHORT_OF = {
    Application: cohort_of_application,
    CohortMember: lambda member: member.cohort_id,
    TrainingSession: lambda session: session.cohort_id,
    Attendance: cohort_of_attendance,
    Diagnostic: cohort_of_member_record,
    CoachingVisit: cohort_of_member_record,
    CoachAssignment: cohort_of_member_record,
    TechnicalAssistance: cohort_of_member_record,
    MarketingSupport: cohort_of_member_record,
    PlanAction: cohort_of_plan_action,
}


def _record_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    schedule_recompute(COHORT_OF[sender](instance))


for _model in COHORT_OF:
    post_save.connect(
        _record_changed, sender=_model, dispatch_uid=f"results-save-{_model.__name__}"
    )
    post_delete.connect(
        _record_changed, sender=_model, dispatch_uid=f"results-delete-{_model.__name__}"
    )


@receiver(post_save, sender=Cooperative, dispatch_uid="results-save-Cooperative")
def cooperative_changed(sender, instance, raw=False, **kwargs):
    """A profile update (members, region, sector) moves the figures of its cohorts."""
    if raw:
        return
    for cohort_id in (
        CohortMember.objects.active()
        .filter(cooperative=instance)
        .values_list("cohort_id", flat=True)
    ):
        schedule_recompute(cohort_id)
