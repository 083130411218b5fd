"""Bar charts as inline SVG, drawn on the server: no script, no chart library.

``stacked`` draws one bar per column made of parts (the budget structure by year); ``grouped``
draws bars side by side per column (findings by year). Heights are exactly proportional to the
values (Decimal arithmetic, printed to 0.001 px) over an axis that ends at a round number; every
bar carries its value in ``data-value`` and a <title>, so that a screen reader and a test can read it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape, quoteattr

from markupsafe import Markup

PLOT_HEIGHT = Decimal(220)
TOP = Decimal(28)
LEFT = Decimal(76)
SLOT = Decimal(96)
BAR = Decimal(56)
BOTTOM = Decimal(64)
COLOURS = (
    "#8b1a1a",
    "#d98c5f",
    "#4a7ab5",
    "#e3b23c",
    "#6a9a5b",
    "#7d5ba6",
    "#3f8f8f",
    "#b5577d",
    "#8c7a4a",
    "#5a5a5a",
)
TICKS = 5
LEGEND = Decimal(190)  # the room of one legend entry
LEGEND_LINE = Decimal(20)  # the height of one more line of legend


@dataclass(frozen=True)
class Series:
    key: str
    label: str  # Chinese first, as printed in the legend


@dataclass(frozen=True)
class Group:
    label: str  # the x-axis label, e.g. 2025年
    values: dict[str, Decimal | None]  # series key -> value (None: not known)


def nice_top(largest: Decimal) -> Decimal:
    """The smallest of 1, 2, 2.5, 5 × 10^n not below ``largest`` (1 when nothing is positive)."""
    if largest <= 0:
        return Decimal(1)
    magnitude = Decimal(10) ** (largest.adjusted())
    for step in (Decimal(1), Decimal("2"), Decimal("2.5"), Decimal(5), Decimal(10)):
        if step * magnitude >= largest:
            return step * magnitude
    return Decimal(10) * magnitude  # not reached: 10 × 10^n is above any number of that magnitude


def _px(value: Decimal) -> str:
    return format(value.quantize(Decimal("0.001")), "f")


def counts_top(largest: Decimal) -> Decimal:
    """For counts: the smallest multiple of the tick count not below ``largest`` (whole ticks)."""
    return max(Decimal(TICKS), (largest / TICKS).to_integral_value(ROUND_CEILING) * TICKS)


def _number(value: Decimal, places: int) -> str:
    """Rounded 四舍五入 (ROUND_HALF_UP) to ``places``, with thousands separators."""
    return f"{value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP):,}"


def _fits(text: str, width: Decimal) -> bool:
    """Whether a label of 10 px digits fits inside a bar (about 5.6 px a character)."""
    return Decimal("5.6") * len(text) <= width - 4


def _text(x: Decimal, y: Decimal, content: str, anchor: str = "middle", css: str = "") -> str:
    style = f" class={quoteattr(css)}" if css else ""
    return f'<text x="{_px(x)}" y="{_px(y)}" text-anchor="{anchor}"{style}>{escape(content)}</text>'


def _frame(
    title: str, axis: str, top: Decimal, width: Decimal, places: int, ident: str, lines: int = 1
) -> list[str]:
    height = TOP + PLOT_HEIGHT + BOTTOM + LEGEND_LINE * (lines - 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{ident}-t" '
        f'width="{_px(width)}" height="{_px(height)}" viewBox="0 0 {_px(width)} {_px(height)}" '
        f'class="chart" id={quoteattr(ident)}>',
        f"<title id={quoteattr(ident + '-t')}>{escape(title)}</title>",
        _text(LEFT - 8, TOP - 12, axis, "end", "axis"),
    ]
    for step in range(TICKS + 1):
        value = top * step / TICKS
        y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * step / TICKS
        parts.append(
            f'<line x1="{_px(LEFT)}" x2="{_px(width - 8)}" y1="{_px(y)}" y2="{_px(y)}" class="grid"/>'
        )
        parts.append(_text(LEFT - 6, y + 4, _number(value, places), "end", "tick"))
    return parts


def _width(groups: Sequence[Group], series: Sequence[Series], per_line: int = 0) -> Decimal:
    """Room for every bar, and for a line of the legend (``per_line`` entries; 0: all of them)."""
    entries = min(len(series), per_line) if per_line else len(series)
    return max(LEFT + SLOT * max(len(groups), 1) + 16, LEFT + LEGEND * entries)


def _lines(series: Sequence[Series], per_line: int) -> int:
    return max(1, -(-len(series) // per_line)) if per_line else 1


def _legend(series: Sequence[Series], y: Decimal, per_line: int = 0) -> list[str]:
    out = []
    for index, item in enumerate(series):
        line, place = divmod(index, per_line) if per_line else (0, index)
        x = LEFT + LEGEND * place
        y_line = y + LEGEND_LINE * line
        colour = COLOURS[index % len(COLOURS)]
        out.append(f'<rect x="{_px(x)}" y="{_px(y_line - 10)}" width="12" height="12" fill="{colour}"/>')
        out.append(_text(x + 16, y_line, item.label, "start", "legend"))
    return out


def _bar(
    x: Decimal,
    base: Decimal,
    height: Decimal,
    width: Decimal,
    colour: str,
    key: str,
    value: Decimal,
    tip: str,
) -> str:
    return (
        f'<rect x="{_px(x)}" y="{_px(base - height)}" width="{_px(width)}" height="{_px(height)}" '
        f'fill="{colour}" data-series={quoteattr(key)} data-value="{value}">'
        f"<title>{escape(tip)}</title></rect>"
    )


def stacked(
    groups: Sequence[Group],
    series: Sequence[Series],
    title: str,
    axis: str,
    ident: str,
    places: int = 2,
    legend_per_line: int = 0,
) -> Markup:
    """One bar per group, its parts stacked in the order of ``series`` (bottom up); the legend
    ``legend_per_line`` entries a line (0: one line), for many parts such as the 功能分类 类."""
    totals = [sum((g.values.get(s.key) or Decimal(0) for s in series), Decimal(0)) for g in groups]
    top = nice_top(max(totals, default=Decimal(0)))
    width = _width(groups, series, legend_per_line)
    parts = _frame(title, axis, top, width, places, ident, _lines(series, legend_per_line))
    floor = TOP + PLOT_HEIGHT
    for index, (group, total) in enumerate(zip(groups, totals, strict=True)):
        x = LEFT + SLOT * index + (SLOT - BAR) / 2
        base = floor
        for number, item in enumerate(series):
            value = group.values.get(item.key)
            if value is None or value <= 0:
                continue
            height = PLOT_HEIGHT * value / top
            tip = f"{group.label} {item.label}：{_number(value, places)}"
            parts.append(_bar(x, base, height, BAR, COLOURS[number % len(COLOURS)], item.key, value, tip))
            label = _number(value, places)
            if height >= 16 and _fits(label, BAR):
                parts.append(_text(x + BAR / 2, base - height / 2 + 4, label, css="inside"))
            base -= height
        if total > 0:
            parts.append(_text(x + BAR / 2, base - 4, _number(total, places), css="value"))
        parts.append(_text(x + BAR / 2, floor + 18, group.label, css="label"))
    parts += _legend(series, floor + 48, legend_per_line)
    parts.append("</svg>")
    return Markup("".join(parts))


def grouped(
    groups: Sequence[Group], series: Sequence[Series], title: str, axis: str, ident: str, places: int = 0
) -> Markup:
    """Bars side by side in each group, one per series, each with its value above it (counts)."""
    values = [v for g in groups for v in g.values.values() if v is not None]
    top = counts_top(max(values, default=Decimal(0)))
    width = _width(groups, series)
    parts = _frame(title, axis, top, width, places, ident)
    floor = TOP + PLOT_HEIGHT
    bar = (SLOT - 16) / max(len(series), 1)
    for index, group in enumerate(groups):
        left = LEFT + SLOT * index + 8
        for number, item in enumerate(series):
            value = group.values.get(item.key)
            if value is None:
                continue
            x = left + bar * number
            height = PLOT_HEIGHT * value / top
            tip = f"{group.label} {item.label}：{_number(value, places)}"
            parts.append(
                _bar(x, floor, height, bar - 2, COLOURS[number % len(COLOURS)], item.key, value, tip)
            )
            parts.append(_text(x + (bar - 2) / 2, floor - height - 4, _number(value, places), css="value"))
        parts.append(_text(LEFT + SLOT * index + SLOT / 2, floor + 18, group.label, css="label"))
    parts += _legend(series, floor + 48)
    parts.append("</svg>")
    return Markup("".join(parts))
