"""Requests about personal data: everything held about a cooperative or a person, as one JSON
document; and erasing it on request.

Erasing replaces names, e-mail addresses, phone numbers and free text with neutral placeholders
and deletes attached files, but keeps every number, date and category: the published results
and the calls' transparency figures stay exactly what they were. Reviewers' identities never
leave the platform with an export.

Both act within the programs the person asking administers (`access.administered_programs`);
each export and each erasure is written to the audit log, an erasure with its reason.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.functions import Replace
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from accelerator.calls.models import Application, CallQuestion
from accelerator.cooperatives.models import Cooperative, LoginToken, Representative
from accelerator.core import audit
from accelerator.eligibility.models import EligibilityOverride
from accelerator.notifications.models import OutboxMessage
from accelerator.reviews.models import Review, Score
from accelerator.selection.models import CohortMember, Decision
from accelerator.support.models import (
    Attendance,
    CoachAssignment,
    CoachingVisit,
    FollowUp,
    MarketingSupport,
    TechnicalAssistance,
    VisitAttachment,
)
from diagnostics.models import (
    Answer,
    DevelopmentPlan,
    Diagnostic,
    PlanAction,
    PlanVersion,
    Reopening,
    SwotItem,
)

from .access import administered_programs

#: What replaces an erased text.
ERASED = "[erased]"
#: Internal fields that say nothing to the person the data is about.
INTERNAL = {"registration_key", "public_id", "draft_key", "request_key", "revision", "version"}
#: Free-text answers to a call's questions; the other kinds are numbers, dates and choices.
TEXT_ANSWERS = {CallQuestion.Kind.SHORT_TEXT, CallQuestion.Kind.LONG_TEXT}
#: Profile fields that name or reach a person.
CONTACT_FIELDS = ("contact_name", "contact_phone", "contact_email")


class ErasureRefused(Exception):
    """The erasure would reach records outside the programs of the person asking."""


def erased_email(kind, pk):
    # .invalid is reserved (RFC 2606): nothing can ever be delivered there.
    return f"erased-{kind}-{pk}@erased.invalid"


# Exports -----------------------------------------------------------------------------------


def row(instance, exclude=()):
    """A record's fields as JSON-ready values; related records by their name, files left out."""
    values = {"id": instance.pk}
    for field in instance._meta.concrete_fields:
        name = field.name
        if name in INTERNAL or name in exclude or field.primary_key:
            continue
        if isinstance(field, models.FileField):
            continue
        value = getattr(instance, name)
        if field.is_relation:
            value = str(value) if value is not None else None
        values[name] = value
    return values


def _attachments(files):
    return [
        {
            "question": attachment.question_key,
            "file_name": attachment.original_name,
            "size": attachment.size,
            "content_type": attachment.content_type,
            "uploaded_at": attachment.uploaded_at,
        }
        for attachment in files
    ]


def _application(application):
    data = row(application, exclude=("draft_data",))
    data["attachments"] = _attachments(application.files.all())
    data["eligibility_overrides"] = [
        row(override, exclude=("application", "decided_by"))
        for override in application.eligibility_overrides.all()
    ]
    data["decisions"] = [
        row(decision, exclude=("application", "decided_by"))
        for decision in application.decisions.all()
    ]
    # Reviews without their reviewers: who scored whom stays with the program.
    data["reviews"] = [
        {
            **row(review, exclude=("application", "reviewer", "assigned_by", "conflict_reason")),
            "scores": [
                {"criterion": str(score.criterion), "score": score.value, "comment": score.comment}
                for score in review.scores.all()
            ],
        }
        for review in application.reviews.counted()
    ]
    return data


def _diagnostic(diagnostic):
    data = row(diagnostic, exclude=("member", "coach", "validated_by"))
    data["answers"] = [
        {"question": answer.question.code, "level": answer.level, "evidence": answer.evidence}
        for answer in diagnostic.answers.select_related("question")
    ]
    data["swot"] = [row(item, exclude=("diagnostic",)) for item in diagnostic.swot_items.all()]
    return data


def _plan(plan):
    data = row(plan, exclude=("member", "diagnostic", "returned_by", "approved_by"))
    data["objectives"] = [row(objective, exclude=("plan",)) for objective in plan.objectives.all()]
    data["actions"] = [
        row(action, exclude=("plan", "standard_action")) for action in plan.actions.all()
    ]
    return data


def _visit(visit):
    data = row(visit, exclude=("member", "coach"))
    data["follow_ups"] = [row(item, exclude=("visit",)) for item in visit.follow_ups.all()]
    data["attachments"] = [
        {"file_name": item.original_name, "size": item.size, "uploaded_at": item.uploaded_at}
        for item in visit.attachments.all()
    ]
    return data


def _membership(member):
    data = row(member, exclude=("cooperative", "application"))
    data["diagnostics"] = [_diagnostic(diagnostic) for diagnostic in member.diagnostics.all()]
    plan = DevelopmentPlan.objects.filter(member=member).first()
    data["development_plan"] = _plan(plan) if plan else None
    data["coaching_visits"] = [_visit(visit) for visit in member.visits.all()]
    data["training_attendance"] = [
        {**row(attendance, exclude=("member",)), "module": str(attendance.session.module)}
        for attendance in member.attendance.select_related("session__module")
    ]
    data["technical_assistance"] = [
        row(item, exclude=("member",)) for item in member.technical_assistance.all()
    ]
    data["marketing_support"] = [
        row(item, exclude=("member",)) for item in member.marketing_support.all()
    ]
    return data


def _header(kind, user):
    return {
        "kind": kind,
        "exported_at": timezone.now(),
        "exported_by": user.get_username(),
    }


def cooperatives_for(user):
    """Cooperatives whose data this person may export or erase."""
    programs = administered_programs(user)
    return Cooperative.objects.filter(
        models.Q(applications__call__program__in=programs)
        | models.Q(cohort_memberships__cohort__program__in=programs)
    ).distinct()


def export_cooperative(cooperative, *, user):
    """Everything held about the cooperative in this person's programs, as a JSON-ready dict."""
    programs = administered_programs(user)
    applications = Application.objects.filter(
        cooperative=cooperative, call__program__in=programs
    ).select_related("call", "phase", "region", "province", "sector", "legal_form")
    members = CohortMember.objects.filter(
        cooperative=cooperative, cohort__program__in=programs
    ).select_related("cohort", "phase")
    document = {
        **_header("cooperative", user),
        "cooperative": row(cooperative),
        "representatives": [
            row(item, exclude=("cooperative", "user")) for item in cooperative.representatives.all()
        ],
        "applications": [_application(application) for application in applications],
        "cohort_memberships": [_membership(member) for member in members],
    }
    for program in programs.filter(pk__in=applications.values("call__program")):
        audit.record(cooperative, "accelerator.personal_data_export", user, program=program.pk)
    return document


def person_records(email, name, user):
    """The records naming this person (by e-mail, and by name for attendance), within the
    programs of `user`: {applications, represented, cooperatives, attendance, account}."""
    programs = administered_programs(user)
    email = (email or "").strip()
    applications = Application.objects.filter(call__program__in=programs)
    account = get_user_model().objects.filter(email__iexact=email).first() if email else None
    if account is not None and not (
        user.is_superuser or account.memberships.filter(program__in=programs).exists()
    ):
        account = None
    names = {name.strip()} if name and name.strip() else set()
    if account is not None and account.get_full_name().strip():
        names.add(account.get_full_name().strip())
    name_match = models.Q()
    for known in names:
        name_match |= models.Q(full_name__iexact=known)
    return {
        "applications": applications.filter(email__iexact=email) if email else applications.none(),
        "represented": applications.filter(contact_email__iexact=email)
        if email
        else applications.none(),
        "cooperatives": cooperatives_for(user).filter(contact_email__iexact=email)
        if email
        else Cooperative.objects.none(),
        "representations": Representative.objects.filter(
            cooperative__in=cooperatives_for(user)
        ).for_email(email)
        if email
        else Representative.objects.none(),
        "attendance": Attendance.objects.filter(session__cohort__program__in=programs).filter(
            name_match
        )
        if names
        else Attendance.objects.none(),
        "account": account,
    }


def _account(account):
    return {
        "username": account.get_username(),
        "first_name": account.first_name,
        "last_name": account.last_name,
        "email": account.email,
        "is_active": account.is_active,
        "date_joined": account.date_joined,
        "last_login": account.last_login,
        "roles": [
            {"program": str(membership.program), "role": membership.role}
            for membership in account.memberships.select_related("program")
        ],
    }


def export_person(email, *, user, name=""):
    records = person_records(email, name, user)
    document = {
        **_header("person", user),
        "email": email,
        "applications_submitted": [
            {**row(application), "draft_data": application.draft_data}
            for application in records["applications"]
        ],
        "representative_of": [
            {
                "cooperative": str(item),
                "reference": getattr(item, "reference", None),
                **{name: getattr(item, name) for name in CONTACT_FIELDS},
            }
            for item in [*records["cooperatives"], *records["represented"]]
        ]
        + [
            {
                "cooperative": str(item.cooperative),
                "portal_access_since": item.created_at,
                "portal_access_removed_on": item.revoked_at,
            }
            for item in records["representations"].select_related("cooperative")
        ],
        "training_attendance": [
            {**row(attendance, exclude=("member",)), "module": str(attendance.session.module)}
            for attendance in records["attendance"].select_related("session__module")
        ],
        "user_account": _account(records["account"]) if records["account"] else None,
        "messages": [
            row(message, exclude=("dedup_key", "claimed_at"))
            for message in OutboxMessage.objects.filter(recipient__iexact=email)
        ]
        if email
        else [],
    }
    for application in records["applications"]:
        audit.record(application, "accelerator.personal_data_export", user)
    return document


# Erasure -----------------------------------------------------------------------------------


def _require(reason):
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the personal data are erased.")})
    return reason


def _erase_text(queryset, *names):
    """Replace the non-empty values of these text fields with the placeholder."""
    for name in names:
        queryset.exclude(**{name: ""}).update(**{name: ERASED})


def _erase_messages(addresses):
    """Messages to these addresses keep their event and dates; a pending one is never sent."""
    for address in {address.lower() for address in addresses if address}:
        messages = OutboxMessage.objects.filter(recipient__iexact=address)
        messages.filter(
            status__in=[OutboxMessage.Status.PENDING, OutboxMessage.Status.SENDING]
        ).update(status=OutboxMessage.Status.FAILED, last_error=ERASED)
        for message in messages:
            OutboxMessage.objects.filter(pk=message.pk).update(
                recipient=erased_email("message", message.pk), subject=ERASED, body=ERASED
            )


def _erase_representatives(representatives):
    """Their portal access ends and their addresses go; returns the addresses erased."""
    addresses = set()
    for representative in representatives:
        addresses.add(representative.email)
        Representative.objects.filter(pk=representative.pk).update(
            email=erased_email("representative", representative.pk),
            revoked_at=representative.revoked_at or timezone.now(),
        )
    LoginToken.objects.filter(email__in=addresses).delete()
    return addresses


def _relabel_log(instances_by_model, old, new):
    """The audit log names objects as they were called: rename them there too."""
    if not old:
        return
    for model, ids in instances_by_model.items():
        ModelLogEntry.objects.filter(
            content_type__app_label=model._meta.app_label,
            content_type__model=model._meta.model_name,
            object_id__in=[str(pk) for pk in ids],
        ).update(label=Replace("label", models.Value(old), models.Value(new)))


def _erase_profile(profile, placeholder_name):
    profile.legal_name = placeholder_name
    profile.registration_number = f"ERASED-{profile.pk}"
    for name in CONTACT_FIELDS:
        setattr(profile, name, "")


def _erase_application(application, placeholder_name, registration_number):
    old_email = application.email
    _erase_profile(application, placeholder_name)
    application.registration_number = registration_number
    application.email = erased_email("application", application.pk)
    kinds = {question["key"]: question["kind"] for question in application.questions_snapshot}
    application.answers = {
        key: ERASED if kinds.get(key) in TEXT_ANSWERS and value else value
        for key, value in application.answers.items()
    }
    application.draft_data = {}
    application.save()
    for attachment in application.files.all():
        storage, name = attachment.file.storage, attachment.file.name
        # The row stays (eligibility rules count documents attached); the file goes.
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
        type(attachment).objects.filter(pk=attachment.pk).update(original_name=ERASED)
    return old_email


def _erase_members(members):
    diagnostics = Diagnostic.objects.filter(member__in=members)
    _erase_text(diagnostics, "place")
    _erase_text(Answer.objects.filter(diagnostic__in=diagnostics), "evidence")
    _erase_text(SwotItem.objects.filter(diagnostic__in=diagnostics), "description")
    Reopening.objects.filter(diagnostic__in=diagnostics).update(reason=ERASED)
    plans = DevelopmentPlan.objects.filter(member__in=members)
    _erase_text(plans, "review_comment")
    _erase_text(PlanAction.objects.filter(plan__in=plans), "description", "owner")
    for version in PlanVersion.objects.filter(plan__in=plans):
        for action in version.snapshot.get("actions", []):
            for name in ("description", "owner"):
                if action.get(name):
                    action[name] = ERASED
        version.save(update_fields=["snapshot"])
    visits = CoachingVisit.objects.filter(member__in=members)
    _erase_text(visits, "topics", "advice", "decisions")
    _erase_text(FollowUp.objects.filter(visit__in=visits), "description", "owner")
    for attachment in VisitAttachment.objects.filter(visit__in=visits):
        storage, name = attachment.file.storage, attachment.file.name
        attachment.delete()
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
    for attendance in Attendance.objects.filter(member__in=members):
        Attendance.objects.filter(pk=attendance.pk).update(full_name=f"{ERASED} {attendance.pk}")
    _erase_text(TechnicalAssistance.objects.filter(member__in=members), "description")
    _erase_text(MarketingSupport.objects.filter(member__in=members), "description")


def erase_cooperative(cooperative, *, user, reason):
    """Anonymise the cooperative and everything written about it. Refused (ErasureRefused) when
    it also applied to a program this person does not administer."""
    reason = _require(reason)
    programs = administered_programs(user)
    outside = (
        Application.objects.filter(cooperative=cooperative)
        .exclude(call__program__in=programs)
        .exists()
        or CohortMember.objects.filter(cooperative=cooperative)
        .exclude(cohort__program__in=programs)
        .exists()
    )
    if outside and not user.is_superuser:
        raise ErasureRefused(
            _(
                "This cooperative also took part in a program you do not administer: ask a "
                "superuser to erase its data."
            )
        )
    placeholder = f"{ERASED} {cooperative.pk}"
    with transaction.atomic():
        cooperative = Cooperative.objects.select_for_update().get(pk=cooperative.pk)
        old_name, addresses = cooperative.legal_name, {cooperative.contact_email}
        applications = list(Application.objects.filter(cooperative=cooperative))
        _erase_profile(cooperative, placeholder)
        cooperative.save()
        for application in applications:
            addresses.add(application.contact_email)
            addresses.add(
                _erase_application(application, placeholder, cooperative.registration_number)
            )
        _erase_text(Decision.objects.filter(application__in=applications), "note")
        _erase_text(
            EligibilityOverride.objects.filter(application__in=applications), "justification"
        )
        reviews = Review.objects.filter(application__in=applications)
        _erase_text(reviews, "overall_comment", "conflict_reason")
        _erase_text(Score.objects.filter(review__in=reviews), "comment")
        members = CohortMember.objects.filter(cooperative=cooperative)
        _erase_members(members)
        addresses |= _erase_representatives(cooperative.representatives.all())
        _erase_messages(addresses)
        _relabel_log(
            {
                Cooperative: [cooperative.pk],
                Diagnostic: Diagnostic.objects.filter(member__in=members).values_list(
                    "pk", flat=True
                ),
                DevelopmentPlan: DevelopmentPlan.objects.filter(member__in=members).values_list(
                    "pk", flat=True
                ),
                CoachingVisit: CoachingVisit.objects.filter(member__in=members).values_list(
                    "pk", flat=True
                ),
                CoachAssignment: CoachAssignment.objects.filter(member__in=members).values_list(
                    "pk", flat=True
                ),
            },
            old_name,
            placeholder,
        )
        touched = {application.call.program_id for application in applications}
        touched |= set(members.values_list("cohort__program", flat=True))
        for program_id in sorted(touched):
            audit.record(
                cooperative, "accelerator.anonymise", user, program=program_id, reason=reason
            )
    return cooperative


def erase_person(email, *, user, reason, name=""):
    """Anonymise what names this person in this person's programs: e-mail on applications,
    contact details, attendance rows, their account. Returns how many records changed."""
    reason = _require(reason)
    records = person_records(email, name, user)
    changed = 0
    with transaction.atomic():
        for application in records["applications"]:
            Application.objects.filter(pk=application.pk).update(
                email=erased_email("application", application.pk),
                draft_data={} if application.is_draft else application.draft_data,
            )
            audit.record(application, "accelerator.anonymise", user, reason=reason)
            changed += 1
        contact = dict.fromkeys(CONTACT_FIELDS, "")
        for application in records["represented"]:
            Application.objects.filter(pk=application.pk).update(**contact)
            audit.record(application, "accelerator.anonymise", user, reason=reason)
            changed += 1
        programs = administered_programs(user)
        for cooperative in records["cooperatives"]:
            Cooperative.objects.filter(pk=cooperative.pk).update(**contact)
            program = (
                programs.filter(calls__applications__cooperative=cooperative)
                .values_list("pk", flat=True)
                .first()
            )
            audit.record(cooperative, "accelerator.anonymise", user, program=program, reason=reason)
            changed += 1
        representations = records["representations"].select_related("cooperative")
        for representative in representations:
            program = (
                programs.filter(calls__applications__cooperative=representative.cooperative_id)
                .values_list("pk", flat=True)
                .first()
            )
            audit.record(
                representative.cooperative,
                "accelerator.anonymise",
                user,
                program=program,
                reason=reason,
            )
            changed += 1
        _erase_representatives(representations)
        for attendance in records["attendance"].select_related("session__cohort"):
            Attendance.objects.filter(pk=attendance.pk).update(
                full_name=f"{ERASED} {attendance.pk}"
            )
            audit.record(
                attendance,
                "accelerator.anonymise",
                user,
                program=attendance.session.cohort.program_id,
                reason=reason,
            )
            changed += 1
        account = records["account"]
        if account is not None:
            account_programs = list(
                account.memberships.filter(program__in=programs).values_list("program", flat=True)
            )
            account.username = f"erased-{account.pk}"
            account.first_name = account.last_name = ""
            account.email = ""
            account.is_active = False
            account.set_unusable_password()
            account.save()
            for program_id in sorted(set(account_programs)) or [None]:
                audit.record(
                    account, "accelerator.anonymise", user, program=program_id, reason=reason
                )
            changed += 1
        _erase_messages([email])
    return changed
