import uuid
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from accelerator.cooperatives.models import Cooperative, CooperativeProfile
from accelerator.core.storage import private_storage
from accelerator.programs.models import Cohort, Phase, Program, Region


class FileType(models.TextChoices):
    PDF = "pdf", _("PDF document")
    JPEG = "jpeg", _("JPEG image")
    PNG = "png", _("PNG image")
    DOCX = "docx", _("Word document (DOCX)")
    XLSX = "xlsx", _("Excel workbook (XLSX)")


DEFAULT_FILE_TYPES = "pdf,jpeg,png"

TIMEZONES = [
    ("Africa/Casablanca", _("Morocco (Africa/Casablanca)")),
    ("Asia/Ho_Chi_Minh", _("Vietnam (Asia/Ho_Chi_Minh)")),
    ("UTC", _("Coordinated Universal Time (UTC)")),
]


class CallQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(program__in=Program.objects.managed_by(user))


class Call(ClusterableModel):
    """A call for expressions of interest: its dates, its form and its rules.

    The public text lives on the CallPage of each language; this is what they share.
    """

    class State(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.PROTECT, related_name="calls"
    )
    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="calls"
    )
    title = models.CharField(_("title"), max_length=255)
    reference_prefix = models.CharField(
        _("reference prefix"),
        max_length=12,
        unique=True,
        help_text=_("Starts every application reference of this call, e.g. ATL1 for ATL1-00042."),
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    timezone = models.CharField(
        _("time zone"), max_length=40, choices=TIMEZONES, default="Africa/Casablanca"
    )
    target_cooperatives = models.PositiveIntegerField(_("target number of cooperatives"))
    regions = ParentalManyToManyField(Region, verbose_name=_("regions covered"), blank=True)
    allowed_file_types = models.CharField(
        _("accepted file types"), max_length=100, default=DEFAULT_FILE_TYPES
    )
    max_file_size_mb = models.PositiveSmallIntegerField(
        _("largest file (MB)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(25)],
    )
    next_reference_number = models.PositiveIntegerField(default=1, editable=False)
    decisions_announced_by = models.DateField(
        _("decisions announced by"),
        null=True,
        blank=True,
        help_text=_("The date by which the call promises every applicant a decision."),
    )
    reviewers_per_application = models.PositiveSmallIntegerField(
        _("reviewers per application"), default=2, validators=[MinValueValidator(1)]
    )
    exclude_own_region = models.BooleanField(
        _("no reviewer scores applications from their own region"), default=True
    )
    spread_threshold = models.DecimalField(
        _("score spread flagged above"),
        max_digits=5,
        decimal_places=2,
        default=20,
        help_text=_("Points out of 100 between the highest and the lowest review."),
    )

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("call for expressions of interest")
        verbose_name_plural = _("calls for expressions of interest")
        ordering = ["-opens_at"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The call must close after it opens.")})
        if self.cohort_id and self.program_id and self.cohort.program_id != self.program_id:
            raise ValidationError({"cohort": _("This cohort belongs to another program.")})
        self.reference_prefix = (self.reference_prefix or "").upper()

    def state(self, now=None):
        now = now or timezone.now()
        if now < self.opens_at:
            return self.State.UPCOMING
        if now >= self.closes_at:
            return self.State.CLOSED
        return self.State.OPEN

    def is_open(self, now=None):
        return self.state(now) == self.State.OPEN

    @property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def file_types(self):
        return [code for code in self.allowed_file_types.split(",") if code in FileType.values]

    @property
    def max_file_size(self):
        return self.max_file_size_mb * 1024 * 1024


class CallQuestion(Orderable):
    """A question of a call's form, beyond the cooperative profile every form asks."""

    class Kind(models.TextChoices):
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")
        NUMBER = "number", _("Number")
        DATE = "date", _("Date")
        SINGLE_CHOICE = "single_choice", _("Single choice")
        MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
        YES_NO = "yes_no", _("Yes / no")
        FILE = "file", _("File")

    call = ParentalKey(Call, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(
        _("key"),
        max_length=40,
        help_text=_("A short code that stays the same when the wording changes, e.g. statutes."),
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    label = models.CharField(_("question"), max_length=255)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    choices = models.TextField(
        _("choices"),
        blank=True,
        help_text=_(
            "For choice questions: one choice per line, in the same order in every language."
        ),
    )
    required = models.BooleanField(_("required"), default=True)
    min_value = models.DecimalField(
        _("smallest number"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("largest number"), max_digits=16, decimal_places=2, null=True, blank=True
    )

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["call", "key"], name="unique_question_key_per_call")
        ]

    def __str__(self):
        return self.label

    def clean(self):
        if (
            self.min_value is not None
            and self.max_value is not None
            and self.min_value > self.max_value
        ):
            raise ValidationError(
                {"max_value": _("The largest number cannot be smaller than the smallest.")}
            )

    def choice_labels(self, language):
        text = getattr(self, f"choices_{language}", None) or self.choices_en or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    def snapshot(self):
        """The question as the applicant saw it, in every language, frozen with the answer."""
        languages = [code for code, _name in settings.LANGUAGES]
        return {
            "key": self.key,
            "kind": self.kind,
            "required": self.required,
            "label": {code: getattr(self, f"label_{code}") or self.label_en for code in languages},
            "help_text": {
                code: getattr(self, f"help_text_{code}") or self.help_text_en or ""
                for code in languages
            },
            "choices": {code: self.choice_labels(code) for code in languages},
            "min_value": str(self.min_value) if self.min_value is not None else None,
            "max_value": str(self.max_value) if self.max_value is not None else None,
        }


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Submitted applications of the programs whose office this person is part of."""
        return self.submitted().filter(call__program__in=Program.objects.managed_by(user))

    def submitted(self):
        return self.exclude(status=Application.Status.DRAFT)

    def for_call(self, call):
        return self.filter(call=call)

    def for_list(self):
        return self.select_related(
            "call", "call__program", "region", "province", "sector", "legal_form"
        )


class Application(CooperativeProfile):
    """A cooperative's application to a call: a draft until submitted, then a dossier."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        ADMITTED = "admitted", _("Admitted")
        WAITLISTED = "waitlisted", _("On the waiting list")
        REJECTED = "rejected", _("Not selected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Eligibility(models.TextChoices):
        PENDING = "pending", _("Not screened yet")
        ELIGIBLE = "eligible", _("Eligible")
        INELIGIBLE = "ineligible", _("Not eligible")

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="applications"
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("applicant's e-mail"))
    email_verified = models.BooleanField(default=False, editable=False)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    reference = models.CharField(_("reference"), max_length=30, unique=True, null=True, blank=True)
    # Exactly what was typed, saved as it is typed: nothing is lost before it validates.
    draft_data = models.JSONField(default=dict, blank=True, editable=False)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    questions_snapshot = models.JSONField(default=list, blank=True, editable=False)
    cooperative = models.ForeignKey(
        Cooperative,
        verbose_name=_("cooperative"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
    )
    phase = models.ForeignKey(
        Phase,
        verbose_name=_("phase"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        help_text=_("The phase of the cohort whose regions include the cooperative's."),
    )
    eligibility = models.CharField(
        _("eligibility"),
        max_length=12,
        choices=Eligibility.choices,
        default=Eligibility.PENDING,
        db_index=True,
    )
    score = models.DecimalField(
        _("score"), max_digits=5, decimal_places=2, null=True, blank=True, db_index=True
    )
    score_spread = models.DecimalField(
        _("spread between reviewers"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    reviews_completed = models.PositiveSmallIntegerField(_("reviews completed"), default=0)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, db_index=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at", "-created_at"]
        constraints = [
            # One application per cooperative per call, enforced by the database itself.
            models.UniqueConstraint(
                fields=["call", "registration_key"],
                condition=~models.Q(status="draft"),
                name="one_application_per_cooperative_per_call",
            )
        ]

    def __str__(self):
        return self.reference or _("Draft application %(id)s") % {"id": self.pk}

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT


def attachment_path(instance, filename):
    return f"applications/{instance.application.public_id}/{uuid.uuid4().hex}"


class ApplicationFile(models.Model):
    """A document attached to an application. Private: served only through checked views."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="files")
    question_key = models.CharField(max_length=40)
    file = models.FileField(storage=private_storage, upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["question_key", "uploaded_at"]

    def __str__(self):
        return self.original_name
