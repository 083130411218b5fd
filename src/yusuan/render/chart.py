"""The structure chart (一般公共预算当年拨款结构图): one slice per 类 row of a table column.

The slices carry the amounts and their printed text as the Disclosure holds them, and each its
share of the total as the narrative states shares (Decimal, 四舍五入 to 0.01%). A pie reads well
when the parts are comparable; when one part dominates (two thirds or more) or there are many
parts, the slivers cannot be told apart and the chart is drawn as horizontal bars instead.
The SVG names its typeface (the document's body face): without it a viewer picks any CJK face.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from html import escape

from yusuan.model import Table
from yusuan.reference.templates import ChartForm

DOMINANT = Decimal(2) / Decimal(3)  # a part this large makes the others slivers: bars read better
MANY_PARTS = 7  # more parts than a pie's legend can be matched to by colour
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

    @property
    def total(self) -> Decimal:
        return sum((s.value for s in self.slices), Decimal(0))

    def share(self, piece: Slice) -> str:
        """The part's share of the total as printed: "85.92%"."""
        percent = (piece.value / self.total * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return f"{percent}%"

    @property
    def bars(self) -> bool:
        """Bars rather than a pie: one part dominates, or there are too many parts."""
        largest = max(s.value for s in self.slices)
        return len(self.slices) >= MANY_PARTS or (len(self.slices) > 1 and largest / self.total >= DOMINANT)

    def legend(self, piece: Slice) -> str:
        """A part's legend line: its name, amount and share."""
        return f"{piece.label} {piece.text}{self.unit}（{self.share(piece)}）"


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
    """The pie or the bars alone as PNG (for Word, which takes no SVG); the legend is set as text."""
    from PIL import Image, ImageDraw  # Pillow, a WeasyPrint dependency, pinned in pyproject

    total = block.total
    if block.bars:
        bar, gap = 40, 16
        image = Image.new("RGB", (size, len(block.slices) * (bar + gap) + gap), "white")
        draw = ImageDraw.Draw(image)
        largest = max(s.value for s in block.slices)
        for index, piece in enumerate(block.slices):
            top = gap + index * (bar + gap)
            length = max(int(float(piece.value / largest) * (size - 16)), 2)  # geometry only
            draw.rectangle((8, top, 8 + length, top + bar), fill=PALETTE[index % len(PALETTE)])
    else:
        image = Image.new("RGB", (size, size), "white")
        draw = ImageDraw.Draw(image)
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


def _bars_svg(block: ChartBlock, font_family: str) -> str:
    """Horizontal bars, longest for the largest part, each labelled with name, amount and share."""
    row, bar = 34, 18
    height = len(block.slices) * row + 10
    largest = max(s.value for s in block.slices)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 520 {height}" width="100%" role="img" '
        f"aria-label=\"{escape(block.title)}\" font-family='{escape(font_family)}'>"
    ]
    for index, piece in enumerate(block.slices):
        colour = PALETTE[index % len(PALETTE)]
        y = 8 + index * row
        length = max(float(piece.value / largest) * 200, 1.0)  # geometry only
        parts.append(f'<text x="0" y="{y + 13}" font-size="12">{escape(piece.label)}</text>')
        parts.append(f'<rect x="150" y="{y}" width="{length:.1f}" height="{bar}" fill="{colour}"/>')
        label = f"{piece.text}{block.unit}（{block.share(piece)}）"
        parts.append(f'<text x="{150 + length + 6:.1f}" y="{y + 13}" font-size="12">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def chart_svg(block: ChartBlock, font_family: str = "Noto Serif CJK SC, serif") -> str:
    """An inline SVG: a pie with a legend (name, amount, share), or bars when they read better."""
    if block.bars:
        return _bars_svg(block, font_family)
    total = block.total
    cx, cy, r = 120.0, 120.0, 100.0
    legend_y = 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 520 240" width="100%" role="img" '
        f"aria-label=\"{escape(block.title)}\" font-family='{escape(font_family)}'>"
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
        parts.append(f'<text x="282" y="{y}" font-size="13">{escape(block.legend(piece))}</text>')
    parts.append("</svg>")
    return "".join(parts)
