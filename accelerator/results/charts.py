"""Bar charts drawn on the server as SVG for the results pages: no JavaScript, printable,
accessible (a <title> and a <desc> naming every value; the page puts a data table next to each
chart), numbers in the reader's locale, and mirrored for right-to-left languages — bars grow from
the right and labels sit on the right.

Series are told apart by fill pattern as well as colour (solid, hatched, dotted), so a chart
still reads in black-and-white print. Labels are passed already translated; every text is
escaped here.
"""

import hashlib
import textwrap

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH = 640
LABEL_WIDTH = 200
VALUE_WIDTH = 110
BAR_HEIGHT = 22
BAR_GAP = 4
GROUP_GAP = 14
FONT_SIZE = 14
LINE_HEIGHT = 17
LABEL_CHARS = 26
COLOURS = ("#1f6f4a", "#b4531d", "#1d4e89")
PATTERNS = (None, "hatch", "dots")


def _fmt(value):
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _key(*parts):
    return hashlib.sha1(repr(parts).encode()).hexdigest()[:8]


def _wrap(label, lines=2):
    wrapped = textwrap.wrap(str(label), LABEL_CHARS) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: LABEL_CHARS - 1] + "…"
    return wrapped


def _defs(key):
    return (
        "<defs>"
        f'<pattern id="hatch-{key}" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="{COLOURS[1]}"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/></pattern>'
        f'<pattern id="dots-{key}" width="5" height="5" patternUnits="userSpaceOnUse">'
        f'<rect width="5" height="5" fill="{COLOURS[2]}"/>'
        '<circle cx="2.5" cy="2.5" r="1.2" fill="#fff"/></pattern>'
        "</defs>"
    )


def _fill(index, key):
    pattern = PATTERNS[index % len(PATTERNS)]
    return COLOURS[index % len(COLOURS)] if pattern is None else f"url(#{pattern}-{key})"


def _open(css_class, key, height, title, description, rtl):
    title_id, desc_id = f"chart-{key}-title", f"chart-{key}-desc"
    return [
        f'<svg class="bar-chart {css_class}" role="img" '
        f'viewBox="0 0 {WIDTH} {_fmt(height)}" aria-labelledby="{title_id} {desc_id}" '
        f'direction="{"rtl" if rtl else "ltr"}" font-size="{FONT_SIZE}" font-family="inherit">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
        _defs(key),
    ]


def _text(x, y, text, *, anchor_right, rtl, css_class="", bold=False):
    """Text whose edge sits at x: its right edge when `anchor_right`. Under direction="rtl"
    "start" is the right-hand edge, so the keywords swap."""
    anchor = "end" if anchor_right != rtl else "start"
    weight = ' font-weight="700"' if bold else ""
    klass = f' class="{css_class}"' if css_class else ""
    return (
        f'<text{klass} x="{_fmt(x)}" y="{_fmt(y)}" text-anchor="{anchor}"{weight}>'
        f"{escape(text)}</text>"
    )


def _legend(names, key, top, rtl):
    parts = ['<g class="bar-chart__legend" fill="currentColor">']
    x = WIDTH - LABEL_WIDTH if rtl else LABEL_WIDTH
    for index, name in enumerate(names):
        y = top + index * LINE_HEIGHT
        swatch_x = x - 14 if rtl else x
        parts.append(
            f'<rect x="{_fmt(swatch_x)}" y="{_fmt(y - 11)}" width="14" height="12" '
            f'fill="{_fill(index, key)}" stroke="#333" stroke-width="0.5"/>'
        )
        text_x = x - 20 if rtl else x + 20
        parts.append(_text(text_x, y, name, anchor_right=rtl, rtl=rtl))
    parts.append("</g>")
    return "".join(parts)


def bar_chart_svg(labels, series, *, title, formatter, description=None, rtl=False, maximum=None):
    """Horizontal bars, one group per label and one bar per series.

    `series` is a list of (name, values) with one value per label (None when unknown: no bar,
    "—" as its value); `formatter` turns a value into the reader's text ("52.3 %"). Bars are
    scaled to `maximum` (default: the largest value). The legend shows when there are several
    series.
    """
    labels = [str(label) for label in labels]
    series = [(str(name), list(values)) for name, values in series]
    for _name, values in series:
        if len(values) != len(labels):
            raise ValueError("Each series needs one value per label.")
    largest = max([value for _name, values in series for value in values if value] or [0])
    maximum = maximum or largest or 1
    if description is None:
        description = "; ".join(
            f"{label}: "
            + ", ".join(
                (f"{name} " if len(series) > 1 else "") + formatter(values[index])
                for name, values in series
            )
            for index, label in enumerate(labels)
        )
    key = _key("bar", labels, series, title)
    group_height = len(series) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
    legend_height = LINE_HEIGHT * len(series) + 8 if len(series) > 1 else 0
    height = 8 + len(labels) * (group_height + GROUP_GAP) + legend_height
    track = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    parts = _open("bar-chart--bars", key, height, title, description, rtl)
    parts.append('<g fill="currentColor">')
    top = 8
    for index, label in enumerate(labels):
        lines = _wrap(label)
        middle = top + group_height / 2
        first = middle - (len(lines) - 1) * LINE_HEIGHT / 2 + 5
        label_x = WIDTH - 8 if rtl else 0
        for number, line in enumerate(lines):
            parts.append(
                _text(label_x, first + number * LINE_HEIGHT, line, anchor_right=rtl, rtl=rtl)
            )
        for position, (_name, values) in enumerate(series):
            value = values[index]
            y = top + position * (BAR_HEIGHT + BAR_GAP)
            length = 0 if not value or value < 0 else track * float(value) / float(maximum)
            length = min(length, track)
            start = WIDTH - LABEL_WIDTH - length if rtl else LABEL_WIDTH
            if length:
                parts.append(
                    f'<rect class="bar-chart__bar" x="{_fmt(start)}" y="{_fmt(y)}" '
                    f'width="{_fmt(length)}" height="{BAR_HEIGHT}" fill="{_fill(position, key)}"/>'
                )
            value_x = start - 6 if rtl else start + length + 6
            parts.append(
                _text(
                    value_x,
                    y + BAR_HEIGHT / 2 + 5,
                    formatter(value),
                    anchor_right=rtl,
                    rtl=rtl,
                    css_class="bar-chart__value",
                    bold=True,
                )
            )
        top += group_height + GROUP_GAP
    axis_x = WIDTH - LABEL_WIDTH if rtl else LABEL_WIDTH
    parts.append(
        f'<line x1="{_fmt(axis_x)}" y1="4" x2="{_fmt(axis_x)}" y2="{_fmt(top - GROUP_GAP + 4)}" '
        'stroke="#555" stroke-width="1"/>'
    )
    parts.append("</g>")
    if len(series) > 1:
        parts.append(_legend([name for name, _values in series], key, top + 8, rtl))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — every text above went through escape()


def stacked_bar_svg(labels, parts_names, rows, *, title, formatter, description=None, rtl=False):
    """One 100%-stacked bar per label, split into parts (e.g. the co-financing sources).

    `rows` holds, per label, one amount per part name; each part's width is its share of the
    row's total and its text gives the share; a row whose total is nothing draws no bar.
    `formatter` turns a share (0–100) into the reader's text.
    """
    labels = [str(label) for label in labels]
    names = [str(name) for name in parts_names]
    shares = []
    for amounts in rows:
        total = sum(float(amount or 0) for amount in amounts)
        shares.append([100 * float(amount or 0) / total if total else None for amount in amounts])
    if description is None:
        description = "; ".join(
            f"{label}: "
            + ", ".join(
                f"{name} {formatter(share)}" for name, share in zip(names, row, strict=True)
            )
            for label, row in zip(labels, shares, strict=True)
        )
    key = _key("stacked", labels, names, shares, title)
    bar = BAR_HEIGHT + 6
    height = 8 + len(labels) * (bar + GROUP_GAP) + LINE_HEIGHT * len(names) + 8
    track = WIDTH - LABEL_WIDTH - 8
    parts = _open("bar-chart--stacked", key, height, title, description, rtl)
    parts.append('<g fill="currentColor">')
    top = 8
    for label, row in zip(labels, shares, strict=True):
        label_x = WIDTH - 8 if rtl else 0
        parts.append(
            _text(label_x, top + bar / 2 + 5, _wrap(label, 1)[0], anchor_right=rtl, rtl=rtl)
        )
        offset = 0.0
        for index, share in enumerate(row):
            if not share:
                continue
            length = track * share / 100
            x = WIDTH - LABEL_WIDTH - offset - length if rtl else LABEL_WIDTH + offset
            parts.append(
                f'<rect class="bar-chart__bar" x="{_fmt(x)}" y="{_fmt(top)}" width="{_fmt(length)}" '
                f'height="{bar}" fill="{_fill(index, key)}" stroke="#fff" stroke-width="1">'
                f"<title>{escape(names[index])}: {escape(formatter(share))}</title></rect>"
            )
            if length > 52:
                parts.append(
                    f'<text x="{_fmt(x + length / 2)}" y="{_fmt(top + bar / 2 + 5)}" '
                    'text-anchor="middle" fill="#fff" font-weight="700" stroke="#222" '
                    f'stroke-width="2.5" paint-order="stroke">{escape(formatter(share))}</text>'
                )
            offset += length
        top += bar + GROUP_GAP
    parts.append("</g>")
    parts.append(_legend(names, key, top + 8, rtl))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — every text above went through escape()
