from collections.abc import Callable

from yusuan.model import Kind, Scope, Table, Unit
from yusuan.read.assemble.facts import read_facts, title_year
from yusuan.read.assemble.spec import ReadingSpec
from yusuan.read.lines import Line

LinesOf = Callable[[str], list[Line]]


def test_title_line(lines_of: LinesOf, reading: ReadingSpec) -> None:
    cover = lines_of("\n某市财政局 2024年度部门决算公开\n")
    facts = read_facts(cover, [], reading, "shanxi", Unit.WAN)
    assert (facts.unit, facts.year, facts.kind, facts.scope) == (
        "某市财政局",
        2024,
        Kind.FINAL_ACCOUNTS,
        Scope.DEPARTMENT,
    )
    assert facts.title == "某市财政局 2024年度部门决算公开"
    assert facts.source is not None and facts.source.line == 1
    assert title_year(cover, reading) == 2024


def test_without_title_line(reading: ReadingSpec) -> None:
    table = Table(id="expenditure", title="2025年预算支出总表", unit=Unit.WAN, columns=[], unit_name="某单位")
    facts = read_facts([], [table], reading, "shanxi", Unit.WAN)
    assert (facts.unit, facts.year, facts.kind, facts.scope, facts.title) == (
        "某单位",
        2025,
        Kind.BUDGET,
        Scope.UNIT,
        "",
    )
    assert title_year([], reading) is None
