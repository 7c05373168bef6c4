"""Each rule kind measured against one application. Pure: no query, no translated text.

What is measured goes into `details` as plain data; `reasons.py` writes the sentence from it in
the reader's language when it is shown.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings

from .models import EligibilityRule

Kind = EligibilityRule.Kind
DAYS_PER_YEAR = 365.25


@dataclass
class Outcome:
    passed: bool
    details: dict = field(default_factory=dict)


@dataclass
class Facts:
    """What the rules read about one application, gathered once."""

    application: object
    deadline: datetime.date
    #: question key -> original file name of the attachment
    files: dict
    #: question key -> the question as the applicant saw it
    questions: dict

    @classmethod
    def gather(cls, application, deadline):
        return cls(
            application=application,
            deadline=deadline,
            files={file.question_key: file.original_name for file in application.files.all()},
            questions={
                question.get("key"): question for question in application.questions_snapshot or []
            },
        )


def deadline_of(call):
    """The call's closing day, as a date in the call's own time zone."""
    return call.closes_at.astimezone(call.tzinfo).date()


def years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        # 29 February in a year that has none: the closest earlier day.
        return day.replace(year=day.year - years, day=28)


def names(item):
    """A reference entry's name in every language, so the reason needs no query to be read."""
    if item is None:
        return None
    return {
        code: getattr(item, f"name_{code}", None) for code in settings.MODELTRANSLATION_LANGUAGES
    }


def registered_within(rule, facts):
    registered_on = facts.application.registration_date
    details = {"max": rule.years, "deadline": facts.deadline.isoformat()}
    if registered_on is None:
        return Outcome(False, {**details, "missing": True})
    days = (facts.deadline - registered_on).days
    details.update(registered_on=registered_on.isoformat(), years=round(days / DAYS_PER_YEAR, 1))
    return Outcome(registered_on >= years_before(facts.deadline, rule.years), details)


def place(rule, facts):
    application = facts.application
    region_ids = {region.pk for region in rule.regions.all()}
    province_ids = {province.pk for province in rule.provinces.all()}
    details = {
        "region": names(application.region),
        "province": names(application.province),
        "regions_listed": bool(region_ids),
        "provinces_listed": bool(province_ids),
        "matched": None,
    }
    if application.province_id is not None and application.province_id in province_ids:
        details["matched"] = "province"
    elif application.region_id is not None and application.region_id in region_ids:
        details["matched"] = "region"
    return Outcome(details["matched"] is not None, details)


def in_list(field_name, listed_name):
    def evaluate(rule, facts):
        value = getattr(facts.application, field_name)
        listed = {item.pk for item in getattr(rule, listed_name).all()}
        details = {"value": names(value)}
        return Outcome(value is not None and value.pk in listed, details)

    return evaluate


def min_members(rule, facts):
    count = facts.application.members_total
    details = {"min": rule.number, "count": count}
    return Outcome(count is not None and count >= rule.number, details)


def question_labels(facts, key):
    question = facts.questions.get(key) or {}
    return question.get("label") or {}


def document(rule, facts):
    key = rule.question_key
    file_name = facts.files.get(key)
    details = {
        "question_key": key,
        "question": question_labels(facts, key),
        "file_name": file_name,
    }
    return Outcome(file_name is not None, details)


def yes_answer(rule, facts):
    key = rule.question_key
    answer = (facts.application.answers or {}).get(key)
    details = {
        "question_key": key,
        "question": question_labels(facts, key),
        "answer": answer if answer in ("yes", "no") else None,
    }
    return Outcome(answer == "yes", details)


EVALUATORS = {
    Kind.REGISTERED_WITHIN: registered_within,
    Kind.PLACE: place,
    Kind.LEGAL_FORM: in_list("legal_form", "legal_forms"),
    Kind.MIN_MEMBERS: min_members,
    Kind.SECTOR: in_list("sector", "sectors"),
    Kind.DOCUMENT: document,
    Kind.YES_ANSWER: yes_answer,
}


def evaluate(rule, facts):
    return EVALUATORS[rule.kind](rule, facts)
