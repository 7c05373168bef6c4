"""The public results page and its open data. Every view only reads stored figures
(figures.cohort_figures): nothing here aggregates records."""

import csv
import json
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.http import HttpResponse
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _

from . import charts
from .figures import (
    CONTEXT_FIELDS,
    FIELD_LABELS,
    FIELD_UNITS,
    FIELDS,
    LIST,
    SECTIONS,
    UNITS,
    cohort_figures,
    open_data,
)
from .templatetags.results_tags import SIGNED, format_figure

FILTERS = ("phase", "region", "sector")
SECTION_CHARTS = {
    "cooperatives": "cooperatives",
    "diagnostics": "diagnostics",
    "training": "training",
    "coaching": "coaching",
    "plans": "budget",
}


def _name(names, language):
    return names.get(language) or names.get("en") or ""


@dataclass(frozen=True)
class Filters:
    phase: int | None
    region: int | None
    sector: int | None

    def query(self, fixed_phase=False):
        values = {
            name: getattr(self, name)
            for name in FILTERS
            if getattr(self, name) and not (name == "phase" and fixed_phase)
        }
        return urlencode(values)


def _options(figures, language):
    """{"phase": [(id, name)], …} from the whole cohort's stored figures."""
    options = figures.get("options") or {}
    return {
        name: [(item["id"], _name(item["name"], language)) for item in options.get(f"{name}s", [])]
        for name in FILTERS
    }


def _chosen(request, name, options):
    try:
        value = int(request.GET.get(name, ""))
    except ValueError:
        return None
    return value if value in {pk for pk, _label in options[name]} else None


def read_figures(request, page):
    """(figures shown, the whole cohort's figures, filter options, Filters chosen).

    Filters come from the query string and count only when the page offers them (a phase fixed
    by the editor always applies); anything else is ignored rather than computed."""
    language = get_language()
    cohort_wide = cohort_figures(page.cohort_id)
    options = _options(cohort_wide, language)
    filters = Filters(
        phase=page.phase_id or _chosen(request, "phase", options),
        region=_chosen(request, "region", options),
        sector=_chosen(request, "sector", options),
    )
    if any((filters.phase, filters.region, filters.sector)):
        figures = cohort_figures(
            page.cohort_id, phase=filters.phase, region=filters.region, sector=filters.sector
        )
    else:
        figures = cohort_wide
    return figures, cohort_wide, options, filters


def _formatter(unit, currency=""):
    return lambda value: format_figure(value, unit, currency)


@dataclass(frozen=True)
class Chart:
    """An SVG chart and the data table that says the same in words."""

    svg: str
    caption: str
    columns: list
    rows: list


def _simple_chart(figures, keys, title, rtl):
    unit = FIELD_UNITS[keys[0]]
    labels = [FIELD_LABELS[key] for key in keys]
    values = [figures.get(key) for key in keys]
    formatter = _formatter(unit, figures.get("currency", ""))
    return Chart(
        svg=charts.bar_chart_svg(
            labels, [(title, values)], title=title, formatter=formatter, rtl=rtl
        ),
        caption=title,
        columns=[_("Figure"), _("Value")],
        rows=[
            (str(label), [formatter(value)]) for label, value in zip(labels, values, strict=True)
        ],
    )


def build_charts(figures, language, rtl):
    """The charts of the page, each with its data table, in the reader's language."""
    points = _formatter(FIELD_UNITS["score_baseline"])
    percent = _formatter(FIELD_UNITS["women_share"])
    result = {
        "cooperatives": _simple_chart(
            figures,
            ["members_reached", "women_members", "youth_members"],
            _("Members of the cooperatives supported"),
            rtl,
        ),
        "training": _simple_chart(
            figures,
            ["participants_women", "participants_men", "participants_youth", "trainers_trained"],
            _("Training participants"),
            rtl,
        ),
        "coaching": _simple_chart(
            figures,
            [
                "coaching_sessions_contracted",
                "coaching_sessions_expected",
                "coaching_sessions_delivered",
            ],
            _("Coaching sessions against contract"),
            rtl,
        ),
    }
    domains = figures.get("score_change_by_domain") or []
    if domains:
        labels = [_name(row["name"], language) for row in domains]
        baseline, endline = _("Baseline"), _("End-line")
        title = _("Capacity score by domain, baseline and end-line (0–100)")
        result["diagnostics"] = Chart(
            svg=charts.bar_chart_svg(
                labels,
                [
                    (baseline, [row["baseline"] for row in domains]),
                    (endline, [row["endline"] for row in domains]),
                ],
                title=title,
                formatter=points,
                rtl=rtl,
                maximum=100,
            ),
            caption=title,
            columns=[_("Domain"), baseline, endline, _("Change"), _("Cooperatives compared")],
            rows=[
                (
                    label,
                    [
                        points(row["baseline"]),
                        points(row["endline"]),
                        format_figure(row["change"], FIELD_UNITS["score_change"], signed=True),
                        format_figure(row["cooperatives"], "count"),
                    ],
                )
                for label, row in zip(labels, domains, strict=True)
            ],
        )
    currency = figures.get("currency", "")

    def money(value):
        return format_figure(value, "currency", currency, with_currency=False)

    sources = [_("Program"), _("Cooperatives"), _("Other partners")]
    stages = [("committed", _("Budget committed")), ("executed", _("Budget executed"))]
    amounts = [
        [figures.get(f"budget_{stage}_{source}") for source in ("program", "cooperative", "other")]
        for stage, _label in stages
    ]
    title = _("Co-financing: share of each source")
    table_caption = _("Co-financing by source, in %(currency)s") % {"currency": currency}
    result["budget"] = Chart(
        svg=charts.stacked_bar_svg(
            [label for _stage, label in stages],
            sources,
            amounts,
            title=title,
            formatter=percent,
            rtl=rtl,
        ),
        caption=table_caption,
        columns=[_("Budget"), *sources, _("Total")],
        rows=[
            (
                label,
                [money(amount) for amount in row] + [money(figures.get(f"budget_{stage}_total"))],
            )
            for (stage, label), row in zip(stages, amounts, strict=True)
        ],
    )
    return result


def _sections(figures):
    currency = figures.get("currency", "")
    return [
        {
            "key": key,
            "title": title,
            "items": [
                {
                    "key": item,
                    "label": FIELD_LABELS[item],
                    "text": format_figure(
                        figures.get(item), FIELD_UNITS[item], currency, signed=item in SIGNED
                    ),
                }
                for item in items
            ],
        }
        for key, title, items in SECTIONS
    ]


def documented_fields():
    """(key, label, unit, description) of every field the open data holds."""
    return [
        (key, label, _("identifier or text"), description)
        for key, label, description in CONTEXT_FIELDS
    ] + [(key, label, UNITS[unit], description) for key, label, unit, description in FIELDS]


def results_context(request, page):
    figures, cohort_wide, options, filters = read_figures(request, page)
    language = get_language()
    rtl = get_language_bidi()
    query = filters.query(fixed_phase=bool(page.phase_id))
    base = page.url
    suffix = f"?{query}" if query else ""
    context = {
        "figures": figures,
        "filters": filters,
        "options": options,
        "fixed_phase": page.phase_id,
        "filtered": bool(query),
        "csv_url": base + page.reverse_subpage("data_csv") + suffix,
        "json_url": base + page.reverse_subpage("data_json") + suffix,
        "fields": documented_fields(),
    }
    if figures.get("available"):
        chart_of = build_charts(figures, language, rtl)
        sections = _sections(figures)
        for section in sections:
            section["chart"] = chart_of.get(SECTION_CHARTS.get(section["key"]))
        context["sections"] = sections
        context["computed_on"] = date.fromisoformat(figures["computed_on"])
    return context


def results_page(request, page):
    return page.render(request, context_overrides=results_context(request, page))


def _unavailable():
    response = HttpResponse(
        _("These figures are being computed. Please try again in a few minutes."),
        status=503,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = "60"
    return response


def _filename(page, figures, extension):
    scope = [f"{name}-{figures[name]}" for name in FILTERS if figures.get(name)]
    return "-".join([page.slug, "results", *scope]) + f".{extension}"


def csv_rows(figures):
    """(key, label, unit, value) per figure, the per-domain list spread over one row per
    domain and measure (key "score_change_by_domain.<code>.<measure>")."""
    data = open_data(figures)
    language = get_language()
    for key, label, _description in CONTEXT_FIELDS:
        yield key, str(label), "", data[key]
    for key, label, unit, _description in FIELDS:
        if unit != LIST:
            yield key, str(label), unit, data[key]
            continue
        for row in data[key] or []:
            name = _name(row["name"], language)
            for measure in ("baseline", "endline", "change", "cooperatives"):
                yield (
                    f"{key}.{row['code']}.{measure}",
                    f"{label} — {name}",
                    "count" if measure == "cooperatives" else "points",
                    row[measure],
                )


def data_csv(request, page):
    figures, _cohort_wide, _options_, _filters = read_figures(request, page)
    if not figures.get("available"):
        return _unavailable()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(page, figures, "csv")}"'
    # A byte-order mark lets spreadsheet programs read Vietnamese and Arabic labels as UTF-8.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(["field", "label", "unit", "value"])
    for key, label, unit, value in csv_rows(figures):
        writer.writerow([key, label, unit, "" if value is None else value])
    return response


def data_json(request, page):
    figures, _cohort_wide, _options_, _filters = read_figures(request, page)
    if not figures.get("available"):
        return _unavailable()
    document = {
        "title": page.title,
        "url": request.build_absolute_uri(page.url),
        "figures": open_data(figures),
        "fields": [
            {"key": key, "label": str(label), "unit": unit, "description": str(description)}
            for key, label, unit, description in (
                [(key, label, "", description) for key, label, description in CONTEXT_FIELDS]
                + FIELDS
            )
        ],
    }
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(page, figures, "json")}"'
    return response
