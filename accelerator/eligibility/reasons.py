"""The reason of a check, written in the reader's language when it is shown.

Nothing translated is stored: a check keeps what was measured (`details`), and the sentence is
built from it with the active language's catalog, numbers and dates.
"""

import datetime

from django.conf import settings
from django.utils import formats
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from .models import EligibilityRule

Kind = EligibilityRule.Kind

#: Placeholders that carry names people typed, in any script.
NAME_PLACEHOLDERS = {"region", "province", "name", "document", "file", "question"}


def reason(check):
    """The reason as plain text (exports, e-mails)."""
    template, values = _sentence(check)
    return template % values


def reason_html(check):
    """The reason for a web page: each name isolated so it keeps its own direction."""
    template, values = _sentence(check)
    safe_values = {
        key: format_html("<bdi>{}</bdi>", value)
        if key in NAME_PLACEHOLDERS
        else conditional_escape(value)
        for key, value in values.items()
    }
    return mark_safe(conditional_escape(template) % safe_values)


def _number(value, decimals=None):
    return formats.number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def _date(iso_date):
    return formats.date_format(datetime.date.fromisoformat(iso_date), use_l10n=True)


def _name(translations):
    """A name in the reader's language, else in the default one."""
    translations = translations or {}
    return (
        translations.get((get_language() or "").split("-")[0])
        or translations.get(settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
        or next((name for name in translations.values() if name), "")
    )


def _sentence(check):
    return SENTENCES[check.kind](check.passed, check.details or {})


def _registered_within(passed, details):
    allowed = details.get("max") or 0
    if details.get("missing"):
        return (
            ngettext(
                "No registration date was given; the cooperative must be registered at most "
                "%(max)s year before the deadline.",
                "No registration date was given; the cooperative must be registered at most "
                "%(max)s years before the deadline.",
                allowed,
            ),
            {"max": _number(allowed)},
        )
    return (
        ngettext(
            "Registered on %(date)s, %(years)s years before the deadline; "
            "at most %(max)s year allowed.",
            "Registered on %(date)s, %(years)s years before the deadline; "
            "at most %(max)s years allowed.",
            allowed,
        ),
        {
            "date": _date(details["registered_on"]),
            "years": _number(details["years"], 1),
            "max": _number(allowed),
        },
    )


def _place(passed, details):
    region, province = _name(details.get("region")), _name(details.get("province"))
    region_not_listed = _("Region %(region)s is not among the regions of this call.")
    province_not_listed = _("Province %(province)s is not among the provinces of this call.")
    if details.get("matched") == "province":
        return _("Province %(province)s is among the provinces of this call."), {
            "province": province
        }
    if details.get("matched") == "region":
        return _("Region %(region)s is among the regions of this call."), {"region": region}
    compare_region = bool(details.get("regions_listed") and region)
    compare_province = bool(details.get("provinces_listed") and province)
    if compare_region and compare_province:
        return (
            _(
                "Neither region %(region)s nor province %(province)s is among the places of this call."
            ),
            {"region": region, "province": province},
        )
    if compare_province:
        return province_not_listed, {"province": province}
    if compare_region:
        return region_not_listed, {"region": region}
    if details.get("provinces_listed") and not details.get("regions_listed"):
        return _("No province was given."), {}
    if details.get("regions_listed") and not details.get("provinces_listed"):
        return _("No region was given."), {}
    return _("No region or province was given."), {}


def _legal_form(passed, details):
    name = _name(details.get("value"))
    if not name:
        return _("No legal form was given."), {}
    if passed:
        return _("Legal form %(name)s is among those this call accepts."), {"name": name}
    return _("Legal form %(name)s is not among those this call accepts."), {"name": name}


def _sector(passed, details):
    name = _name(details.get("value"))
    if not name:
        return _("No sector was given."), {}
    if passed:
        return _("Sector %(name)s is among those this call accepts."), {"name": name}
    return _("Sector %(name)s is not among those this call accepts."), {"name": name}


def _min_members(passed, details):
    required, count = details.get("min") or 0, details.get("count")
    if count is None:
        return (
            ngettext(
                "The number of members was not given; this call requires at least %(min)s member.",
                "The number of members was not given; this call requires at least %(min)s members.",
                required,
            ),
            {"min": _number(required)},
        )
    return (
        ngettext(
            "The cooperative has %(count)s member; this call requires at least %(min)s.",
            "The cooperative has %(count)s members; this call requires at least %(min)s.",
            count,
        ),
        {"count": _number(count), "min": _number(required)},
    )


def _question(details):
    return _name(details.get("question")) or details.get("question_key", "")


def _document(passed, details):
    document = _question(details)
    if passed:
        return _("Document “%(document)s” is attached: %(file)s."), {
            "document": document,
            "file": details.get("file_name", ""),
        }
    return _("Document “%(document)s” is missing."), {"document": document}


def _yes_answer(passed, details):
    question = _question(details)
    if details.get("answer") == "yes":
        return _("Answered yes to “%(question)s”."), {"question": question}
    if details.get("answer") == "no":
        return _("Answered no to “%(question)s”; yes is required."), {"question": question}
    return _("No answer to “%(question)s”; yes is required."), {"question": question}


SENTENCES = {
    Kind.REGISTERED_WITHIN: _registered_within,
    Kind.PLACE: _place,
    Kind.LEGAL_FORM: _legal_form,
    Kind.MIN_MEMBERS: _min_members,
    Kind.SECTOR: _sector,
    Kind.DOCUMENT: _document,
    Kind.YES_ANSWER: _yes_answer,
}
