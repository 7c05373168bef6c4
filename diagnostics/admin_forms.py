"""Admin forms of the instrument: a frozen version's domains and questions cannot change."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accelerator.core.backoffice.forms import TranslatedModelForm

from .models import InstrumentVersion, Question

FROZEN = _(
    "Version %(number)s of this instrument is frozen: diagnostics already use it, and changing "
    "it would make them incomparable. Create the next version and change that one instead."
)


def frozen_error(version):
    return ValidationError(FROZEN, code="frozen", params={"number": version.number})


def is_frozen_now(version):
    """Read from the database: the version may have frozen since the form was opened."""
    return InstrumentVersion.objects.filter(pk=version.pk, frozen_at__isnull=False).exists()


def question_label(question):
    return _("v%(number)s · %(domain)s · %(question)s") % {
        "number": question.domain.version.number,
        "domain": question.domain.name,
        "question": question.text,
    }


class QuestionForm(WagtailAdminModelForm):
    """A question inside its domain. "Same question as" offers the questions of the earlier
    versions of the instrument and stores the first of the line, so that every equivalent
    question shares one `lineage` whichever version was picked."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("equivalent_to")
        if field is None:
            return
        choices = Question.objects.select_related("domain__version").order_by(
            "-domain__version__number", "domain__sort_order", "sort_order"
        )
        version = self._version()
        if version is not None and version.pk:
            choices = choices.filter(
                domain__version__instrument_id=version.instrument_id,
                domain__version__number__lt=version.number,
            )
        field.queryset = choices
        field.label_from_instance = question_label

    def _version(self):
        try:
            return self.instance.domain.version
        except ObjectDoesNotExist:
            return None

    def clean_equivalent_to(self):
        earlier = self.cleaned_data.get("equivalent_to")
        if earlier is None:
            return None
        version = self._version()
        if version is not None and (
            earlier.domain.version.instrument_id != version.instrument_id
            or earlier.domain.version.number >= version.number
        ):
            raise ValidationError(
                _("Choose a question of an earlier version of this instrument."), code="version"
            )
        return earlier.equivalent_to or earlier


class DomainForm(TranslatedModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        version_field = self.fields.get("version")
        if version_field is None:
            return
        if self.instance.pk:
            # A domain stays in its version; the next version gets its own copy.
            version_field.disabled = True
        else:
            version_field.queryset = InstrumentVersion.objects.filter(
                frozen_at__isnull=True
            ).select_related("instrument")

    def clean(self):
        cleaned = super().clean()
        version = self.instance.version if self.instance.pk else cleaned.get("version")
        if version is not None and is_frozen_now(version):
            raise frozen_error(version)
        return cleaned


class InstrumentVersionForm(TranslatedModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in ("instrument", "number"):
                if name in self.fields:
                    self.fields[name].disabled = True
