"""Document facts: unit, year, 预算/决算, 单位/部门, from the title line (or the tables)."""

from __future__ import annotations

import re

from yusuan.model import DocumentFacts, Kind, Scope, Table, Unit
from yusuan.read.assemble.spec import ReadingSpec
from yusuan.read.assemble.text import single_text, squeeze
from yusuan.read.lines import Line

_YEAR = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年")


def read_facts(
    cover: list[Line], tables: list[Table], reading: ReadingSpec, profile_id: str, currency: Unit
) -> DocumentFacts:
    """Facts from the first cover line matching the profile's title pattern.

    A title that does not name the unit ("上海市2025年市级单位预算") takes it from the
    profile's ``cover_unit_line`` ("预算单位：上海市财政局"), else from the tables' 单位名称.
    Without a title line: the unit from the tables' 单位名称, the year from a table title,
    a budget of a unit (the defaults of the template), and an empty title.
    """
    for index, line in enumerate(cover):
        text = single_text(line)
        if text is None or reading.title is None:
            continue
        match = reading.title.match(text.strip())
        if match:
            unit = (match.groupdict().get("unit") or "").strip()
            if not unit and reading.cover_unit_before_title:
                unit = _unit_above([c for c in cover[:index] if c.source.page == line.source.page])
            return DocumentFacts(
                unit=unit or _cover_unit(cover, reading) or _table_unit(tables),
                year=int(match["year"]),
                kind=Kind.FINAL_ACCOUNTS if match["kind"] == "决算" else Kind.BUDGET,
                scope=Scope.DEPARTMENT if match["scope"] == "部门" else Scope.UNIT,
                profile=profile_id,
                currency_unit=currency,
                title=text.strip(),
                source=line.source,
            )
    unit = _table_unit(tables)
    year = next((int(m["year"]) for t in tables if (m := _YEAR.search(t.title))), None)
    kind = Kind.FINAL_ACCOUNTS if any("决算" in t.title for t in tables) else Kind.BUDGET
    return DocumentFacts(
        unit=unit, year=year, kind=kind, scope=Scope.UNIT, profile=profile_id, currency_unit=currency
    )


def _unit_above(lines: list[Line]) -> str:
    """The unit's name printed on the cover lines above the title, over one line or more."""
    texts = [squeeze(text) for line in lines if (text := single_text(line))]
    return "".join(texts)


def _cover_unit(cover: list[Line], reading: ReadingSpec) -> str:
    if reading.cover_unit_line is None:
        return ""
    for line in cover:
        text = single_text(line)
        if text is not None and (match := reading.cover_unit_line.match(text.strip())):
            return match["unit"].strip()
    return ""


def _table_unit(tables: list[Table]) -> str:
    return next((t.unit_name for t in tables if t.unit_name), "")


def title_year(cover: list[Line], reading: ReadingSpec) -> int | None:
    """The year printed in the title line, used to fill the ``{year}`` of column labels."""
    for line in cover:
        text = single_text(line)
        if text and reading.title is not None and (match := reading.title.match(text.strip())):
            return int(match["year"])
    return None
