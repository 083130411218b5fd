"""Document facts: unit, year, 预算/决算, 单位/部门, from the title line (or the tables)."""

from __future__ import annotations

import re
from itertools import pairwise

from yusuan.model import DocumentFacts, Kind, Scope, Table, Unit
from yusuan.read.assemble.spec import ReadingSpec
from yusuan.read.assemble.text import single_text, squeeze
from yusuan.read.lines import Line

YEAR = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年")


def _title_lines(cover: list[Line]) -> list[tuple[str, int]]:
    """Each cover line's text, then each two consecutive lines joined (a title printed on two:
    "江苏省人民检察院" / "2019年度部门预算公开", "2018 年度江苏省高级" / "人民法院预算公开"),
    with the index in ``cover`` of the (first) line."""
    texts = [(t.strip(), i) for i, line in enumerate(cover) if (t := single_text(line)) and t.strip()]
    pairs = [(a + b, first) for (a, first), (b, _second) in pairwise(texts)]
    return texts + pairs


def read_facts(
    cover: list[Line],
    tables: list[Table],
    reading: ReadingSpec,
    profile_id: str,
    currency: Unit,
    *,
    scope: str | None = None,
    kind: str = "budget",
) -> DocumentFacts:
    """Facts from the first cover line (or two joined lines) matching the profile's title pattern.

    A title that does not name the unit ("上海市2025年市级单位预算") takes it from the
    profile's ``cover_unit_line`` ("预算单位：上海市财政局"), else from the tables' 单位名称.
    A title that does not say 单位/部门 ("…2019年度预算公开") takes the template's ``scope``.
    Without a title line: the unit from the tables' 单位名称, the year from a table title,
    the template's kind and scope (a unit's budget when it names none), and an empty title.
    """
    default_scope = Scope.DEPARTMENT if scope == "department" else Scope.UNIT
    default_kind = Kind.FINAL_ACCOUNTS if kind == "final_accounts" else Kind.BUDGET
    for text, index in _title_lines(cover) if reading.title is not None else []:
        match = reading.title.match(text) if reading.title is not None else None
        if match:
            line = cover[index]
            unit = (match.groupdict().get("unit") or "").strip()
            if not unit and reading.cover_unit_before_title:
                unit = _unit_above([c for c in cover[:index] if c.source.page == line.source.page])
            printed_scope = match.groupdict().get("scope")
            return DocumentFacts(
                unit=unit or _cover_unit(cover, reading) or _table_unit(tables),
                year=int(match["year"]),
                kind=Kind.FINAL_ACCOUNTS if match["kind"] == "决算" else Kind.BUDGET,
                scope={"部门": Scope.DEPARTMENT, "单位": Scope.UNIT}.get(printed_scope or "", default_scope),
                profile=profile_id,
                currency_unit=currency,
                title=text,
                source=line.source,
            )
    unit = _table_unit(tables)
    year = next((int(m["year"]) for t in tables if (m := YEAR.search(t.title))), None)
    found_kind = Kind.FINAL_ACCOUNTS if any("决算" in t.title for t in tables) else default_kind
    return DocumentFacts(
        unit=unit, year=year, kind=found_kind, scope=default_scope, profile=profile_id, currency_unit=currency
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
    for text, _index in _title_lines(cover) if reading.title is not None else []:
        if reading.title is not None and (match := reading.title.match(text)):
            return int(match["year"])
    return None
