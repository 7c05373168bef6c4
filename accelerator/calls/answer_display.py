"""An application's answers, read against the questions it was submitted with.

The snapshot is frozen at submission, so rewording, reordering or deleting a call's questions
later never changes what an old application says.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import CallQuestion

YES_NO_LABELS = {"yes": _("Yes"), "no": _("No")}


@dataclass
class Answer:
    question: str
    values: list = field(default_factory=list)
    files: list = field(default_factory=list)


def in_language(texts, language):
    """The text in this language, else in the default language."""
    texts = texts or {}
    return texts.get(language) or texts.get(settings.LANGUAGE_CODE) or ""


def choice_label(labels, code):
    """`c3` is the third choice; a code the snapshot cannot explain is shown as it is."""
    position = code[1:] if isinstance(code, str) and code.startswith("c") else ""
    if position.isdigit() and 1 <= int(position) <= len(labels):
        return labels[int(position) - 1]
    return code


def typed_value(kind, value):
    """Dates and numbers as values, so the page formats them for the reader's language."""
    try:
        if kind == CallQuestion.Kind.DATE:
            return datetime.date.fromisoformat(value)
        if kind == CallQuestion.Kind.NUMBER:
            return Decimal(value)
    except (TypeError, ValueError, InvalidOperation):
        pass
    return value


def display_values(question, value, language):
    if value in (None, "", []):
        return []
    kind = question.get("kind")
    if kind in (CallQuestion.Kind.SINGLE_CHOICE, CallQuestion.Kind.MULTIPLE_CHOICE):
        labels = in_language(question.get("choices"), language) or []
        codes = value if isinstance(value, list) else [value]
        return [choice_label(labels, code) for code in codes]
    if kind == CallQuestion.Kind.YES_NO:
        return [YES_NO_LABELS.get(value, value)]
    return [typed_value(kind, value)]


@dataclass
class AnswerSheet:
    answers: list
    # Files kept under a key the snapshot does not list, so none is ever out of sight.
    other_files: list


def answer_sheet(application, language):
    """Each question of the application's snapshot with its answer and attached files."""
    files_by_question = {}
    for attachment in application.files.all():
        files_by_question.setdefault(attachment.question_key, []).append(attachment)
    answers = []
    for question in application.questions_snapshot:
        key = question.get("key")
        answers.append(
            Answer(
                question=in_language(question.get("label"), language) or key,
                values=display_values(question, application.answers.get(key), language),
                files=files_by_question.pop(key, []),
            )
        )
    other_files = [attachment for files in files_by_question.values() for attachment in files]
    return AnswerSheet(answers=answers, other_files=other_files)
