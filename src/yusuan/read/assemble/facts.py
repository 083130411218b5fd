"""Document facts: unit, year, 预算/决算, 单位/部门, from the title line (or the tables)."""

from __future__ import annotations

import re

from yusuan.model import DocumentFacts, Kind, Scope, Table, Unit
from yusuan.read.assemble.spec import ReadingSpec
from yusuan.read.assemble.text import single_text
from yusuan.read.lines import Line

_YEAR = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年")


def read_facts(
    cover: list[Line], tables: list[Table], reading: ReadingSpec, profile_id: str, currency: Unit
) -> DocumentFacts:
    """Facts from the first cover line matching the profile's title pattern.

    Without such a line: the unit from the tables' 单位名称, the year from a table title,
    a budget of a unit (the defaults of the template), and an empty title.
    """
    for line in cover:
        text = single_text(line)
        if text is None or reading.title is None:
            continue
        match = reading.title.match(text.strip())
        if match:
            return DocumentFacts(
                unit=match["unit"].strip(),
                year=int(match["year"]),
                kind=Kind.FINAL_ACCOUNTS if match["kind"] == "决算" else Kind.BUDGET,
                scope=Scope.DEPARTMENT if match["scope"] == "部门" else Scope.UNIT,
                profile=profile_id,
                currency_unit=currency,
                title=text.strip(),
                source=line.source,
            )
    unit = next((t.unit_name for t in tables if t.unit_name), "")
    year = next((int(m["year"]) for t in tables if (m := _YEAR.search(t.title))), None)
    kind = Kind.FINAL_ACCOUNTS if any("决算" in t.title for t in tables) else Kind.BUDGET
    return DocumentFacts(
        unit=unit, year=year, kind=kind, scope=Scope.UNIT, profile=profile_id, currency_unit=currency
    )


def title_year(cover: list[Line], reading: ReadingSpec) -> int | None:
    """The year printed in the title line, used to fill the ``{year}`` of column labels."""
    for line in cover:
        text = single_text(line)
        if text and reading.title is not None and (match := reading.title.match(text.strip())):
            return int(match["year"])
    return None
