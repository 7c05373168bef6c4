"""Charts drawn on the server as SVG: no JavaScript, prints, reads in the reader's language.

A radar (spider) chart puts one axis per domain, 0 at the centre and 100 at the rim. The first
axis points up; the others follow clockwise in left-to-right languages and counter-clockwise in
right-to-left ones, so the order reads the way the reader reads. Each series has its own line
pattern and marker shape (solid with circles, dashed with squares, dotted with diamonds), so the
chart stays legible in black-and-white print.
"""

import hashlib
import math
import textwrap
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from accelerator.core.templatetags.platform_tags import num

MAXIMUM = 100
RINGS = (25, 50, 75, 100)
LABEL_WIDTH = 14  # characters per line of an axis label before it wraps
LABEL_LINES = 3
FONT_SIZE = 16
LINE_HEIGHT = 19


@dataclass(frozen=True)
class SeriesStyle:
    colour: str
    dash: str | None
    fill_opacity: str
    marker: str


STYLES = (
    SeriesStyle(colour="#1d4e89", dash=None, fill_opacity="0.18", marker="circle"),
    SeriesStyle(colour="#a34700", dash="7 4", fill_opacity="0", marker="square"),
    SeriesStyle(colour="#2d6a36", dash="2 3", fill_opacity="0", marker="diamond"),
)


@dataclass(frozen=True)
class Series:
    """A named line: one value (0–100, or None when unknown) per axis label."""

    name: str
    values: list


def _as_series(item):
    if isinstance(item, Series):
        return item
    name, values = item
    return Series(name=str(name), values=list(values))


def _fmt(value):
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _wrap(label):
    lines = textwrap.wrap(str(label), LABEL_WIDTH) or [""]
    if len(lines) > LABEL_LINES:
        lines = lines[:LABEL_LINES]
        lines[-1] = lines[-1][: LABEL_WIDTH - 1] + "…"
    return lines


def _value_text(value):
    return "—" if value is None else num(value, 0 if value == int(value) else 1)


def radar_svg(series, *, labels, rtl=False, size=300, title=None, description=None):
    """An accessible SVG radar chart of one to three series over the given axis labels.

    `series` is a list of `Series` or (name, values) pairs; values are 0–100 or None (drawn at
    the centre without a marker). Every text is escaped here; the result is safe to print as is.
    """
    series = [_as_series(item) for item in series][: len(STYLES)]
    labels = [str(label) for label in labels]
    count = len(labels)
    if count < 3:
        raise ValueError("A radar chart needs at least three axes.")
    for item in series:
        if len(item.values) != count:
            raise ValueError("Each series needs one value per axis label.")

    radius = size / 2
    margin_x = LABEL_WIDTH * FONT_SIZE * 0.62
    margin_y = LABEL_LINES * LINE_HEIGHT + 10
    legend_height = 12 + LINE_HEIGHT * len(series)
    width = size + 2 * margin_x
    height = size + 2 * margin_y + legend_height
    cx, cy = width / 2, margin_y + radius
    direction = -1 if rtl else 1

    def point(axis, value):
        angle = 2 * math.pi * axis / count
        distance = radius * float(value) / MAXIMUM
        return cx + direction * distance * math.sin(angle), cy - distance * math.cos(angle)

    title = title or _("Scores by domain, from 0 to 100")
    if description is None:
        description = "; ".join(
            "{label}: {values}".format(
                label=label,
                values=", ".join(
                    f"{_value_text(item.values[axis])} ({item.name})" for item in series
                ),
            )
            for axis, label in enumerate(labels)
        )
    key = hashlib.sha1(
        repr((labels, [(s.name, [str(v) for v in s.values]) for s in series])).encode()
    ).hexdigest()[:8]
    title_id, desc_id = f"radar-{key}-title", f"radar-{key}-desc"

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="radar-chart" role="img" '
        f'viewBox="0 0 {_fmt(width)} {_fmt(height)}" '
        f'aria-labelledby="{title_id} {desc_id}" direction="{"rtl" if rtl else "ltr"}" '
        f'font-size="{FONT_SIZE}" font-family="inherit">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
        '<g class="radar-grid" fill="none" stroke="#8a8a8a" stroke-width="1">',
    ]
    for ring in RINGS:
        corners = " ".join(
            f"{_fmt(x)},{_fmt(y)}" for x, y in (point(a, ring) for a in range(count))
        )
        parts.append(
            f'<polygon points="{corners}" stroke-dasharray="{"none" if ring == MAXIMUM else "2 3"}"/>'
        )
    for axis in range(count):
        x, y = point(axis, MAXIMUM)
        parts.append(
            f'<line class="radar-axis" x1="{_fmt(cx)}" y1="{_fmt(cy)}" x2="{_fmt(x)}" y2="{_fmt(y)}"/>'
        )
    parts.append("</g>")

    # Ring values up the first axis, on the side away from the second axis.
    parts.append(
        f'<g class="radar-rings" fill="#555" font-size="{FONT_SIZE - 3}" text-anchor="middle" '
        'stroke="#fff" stroke-width="3" paint-order="stroke">'
    )
    for ring in RINGS:
        x, y = point(0, ring)
        parts.append(
            f'<text x="{_fmt(x - direction * 12)}" y="{_fmt(y + 4)}">{escape(num(ring, 0))}</text>'
        )
    parts.append("</g>")

    parts.append('<g class="radar-labels" fill="currentColor">')
    for axis, label in enumerate(labels):
        x, y = point(axis, MAXIMUM + 9)
        offset = x - cx
        # The anchor is chosen by where the text must grow on screen; under direction="rtl"
        # "start" is the right-hand edge, so the keywords swap.
        if abs(offset) < 1:
            anchor = "middle"
        else:
            grows_right = offset > 0
            anchor = "start" if grows_right != rtl else "end"
        lines = _wrap(label)
        above = y < cy - 1
        first_y = (
            y - (len(lines) - 1) * LINE_HEIGHT
            if above
            else y + (FONT_SIZE if abs(offset) < 1 else 4)
        )
        spans = "".join(
            f'<tspan x="{_fmt(x)}" y="{_fmt(first_y + index * LINE_HEIGHT)}">{escape(line)}</tspan>'
            for index, line in enumerate(lines)
        )
        parts.append(f'<text class="radar-label" text-anchor="{anchor}">{spans}</text>')
    parts.append("</g>")

    for index, item in enumerate(series):
        style = STYLES[index]
        points = [point(axis, value or 0) for axis, value in enumerate(item.values)]
        corners = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in points)
        dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
        parts.append(f'<g class="radar-series radar-series-{index + 1}">')
        parts.append(
            f'<polygon points="{corners}" fill="{style.colour}" fill-opacity="{style.fill_opacity}" '
            f'stroke="{style.colour}" stroke-width="2.5" stroke-linejoin="round"{dash}/>'
        )
        for axis, ((x, y), value) in enumerate(zip(points, item.values, strict=True)):
            if value is None:
                continue
            tooltip = escape(f"{labels[axis]} — {item.name}: {_value_text(value)}")
            parts.append(_marker(style, x, y, tooltip))
        parts.append("</g>")

    parts.append(_legend(series, cx=cx, top=size + 2 * margin_y, width=width, rtl=rtl))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — every text above went through escape()


def _marker(style, x, y, tooltip):
    colour = style.colour
    if style.marker == "circle":
        shape = f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="4" fill="{colour}">'
        closing = "</circle>"
    elif style.marker == "square":
        shape = f'<rect x="{_fmt(x - 4)}" y="{_fmt(y - 4)}" width="8" height="8" fill="#fff" stroke="{colour}" stroke-width="2">'
        closing = "</rect>"
    else:
        corners = f"{_fmt(x)},{_fmt(y - 5)} {_fmt(x + 5)},{_fmt(y)} {_fmt(x)},{_fmt(y + 5)} {_fmt(x - 5)},{_fmt(y)}"
        shape = f'<polygon points="{corners}" fill="{colour}">'
        closing = "</polygon>"
    return f"{shape}<title>{tooltip}</title>{closing}"


def _legend(series, *, cx, top, width, rtl):
    """One row per series: a sample of its line and marker, then its name, in reading order."""
    parts = ['<g class="radar-legend" fill="currentColor">']
    sample = 34
    start = width * 0.1
    for index, item in enumerate(series):
        style = STYLES[index]
        y = top + 6 + index * LINE_HEIGHT
        if rtl:
            line_from, line_to = width - start, width - start - sample
            text_x = line_to - 8
        else:
            line_from, line_to = start, start + sample
            text_x = line_to + 8
        dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
        parts.append(
            f'<line x1="{_fmt(line_from)}" y1="{_fmt(y)}" x2="{_fmt(line_to)}" y2="{_fmt(y)}" '
            f'stroke="{style.colour}" stroke-width="2.5"{dash}/>'
        )
        parts.append(_marker(style, (line_from + line_to) / 2, y, escape(item.name)))
        parts.append(
            f'<text x="{_fmt(text_x)}" y="{_fmt(y + 4)}" text-anchor="start">{escape(item.name)}</text>'
        )
    parts.append("</g>")
    return "".join(parts)
