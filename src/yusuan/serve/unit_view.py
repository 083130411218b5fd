"""A unit's documents side by side: its main figures by year, the change against the year before,
findings and decisions, and the two charts (budget structure, findings over time).

Documents belong to the unit when their unit names have the same key as the cross-year rules use
(yusuan.batch.pairs.unit_key: spaces, brackets, 本级 and （单位） do not count). They are grouped by
kind (预算/决算, 部门/单位) and ordered by year; a year uploaded twice shows both documents, and
the change is taken against the newest document of the year before. Which figures are shown, and
where in the tables each is read, is data: data/workbench/unit_figures.yaml.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

from markupsafe import Markup

from yusuan.reference.paths import data_dir, load_yaml
from yusuan.serve.charts import Group, Series, grouped, stacked
from yusuan.serve.unit_classes import ClassLine, class_chart, class_lines, class_series

WAN = Decimal(10000)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Figure:
    key: str
    zh: str
    en: str
    sources: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Change:
    difference: Decimal  # in 元
    percent: Decimal | None  # None when the year before was 0


@dataclass
class Column:
    """One document of the unit: a column of the page."""

    upload: dict[str, Any]
    label: str
    values: dict[str, Decimal | None]
    has_figures: bool
    decisions: dict[str, int]
    changes: dict[str, Change | None] = field(default_factory=dict)
    previous: Column | None = None
    classes: dict[str, ClassLine] = field(default_factory=dict)  # its 功能分类 类 lines, by code


@dataclass
class Section:
    """The unit's documents of one kind (e.g. budget/unit), by year."""

    kind: str
    columns: list[Column]
    structure_chart: Markup = field(default_factory=Markup)
    findings_chart: Markup = field(default_factory=Markup)
    class_series: list[Series] = field(default_factory=list)
    class_chart: Markup = field(default_factory=Markup)
    cross_year: list[dict[str, Any]] = field(default_factory=list)  # findings between its years


@cache
def specification() -> tuple[tuple[Figure, ...], tuple[str, ...]]:
    """The figures to show and the parts of the structure chart (data/workbench/unit_figures.yaml)."""
    loaded = load_yaml((data_dir() / "workbench" / "unit_figures.yaml").read_text(encoding="utf-8"))
    figures = tuple(
        Figure(item["key"], item["zh"], item["en"], tuple(item["from"])) for item in loaded["figures"]
    )
    known = {figure.key for figure in figures}
    structure = tuple(loaded["structure"])
    unknown = [key for key in structure if key not in known]
    if unknown:
        raise ValueError(f"unit_figures.yaml: structure names unknown figures {unknown}")
    return figures, structure


def pick(cells: Iterable[dict[str, Any]], sources: Iterable[dict[str, Any]]) -> Decimal | None:
    """The amount of the first source some cell answers; None when none does."""
    cells = list(cells)
    for source in sources:
        table = [cell for cell in cells if cell["table"] == source["table"]]
        if source.get("first_row"):
            first = table[0]["row_name"] if table else None
            table = [cell for cell in table if cell["row_name"] == first]
        else:
            table = [cell for cell in table if cell["role"] == source["role"]]
        for cell in table:
            if cell["column"] == source["column"]:
                amount: Decimal = cell["amount"]
                return amount
    return None


def exact_wan(amount: Decimal | None) -> Decimal | None:
    """元 -> 万元, unrounded (the chart rounds what it prints, and its totals stay those of the tables)."""
    return None if amount is None else amount / WAN


def in_wan(amount: Decimal | None) -> Decimal | None:
    """元 -> 万元 to two places (四舍五入)."""
    return None if amount is None else (amount / WAN).quantize(CENT, ROUND_HALF_UP)


def wan(amount: Decimal | None) -> str:
    """元 -> 万元 to two places (四舍五入), with thousands separators; "—" for no value."""
    shown = in_wan(amount)
    return "—" if shown is None else f"{shown:,}"


def change_text(change: Change | None) -> str:
    if change is None:
        return ""
    sign = "+" if change.difference > 0 else ""
    text = f"{sign}{wan(change.difference)}"
    if change.percent is not None:
        text += f"（{sign}{change.percent}%）"
    return text


def _change(now: Decimal | None, before: Decimal | None) -> Change | None:
    if now is None or before is None:
        return None
    percent = ((now - before) * 100 / before).quantize(CENT, ROUND_HALF_UP) if before else None
    return Change(now - before, percent)


def sections(
    rows: list[dict[str, Any]],
    cells: dict[int, list[dict[str, Any]]],
    decisions: dict[int, dict[str, int]],
    cross_year: Iterable[dict[str, Any]] = (),
) -> list[Section]:
    """The unit's documents (``rows``, done) by kind, each kind's columns by year and upload, with
    the cross-year findings (store.crossyear rows) found on its documents."""
    cross_year = list(cross_year)
    figures, _structure = specification()
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for row in sorted(rows, key=lambda r: (r["year"] or 0, r["id"])):
        by_kind.setdefault(row["kind"] or "", []).append(row)
    out: list[Section] = []
    for kind in sorted(by_kind):
        documents = by_kind[kind]
        years = [row["year"] for row in documents]
        columns = []
        for row in documents:
            label = f"{row['year']}年" if years.count(row["year"]) == 1 else f"{row['year']}年 #{row['id']}"
            own = cells.get(row["id"], [])
            values = {figure.key: pick(own, figure.sources) for figure in figures}
            column = Column(row, label, values, bool(own), decisions.get(row["id"], {}))
            column.classes = class_lines(own)
            columns.append(column)
        for column in columns:
            earlier = [c for c in columns if c.upload["year"] == (column.upload["year"] or 0) - 1]
            column.previous = earlier[-1] if earlier else None
            for figure in figures:
                before = column.previous.values[figure.key] if column.previous else None
                column.changes[figure.key] = _change(column.values[figure.key], before)
        section = Section(kind, columns)
        section.structure_chart = structure_chart(section, len(out))
        section.findings_chart = findings_chart(section, len(out))
        years_classes = [column.classes for column in columns]
        section.class_series = class_series(years_classes)
        section.class_chart = class_chart([column.label for column in columns], years_classes, len(out))
        ids = {column.upload["id"] for column in columns}
        section.cross_year = [f for f in cross_year if f["upload_id"] in ids]
        out.append(section)
    return out


def structure_series() -> list[Series]:
    figures, structure = specification()
    names = {figure.key: figure for figure in figures}
    return [Series(key, f"{names[key].zh} {names[key].en}") for key in structure]


def structure_chart(section: Section, number: int) -> Markup:
    series = structure_series()
    groups = [
        Group(column.label, {item.key: exact_wan(column.values[item.key]) for item in series})
        for column in section.columns
    ]
    return stacked(groups, series, "预算支出结构（万元）/ expenditure by year", "万元", f"structure-{number}")


FINDINGS_SERIES = (
    Series("errors", "错误 errors"),
    Series("warnings", "警告 warnings"),
    Series("accepted", "已确认 accepted"),
)


def finding_counts(column: Column) -> dict[str, Decimal | None]:
    upload = column.upload
    return {
        "errors": Decimal(upload["errors"] or 0),
        "warnings": Decimal(upload["warnings"] or 0),
        "accepted": Decimal(column.decisions.get("accepted", 0)),
    }


def findings_chart(section: Section, number: int) -> Markup:
    groups = [Group(column.label, finding_counts(column)) for column in section.columns]
    return grouped(groups, FINDINGS_SERIES, "各年度发现 / findings by year", "条 count", f"findings-{number}")
