from datetime import date
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import formats, translation


def render(template, **context):
    return Template("{% load platform_tags %}" + template).render(Context(context))


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "1,234,567.50"), ("vi", "1.234.567,50"), ("ar", "1.234.567,50")],
)
def test_amounts_are_grouped_in_the_readers_convention(language, expected):
    with translation.override(language):
        assert render("{{ amount|num:2 }}", amount=Decimal("1234567.5")) == expected


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "6,000"), ("vi", "6.000"), ("ar", "6.000")]
)
def test_counts_are_grouped_too(language, expected):
    with translation.override(language):
        assert render("{{ count|num }}", count=6000) == expected


def test_arabic_uses_latin_digits_as_in_morocco():
    with translation.override("ar"):
        text = render("{{ count|num }}", count=200000)

    assert text == "200.000"
    assert not any("\u0660" <= char <= "\u0669" for char in text)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "03/15/2027"), ("vi", "15/03/2027"), ("ar", "15/03/2027")],
)
def test_short_dates_follow_the_reader(language, expected):
    with translation.override(language):
        assert formats.date_format(date(2027, 3, 15), "SHORT_DATE_FORMAT") == expected


def test_long_dates_name_the_month_in_the_readers_language():
    with translation.override("ar"):
        arabic = formats.date_format(date(2027, 3, 15))
    with translation.override("vi"):
        vietnamese = formats.date_format(date(2027, 3, 15))

    assert arabic == "15 مارس 2027"
    assert vietnamese == "15/03/2027"


def test_empty_values_render_as_nothing():
    with translation.override("vi"):
        assert render("[{{ missing|num }}]", missing=None) == "[]"


def test_arabic_months_are_named_as_in_morocco():
    with translation.override("ar"):
        assert formats.date_format(date(2027, 8, 5)) == "5 غشت 2027"
        assert formats.date_format(date(2027, 12, 1)) == "1 دجنبر 2027"
