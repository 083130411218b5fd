"""The HTML check report: model findings in, one page out, with the rows and sentences involved."""

from __future__ import annotations

import re

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
    families = {"A102": "算术 / arithmetic", "N102": "说明 / narrative"}
    page = report_html(
        _disclosure(), findings, [NotEvaluated("P105", "无法读取")], {"A102": "每行合计"}, families
    )
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


def test_places_in_the_documents_words_and_amounts_separated() -> None:
    disclosure = _disclosure()
    finding = Finding(
        "A101",
        Severity.ERROR,
        "合计不符",
        "total differs",
        (
            Location(table="expenditure", row="合计", column="合计", page=3),
            Location(section="budget_explanation"),
        ),
        Evidence("31214205.80元", "-1234567元", "0.01元", "0.5元"),
    )
    page = report_html(disclosure, [finding], [], {}, {"A101": "算术 / arithmetic"})
    where = re.findall(r'<div class="where">([^<]*)</div>', page)
    # the table's printed title, not its id; an id the document lacks gets the profile's heading
    assert where[0] == "2025年预算支出总表 · 合计 · 合计 · 第3页"
    assert "budget_explanation" not in page and "expenditure ·" not in page
    assert where[1] == "预算编制说明"  # the heading templates print for that section
    assert "<td>31,214,205.80元</td><td>-1,234,567元</td><td>0.01元</td>" in page
    assert '<td class="hit">341.11</td>' in page  # an amount under a thousand stays as printed


def test_index_counts_by_family_and_severity_with_filters() -> None:
    findings = [
        Finding("A101", Severity.ERROR, "一", "one"),
        Finding("A102", Severity.ERROR, "二", "two"),
        Finding("N101", Severity.WARNING, "三", "three"),
        Finding("N102", Severity.INFO, "四", "four"),
    ]
    families = {"A101": "算术 / arithmetic", "A102": "算术 / arithmetic", "N101": "说明 / narrative"}
    page = report_html(_disclosure(), findings, [], {}, families)
    index = page[
        page.index('<table class="index">') : page.index("</table>", page.index('<table class="index">'))
    ]
    rows = re.findall(r'<tr><td class="name">([^<]*)</td>(.*?)</tr>', index)
    counts = {name: re.findall(r">(\d+)<", cells) for name, cells in rows}
    assert counts == {
        "算术 / arithmetic": ["2", "0", "0"],
        "说明 / narrative": ["0", "1", "0"],
        "其他 / other": ["0", "0", "1"],
    }
    # each finding carries what the filters hide it by; a box per severity and per family
    assert page.count('data-severity="error" data-family="算术 / arithmetic"') == 2
    assert len(re.findall(r'<input type="checkbox" value="[^"]+" checked>', page)) == 3 + 3
    assert "<script>" in page and 'id="warning"' in page
