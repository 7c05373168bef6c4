from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    """Everything the platform tells people by e-mail. Codes are stable; labels are for staff."""

    DELIVERY_CHECK = "delivery_check", _("E-mail delivery check")
    APPLICATION_STARTED = "application_started", _("Application started: private link")
    APPLICATION_LINK = "application_link", _("Link to an application, sent again")
    APPLICATION_SUBMITTED = "application_submitted", _("Application submitted")
    DECISION = "decision", _("Decision on an application")
    COACH_DIGEST = "coach_digest", _("Weekly digest of a coach")
    OFFICE_DIGEST = "office_digest", _("Weekly summary for the program office")
    PORTAL_SIGN_IN = "portal_sign_in", _("Sign-in link to a cooperative's portal")


class OutboxMessageQuerySet(models.QuerySet):
    def due(self, stale_after):
        """Messages a sweep should (re)send: never picked up, or claimed by a worker that died."""
        return self.filter(
            models.Q(status=OutboxMessage.Status.PENDING)
            | models.Q(status=OutboxMessage.Status.SENDING, claimed_at__lt=stale_after)
        )


class OutboxMessage(models.Model):
    """An e-mail written in the same transaction as the change that causes it.

    Celery delivers it after commit, with retries; a broker outage only delays it, because the
    periodic sweep picks up whatever is still pending.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    event = models.CharField(_("event"), max_length=60, choices=Event.choices)
    recipient = models.EmailField(_("recipient"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("body"))
    # Same key, same message: a retried or repeated action never notifies twice.
    dedup_key = models.CharField(max_length=200, unique=True, null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = OutboxMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_event_display()} → {self.recipient}"
