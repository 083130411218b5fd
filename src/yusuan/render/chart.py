"""The structure chart (一般公共预算当年拨款结构图): one slice per 类 row of a table column.

The slices carry the amounts and their printed text as the Disclosure holds them; the chart
prints no new figure (no percentages): the angles are geometry, drawn in proportion.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from yusuan.model import Table
from yusuan.reference.templates import ChartForm

# grey-friendly colours, distinguishable when printed in black and white
PALETTE = ("#1f4e79", "#c00000", "#7f7f7f", "#bf9000", "#548235", "#7030a0", "#2e75b6", "#843c0c")


@dataclass(frozen=True)
class Slice:
    label: str
    value: Decimal
    text: str  # the amount as printed in the table


@dataclass(frozen=True)
class ChartBlock:
    title: str
    unit: str  # "万元"
    slices: tuple[Slice, ...]
    after_section: str


def chart_block(chart: ChartForm, table: Table | None) -> ChartBlock | None:
    """The chart of the 类 rows of ``table``; None when the table is missing or has no amount."""
    if table is None:
        return None
    slices = []
    for row in table.rows:
        cell = row.cell(table, chart.column)
        if row.code is None or len(row.code) != 3 or cell is None or cell.amount is None:
            continue
        if cell.amount.value > 0:
            slices.append(Slice(row.name, cell.amount.value, cell.text))
    if not slices:
        return None
    return ChartBlock(chart.title, table.unit.value, tuple(slices), chart.after_section)


def _point(cx: float, cy: float, r: float, turn: float) -> tuple[float, float]:
    angle = 2 * math.pi * turn - math.pi / 2  # clockwise from twelve o'clock
    return cx + r * math.cos(angle), cy + r * math.sin(angle)


def chart_png(block: ChartBlock, size: int = 480) -> bytes:
    """The pie alone as PNG (for Word, which takes no SVG); the legend is set as text beside it."""
    from PIL import Image, ImageDraw  # Pillow, a WeasyPrint dependency, pinned in pyproject

    image = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(image)
    total = sum((s.value for s in block.slices), Decimal(0))
    start = Decimal(0)
    box = (8, 8, size - 8, size - 8)
    for index, piece in enumerate(block.slices):
        share = piece.value / total  # geometry only
        begin, end = float(start) * 360 - 90, float(start + share) * 360 - 90
        draw.pieslice(box, begin, end, fill=PALETTE[index % len(PALETTE)], outline="white")
        start += share
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def chart_svg(block: ChartBlock) -> str:
    """An inline SVG pie with a legend naming each slice and its amount."""
    total = sum((s.value for s in block.slices), Decimal(0))
    cx, cy, r = 120.0, 120.0, 100.0
    legend_y = 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 520 240" width="100%" role="img" '
        f'aria-label="{escape(block.title)}">'
    ]
    start = Decimal(0)
    for index, piece in enumerate(block.slices):
        colour = PALETTE[index % len(PALETTE)]
        share = piece.value / total  # geometry only: the angle of the slice
        if len(block.slices) == 1:
            parts.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{colour}"/>')
        else:
            x1, y1 = _point(cx, cy, r, float(start))
            x2, y2 = _point(cx, cy, r, float(start + share))
            large = 1 if share > Decimal("0.5") else 0
            parts.append(
                f'<path d="M{cx},{cy} L{x1:.2f},{y1:.2f} A{r},{r} 0 {large} 1 {x2:.2f},{y2:.2f} Z" '
                f'fill="{colour}" stroke="#fff" stroke-width="1"/>'
            )
        start += share
        y = legend_y + index * 24
        parts.append(f'<rect x="260" y="{y - 11}" width="14" height="14" fill="{colour}"/>')
        legend = f"{piece.label} {piece.text}{block.unit}"
        parts.append(f'<text x="282" y="{y}" font-size="13">{escape(legend)}</text>')
    parts.append("</svg>")
    return "".join(parts)
