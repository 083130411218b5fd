"""The HTML check report: model findings in, one page out, with the rows and sentences involved."""

from __future__ import annotations

from yusuan.model import (
    Amount,
    Cell,
    CellStatus,
    Column,
    Disclosure,
    DocumentFacts,
    Evidence,
    Finding,
    Kind,
    Location,
    NotEvaluated,
    Row,
    Scope,
    Severity,
    Table,
    Unit,
)
from yusuan.render.report_html import report_html


def _disclosure() -> Disclosure:
    def cell(text: str) -> Cell:
        return Cell(text, Amount.parse(text, Unit.WAN), CellStatus.VALUE)

    table = Table(
        "expenditure",
        "2025年预算支出总表",
        Unit.WAN,
        [Column("total", "合计"), Column("basic", "基本支出"), Column("project", "项目支出")],
        [
            Row("合计", [cell("341.11"), cell("194.21"), cell("146.90")]),
            Row("事业运行", [cell("146.18"), cell("146.17"), cell("")], code="2010350"),
        ],
    )
    facts = DocumentFacts("某<单位>", 2025, Kind.BUDGET, Scope.UNIT, "shanxi", Unit.WAN)
    return Disclosure(facts, {"expenditure": table}, source_file="seed.txt")


def test_page_shows_each_finding_with_its_rows_and_sentences() -> None:
    findings = [
        Finding(
            "A102",
            Severity.ERROR,
            "合计不等于基本支出+项目支出",
            "total is not basic + project",
            (Location(table="expenditure", row="2010350 事业运行", column="合计", line=220),),
            Evidence("146.17万元", "146.18万元", "0.01万元", "0.010万元"),
            hint="核对 / check",
        ),
        Finding(
            "N102",
            Severity.WARNING,
            "占比不符",
            "share differs",
            (Location(section="expenditure", sentence="基本支出194.21万元，占65.93%"),),
        ),
    ]
    page = report_html(_disclosure(), findings, [NotEvaluated("P105", "无法读取")], {"A102": "每行合计"})
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "某&lt;单位&gt;" in page  # escaped
    assert '<td class="name">2010350 事业运行</td><td class="hit">146.18</td>' in page
    assert '<span class="sentence">基本支出194.21万元，占65.93%</span>' in page
    assert "146.17万元" in page and "每行合计" in page
    assert page.index("错误 / errors") < page.index("警告 / warnings")
    assert "P105" in page and "无法读取" in page


def test_empty_report() -> None:
    page = report_html(_disclosure(), [], [])
    assert "<td>错误 errors</td><td>0</td>" in page
