"""A unit's expenditure by 功能分类 类, year by year: the second structure chart of the unit page.

The 类 lines are the ordinary rows (no role) of the first table that lists any, among those named
in data/workbench/unit_figures.yaml (``classes``), whose code is of the level named there (类: the
3-digit codes, as yusuan.model.codes reads them). Each line is named as the document prints it, the
newest year's name winning when a name changed. No row name is written in code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from markupsafe import Markup

from yusuan.model import Code, looks_like_code
from yusuan.reference.paths import data_dir, load_yaml
from yusuan.serve.charts import Group, Series, stacked

WAN = Decimal(10000)
LEGEND_PER_LINE = 3


@dataclass(frozen=True)
class ClassLine:
    code: str
    name: str
    amount: Decimal  # in 元


@cache
def class_specification() -> tuple[str, tuple[dict[str, Any], ...]]:
    """The level and the (table, column) sources of the 类 chart (unit_figures.yaml, ``classes``)."""
    loaded = load_yaml((data_dir() / "workbench" / "unit_figures.yaml").read_text(encoding="utf-8"))
    spec = loaded["classes"]
    return str(spec["level"]), tuple(spec["from"])


def class_lines(cells: Iterable[dict[str, Any]]) -> dict[str, ClassLine]:
    """code -> the document's 类 line, from the first source table that has any; {} when none has."""
    level, sources = class_specification()
    cells = list(cells)
    for source in sources:
        found: dict[str, ClassLine] = {}
        for cell in cells:
            if cell["table"] != source["table"] or cell["column"] != source["column"] or cell["role"]:
                continue
            code = cell["row_code"]
            if looks_like_code(code) and Code(code).level == level and code not in found:
                found[code] = ClassLine(code, cell["row_name"], cell["amount"])
        if found:
            return found
    return {}


def class_series(years: Sequence[dict[str, ClassLine]]) -> list[Series]:
    """Every code any year prints, by code, labelled as the newest year that prints it names it."""
    names: dict[str, str] = {}
    for lines in years:  # oldest first: a newer name overwrites
        names |= {code: line.name for code, line in lines.items()}
    return [Series(code, f"{code} {names[code]}") for code in sorted(names)]


def class_chart(labels: Sequence[str], years: Sequence[dict[str, ClassLine]], number: int) -> Markup:
    """Stacked bars, one per document, of its 类 lines in 万元 (unrounded: the chart rounds its labels)."""
    series = class_series(years)
    groups = [
        Group(
            label, {item.key: lines[item.key].amount / WAN if item.key in lines else None for item in series}
        )
        for label, lines in zip(labels, years, strict=True)
    ]
    title = "按功能分类“类”的支出（万元）/ expenditure by functional class"
    return stacked(groups, series, title, "万元", f"classes-{number}", legend_per_line=LEGEND_PER_LINE)
