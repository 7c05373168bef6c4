import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from diagnostics import scoring
from diagnostics.charts import Series, radar_svg
from diagnostics.models import Diagnostic
from tests.diagnostics.factories import (
    CohortMemberFactory,
    DiagnosticFactory,
    answer_all,
    build_instrument,
)

SVG = "{http://www.w3.org/2000/svg}"
LABELS = {
    "en": ["Governance", "Management", "Finance and accounting", "Marketing and sales"],
    "vi": ["Quản trị", "Quản lý điều hành", "Tài chính và kế toán", "Tiếp thị và bán hàng"],
    "ar": ["الحوكمة", "التدبير", "المالية والمحاسبة", "التسويق والمبيعات"],
}
BASELINE = [Decimal("62.5"), Decimal(50), None, Decimal(25)]
ENDLINE = [Decimal("87.5"), Decimal(75), Decimal(40), Decimal(50)]


def draw(language, series=None, **kwargs):
    with translation.override(language):
        return str(
            radar_svg(
                series or [("End-line", ENDLINE), ("Baseline", BASELINE)],
                labels=LABELS[language],
                rtl=language == "ar",
                **kwargs,
            )
        )


def parse(svg):
    return ET.fromstring(svg)


def axis_ends(root):
    return [
        (float(line.get("x2")), float(line.get("y2")))
        for line in root.iter(f"{SVG}line")
        if line.get("class") == "radar-axis"
    ]


def centre(root):
    line = next(line for line in root.iter(f"{SVG}line") if line.get("class") == "radar-axis")
    return float(line.get("x1")), float(line.get("y1"))


@pytest.mark.parametrize("language", ["en", "vi", "ar"])
def test_the_chart_is_well_formed_svg_with_a_title_and_a_description(language):
    root = parse(draw(language))

    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text
    assert desc is not None and desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


@pytest.mark.parametrize("language", ["vi", "ar"])
def test_axis_labels_are_in_the_readers_language(language):
    root = parse(draw(language))

    texts = [
        " ".join(span.text for span in text.iter(f"{SVG}tspan"))
        for text in root.iter(f"{SVG}text")
        if text.get("class") == "radar-label"
    ]
    assert texts == LABELS[language]


def test_long_labels_wrap_onto_lines_and_keep_every_word():
    root = parse(draw("vi"))
    finance = next(
        text for text in root.iter(f"{SVG}text") if "Tài chính" in "".join(text.itertext())
    )
    spans = finance.findall(f"{SVG}tspan")
    assert len(spans) >= 2
    assert " ".join(span.text for span in spans) == "Tài chính và kế toán"


def test_in_arabic_the_axes_turn_the_other_way_and_text_runs_right_to_left():
    ltr, rtl = parse(draw("en")), parse(draw("ar"))
    cx, _cy = centre(ltr)

    assert rtl.get("direction") == "rtl" and ltr.get("direction") == "ltr"
    # The first axis points up in both; the second goes right in English, left in Arabic.
    assert axis_ends(ltr)[0][0] == pytest.approx(cx)
    assert axis_ends(ltr)[1][0] > cx
    assert axis_ends(rtl)[1][0] < cx
    assert axis_ends(rtl)[1] == pytest.approx((2 * cx - axis_ends(ltr)[1][0], axis_ends(ltr)[1][1]))


def test_labels_are_anchored_away_from_the_chart_in_both_directions():
    def anchor_of(root, label):
        return next(
            text.get("text-anchor")
            for text in root.iter(f"{SVG}text")
            if label in "".join(text.itertext())
        )

    # Labels grow away from the chart. Under direction="rtl" "start" is the right-hand edge:
    # the second axis (left of the centre in Arabic) is anchored at its "start" like the second
    # axis in English (right of the centre), and the last axis (right in Arabic) at its "end".
    english, arabic = parse(draw("en")), parse(draw("ar"))
    assert anchor_of(english, "Management") == "start"
    assert anchor_of(english, "Marketing") == "end"
    assert anchor_of(arabic, "التدبير") == "start"
    assert anchor_of(arabic, "التسويق") == "end"
    assert anchor_of(parse(draw("ar")), "الحوكمة") == "middle"


@pytest.mark.parametrize(("language", "expected"), [("en", "62.5"), ("vi", "62,5"), ("ar", "62,5")])
def test_numbers_are_written_as_the_reader_writes_them(language, expected):
    desc = parse(draw(language)).find(f"{SVG}desc").text

    assert expected in desc


def test_each_series_has_its_own_line_pattern_and_marker_for_black_and_white_print():
    root = parse(draw("en"))
    polygons = {
        group.get("class").split()[-1]: group.find(f"{SVG}polygon")
        for group in root.iter(f"{SVG}g")
        if "radar-series" in (group.get("class") or "")
    }

    first, second = polygons["radar-series-1"], polygons["radar-series-2"]
    assert first.get("stroke-dasharray") is None
    assert second.get("stroke-dasharray")
    series_groups = [g for g in root.iter(f"{SVG}g") if "radar-series" in (g.get("class") or "")]
    assert series_groups[0].find(f"{SVG}circle") is not None
    assert series_groups[1].find(f"{SVG}rect") is not None


def test_a_missing_value_gets_no_marker():
    root = parse(draw("en", series=[("Baseline", BASELINE)]))
    series = next(
        g for g in root.iter(f"{SVG}g") if g.get("class") == "radar-series radar-series-1"
    )

    assert len(series.findall(f"{SVG}circle")) == 3


def test_text_typed_by_people_is_escaped():
    svg = str(
        radar_svg(
            [Series(name='<script>alert("x")</script>', values=[10, 20, 30])],
            labels=["A & B", "<b>bold</b>", "C"],
        )
    )

    root = parse(svg)
    assert "<script>" not in svg and "<b>" not in svg
    assert "A & B" in "".join(root.itertext())
    assert root.find(f".//{SVG}script") is None


def test_fewer_than_three_axes_is_refused():
    with pytest.raises(ValueError):
        radar_svg([("x", [1, 2])], labels=["a", "b"])


# The results component -----------------------------------------------------------------------


@pytest.fixture
def endline(db):
    version = build_instrument((("governance", 2), ("finance", 2), ("marketing", 2)))
    version.domains.filter(code="governance").update(name_ar="الحوكمة", name_vi="Quản trị")
    member = CohortMemberFactory()
    answer_all(
        DiagnosticFactory(member=member, version=version, status=Diagnostic.Status.COMPLETED),
        level=1,
    )
    return answer_all(
        DiagnosticFactory(member=member, version=version, phase=Diagnostic.Phase.ENDLINE),
        level=3,
    )


def render_results(diagnostic, language):
    with translation.override(language):
        return render_to_string(
            "diagnostics/components/results.html", {"results": scoring.results(diagnostic)}
        )


def test_results_show_the_chart_beside_a_data_table_with_the_change(endline):
    html = render_results(endline, "en")

    assert "<svg" in html and "<table" in html
    assert "Governance" in html
    assert "+50" in html  # 25 → 75 in every domain
    assert "Overall score" in html


def test_results_in_arabic_name_domains_in_arabic_and_mirror_the_chart(endline):
    html = render_results(endline, "ar")

    assert "الحوكمة" in html
    assert 'direction="rtl"' in html


def test_results_in_vietnamese_use_a_decimal_comma(endline):
    endline.answers.filter(question__domain__code="finance").update(level=2)
    endline.answers.filter(question__domain__code="marketing").update(level=4)
    html = render_results(endline, "vi")

    assert "Quản trị" in html
    # Domains at 75, 50 and 100: the overall score is 75.0.
    assert "75,0" in html


def test_cohort_component_shows_mean_change_per_domain(endline):
    Diagnostic.objects.filter(pk=endline.pk).update(status=Diagnostic.Status.COMPLETED)
    rows = scoring.cohort_changes(endline.member.cohort)
    with translation.override("vi"):
        html = render_to_string("diagnostics/components/cohort_changes.html", {"rows": rows})

    assert "<svg" in html and "Quản trị" in html
    assert "+50,0" in html
