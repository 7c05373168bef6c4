"""Eligibility screening: rules measured against applications, and staff overrides."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accelerator.calls.models import Application, ApplicationFile
from accelerator.core import audit

from .evaluation import Facts, deadline_of, evaluate
from .models import EligibilityCheck, EligibilityOverride, EligibilityRule

#: Applications screened together: each batch costs the same few queries, and memory stays flat.
BATCH_SIZE = 500

Eligibility = Application.Eligibility


def screen(application):
    """Measure every rule of the application's call against it, keep one check per rule and
    set its eligibility (a staff override, if any, wins). No rules: eligible."""
    call = application.call
    rules = list(EligibilityRule.objects.for_screening(call))
    overrides = {application.pk: latest_override(application)}
    with transaction.atomic():
        _screen_batch([application], rules, deadline_of(call), overrides)
        application.save(update_fields=["eligibility"])
    return application


def rescreen(call):
    """Screen every submitted application of the call again, e.g. after a rule changed.

    Returns how many applications are now eligible and not eligible.
    """
    rules = list(EligibilityRule.objects.for_screening(call))
    deadline = deadline_of(call)
    submitted = Application.objects.submitted().filter(call=call)
    ids = list(submitted.order_by("pk").values_list("pk", flat=True))
    counts = {Eligibility.ELIGIBLE: 0, Eligibility.INELIGIBLE: 0}
    for start in range(0, len(ids), BATCH_SIZE):
        batch = list(_for_screening(submitted.filter(pk__in=ids[start : start + BATCH_SIZE])))
        before = {application.pk: application.eligibility for application in batch}
        latest_overrides = {
            application.pk: next(iter(application.eligibility_overrides.all()), None)
            for application in batch
        }
        with transaction.atomic():
            _screen_batch(batch, rules, deadline, latest_overrides)
            changed = [a for a in batch if a.eligibility != before[a.pk]]
            Application.objects.bulk_update(changed, ["eligibility"], batch_size=BATCH_SIZE)
        for application in batch:
            counts[application.eligibility] += 1
    return {str(result): count for result, count in counts.items()}


def override(application, *, eligible, justification, user):
    """Replace the screening's result with a staff decision, recorded with who, when and why."""
    justification = (justification or "").strip()
    if not justification:
        raise ValidationError(
            {"justification": _("Say why the result of the screening is replaced.")}
        )
    with transaction.atomic():
        record = EligibilityOverride.objects.create(
            application=application,
            eligible=eligible,
            justification=justification,
            decided_by=user,
        )
        previous, application.eligibility = (
            application.eligibility,
            Eligibility.ELIGIBLE if eligible else Eligibility.INELIGIBLE,
        )
        application.save(update_fields=["eligibility"])
        audit.record(
            application,
            "accelerator.eligibility_override",
            user,
            {"eligibility": (previous, application.eligibility)},
            override=record.pk,
        )
    return record


def summary(call):
    """How many submitted applications of the call are eligible, not eligible, not screened."""
    counts = dict(
        Application.objects.submitted()
        .filter(call=call)
        .values_list("eligibility")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {result: counts.get(result, 0) for result in Eligibility.values}


def labelled_summary(call):
    counts = summary(call)
    return [(label, counts[code]) for code, label in Eligibility.choices]


def latest_override(application):
    return application.eligibility_overrides.first()


def _for_screening(applications):
    return (
        applications.defer("draft_data")
        .select_related("region", "province", "legal_form", "sector")
        .prefetch_related(
            Prefetch(
                "files",
                queryset=ApplicationFile.objects.only(
                    "application_id", "question_key", "original_name"
                ),
            ),
            "eligibility_overrides",
        )
    )


def _screen_batch(applications, rules, deadline, latest_overrides):
    """Replace the checks of these applications and set each one's eligibility in memory."""
    now = timezone.now()
    parameters = {rule.pk: rule.parameters() for rule in rules}
    checks = []
    for application in applications:
        facts = Facts.gather(application, deadline)
        passed_all = True
        for position, rule in enumerate(rules):
            outcome = evaluate(rule, facts)
            passed_all = passed_all and outcome.passed
            checks.append(
                EligibilityCheck(
                    application=application,
                    rule=rule,
                    position=position,
                    kind=rule.kind,
                    parameters=parameters[rule.pk],
                    passed=outcome.passed,
                    details=outcome.details,
                    checked_at=now,
                )
            )
        decided = latest_overrides.get(application.pk)
        eligible = decided.eligible if decided is not None else passed_all
        application.eligibility = Eligibility.ELIGIBLE if eligible else Eligibility.INELIGIBLE
    EligibilityCheck.objects.filter(application__in=[a.pk for a in applications]).delete()
    EligibilityCheck.objects.bulk_create(checks, batch_size=1000)
