"""What happens to an application, whoever asks for it (public form, admin, demo, API)."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from accelerator.cooperatives.models import Cooperative, normalise_registration_number
from accelerator.core import audit
from accelerator.notifications.models import Event
from accelerator.notifications.services import notify

from .links import application_url
from .models import Application, ApplicationFile, Call


class CallClosed(Exception):
    """The deadline has passed (or the call has not opened yet)."""


class DuplicateApplication(Exception):
    """This cooperative has already submitted an application to this call."""

    def __init__(self, existing):
        super().__init__(existing.reference)
        self.existing = existing


def start_application(call, *, email, language, request=None):
    """Open a draft and e-mail its private link, so the applicant can come back from anywhere."""
    if not call.is_open():
        raise CallClosed
    with transaction.atomic():
        application = Application.objects.create(
            call=call, email=email.strip().lower(), language=language
        )
        send_link(application, request=request, event=Event.APPLICATION_STARTED)
    return application


def send_link(application, *, request=None, event=Event.APPLICATION_LINK):
    notify(
        event,
        recipient=application.email,
        language=application.language,
        context={
            "call_title": _call_title(application.call, application.language),
            "link": application_url(application, verified=True, request=request),
            "reference": application.reference,
            "closes_at": application.call.closes_at,
            "timezone": application.call.timezone,
        },
    )


def send_links_for_email(call, *, email, request=None):
    """Whoever asks, the links go only to the address itself: nothing is shown on screen."""
    for application in Application.objects.filter(call=call, email=email.strip().lower()):
        send_link(application, request=request)


def save_draft(application, data):
    """Keep what was typed, exactly as typed. Returns the new version number."""
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if not locked.is_draft:
            return locked.version
        locked.draft_data = {**locked.draft_data, **data}
        locked.version = F("version") + 1
        locked.save(update_fields=["draft_data", "version", "updated_at"])
        locked.refresh_from_db(fields=["version", "draft_data", "updated_at"])
    application.draft_data = locked.draft_data
    application.version = locked.version
    application.updated_at = locked.updated_at
    return locked.version


def attach_file(application, *, question_key, uploaded, kind, sha256, content_type):
    """Store a checked upload, replacing an earlier file for the same question."""
    with transaction.atomic():
        previous = list(application.files.filter(question_key=question_key))
        attachment = ApplicationFile(
            application=application,
            question_key=question_key,
            original_name=uploaded.name[:255],
            content_type=content_type,
            size=uploaded.size,
            sha256=sha256,
        )
        attachment.file.save(uploaded.name, uploaded, save=False)
        attachment.save()
        for old in previous:
            remove_file(old)
    return attachment


def remove_file(attachment):
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))


def known_profile(application, registration_number):
    """The registry's profile for this number, only for an applicant who proved their e-mail
    and whom the registry already knows by that e-mail."""
    if not application.email_verified:
        return None
    key = normalise_registration_number(registration_number)
    if not key:
        return None
    cooperative = Cooperative.objects.filter(registration_key=key).first()
    if cooperative is None:
        return None
    known_emails = {cooperative.contact_email.lower()} | set(
        Application.objects.submitted()
        .filter(cooperative=cooperative)
        .values_list("email", flat=True)
    )
    return cooperative if application.email.lower() in known_emails else None


def submit(application, form, *, request=None, now=None):
    """Turn a valid draft into a dossier with its reference. Safe to call twice."""
    now = now or timezone.now()
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if not application.is_draft:
            return application
        call = Call.objects.select_for_update().get(pk=application.call_id)
        if not call.is_open(now):
            raise CallClosed
        cleaned = form.cleaned_data
        for name in Application.PROFILE_FIELDS:
            setattr(application, name, cleaned.get(name))
        application.registration_key = normalise_registration_number(
            application.registration_number
        )
        existing = (
            Application.objects.submitted()
            .filter(call=call, registration_key=application.registration_key)
            .first()
        )
        if existing:
            raise DuplicateApplication(existing)
        application.phase = call.cohort.phases.filter(regions=application.region).first()
        application.answers = form.answers()
        application.questions_snapshot = [question.snapshot() for question in form.questions]
        application.language = form.language
        application.reference = f"{call.reference_prefix}-{call.next_reference_number:05d}"
        Call.objects.filter(pk=call.pk).update(next_reference_number=F("next_reference_number") + 1)
        application.status = Application.Status.SUBMITTED
        application.submitted_at = now
        application.cooperative = _register(application)
        try:
            with transaction.atomic():
                application.save()
        except IntegrityError as error:
            # Another submission for this number won the race a moment ago.
            existing = Application.objects.submitted().get(
                call=call, registration_key=application.registration_key
            )
            raise DuplicateApplication(existing) from error
        audit.record(
            application, "accelerator.submit", changes={"status": ("draft", application.status)}
        )
        from accelerator.eligibility.services import screen

        screen(application)
        notify(
            Event.APPLICATION_SUBMITTED,
            recipient=application.email,
            language=application.language,
            context={
                "call_title": _call_title(call, application.language),
                "reference": application.reference,
                "legal_name": application.legal_name,
                "link": application_url(application, verified=True, request=request),
            },
            dedup_key=f"submitted:{application.pk}",
        )
    return application


def _register(application):
    """Create or refresh the registry entry from what was just submitted."""
    cooperative = Cooperative.objects.filter(registration_key=application.registration_key).first()
    cooperative = cooperative or Cooperative()
    cooperative.copy_profile_from(application)
    cooperative.save()
    return cooperative


def _call_title(call, language):
    return getattr(call, f"title_{language}", None) or call.title_en
