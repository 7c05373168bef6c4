from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.utils import build_localized_fieldname

from accelerator.programs.admin_forms import ProgramRecordForm
from accelerator.programs.models import Cohort

from .models import Call, CallQuestion, FileType

CHOICE_KINDS = {CallQuestion.Kind.SINGLE_CHOICE, CallQuestion.Kind.MULTIPLE_CHOICE}


def choice_lines(text):
    """The choices as the application form reads them: one per non-blank line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def check_choices(question_form):
    """A choice question offers at least two choices, and the same number in every language
    that lists them, since an answer is stored as the position of the choice."""
    data = question_form.cleaned_data
    if data.get("kind") not in CHOICE_KINDS:
        return
    default_field = build_localized_fieldname("choices", settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
    expected = len(choice_lines(data.get(default_field)))
    if expected < 2:
        question_form.add_error(
            default_field, _("A choice question needs at least two choices, one per line.")
        )
        return
    for code in settings.MODELTRANSLATION_LANGUAGES:
        field = build_localized_fieldname("choices", code)
        count = len(choice_lines(data.get(field)))
        if count and count != expected:
            question_form.add_error(
                field,
                ngettext(
                    "English lists %(expected)d choice and this language %(count)d: "
                    "give the same choices, one per line, in the same order.",
                    "English lists %(expected)d choices and this language %(count)d: "
                    "give the same choices, one per line, in the same order.",
                    expected,
                )
                % {"expected": expected, "count": count},
            )


class CallForm(ProgramRecordForm):
    allowed_file_types = forms.MultipleChoiceField(
        label=capfirst(Call._meta.get_field("allowed_file_types").verbose_name),
        choices=FileType.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The model keeps the codes as one comma-separated string.
        self.initial["allowed_file_types"] = self.instance.file_types
        self.fields["cohort"].queryset = Cohort.objects.filter(
            program__in=self.fields["program"].queryset
        ).select_related("program")

    def clean_allowed_file_types(self):
        chosen = self.cleaned_data["allowed_file_types"]
        return ",".join(code for code in FileType.values if code in chosen)

    def clean(self):
        cleaned_data = super().clean()
        self.check_questions()
        return cleaned_data

    def check_questions(self):
        keys = set()
        for question_form in self.formsets["questions"].forms:
            if not question_form.is_valid() or not question_form.cleaned_data:
                continue
            if question_form.cleaned_data.get("DELETE"):
                continue
            check_choices(question_form)
            key = question_form.cleaned_data.get("key")
            if key in keys:
                question_form.add_error(
                    "key", _("Another question of this call already uses this key.")
                )
            keys.add(key)
