"""A disclosure read from a template without form data (or no profile) still renders every cell."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl

from yusuan.model import (
    Amount,
    Cell,
    CellStatus,
    Column,
    Disclosure,
    DocumentFacts,
    Kind,
    Row,
    Scope,
    Table,
    Unit,
)
from yusuan.render.document import build_document
from yusuan.render.files import render_files


def _cell(text: str) -> Cell:
    amount = Amount.parse(text, Unit.YUAN)
    return Cell(text, amount, CellStatus.VALUE if amount is not None else CellStatus.BLANK)


def _published() -> Disclosure:
    coded = Table(
        id="expenditure",
        title="2025年支出预算表",
        unit=Unit.YUAN,
        columns=[Column("total", "合计"), Column("basic", "基本支出")],
        rows=[
            Row("合计", [_cell("1,200,000"), _cell("")]),
            Row("一般公共服务支出", [_cell("1,200,000"), _cell("")], code="201"),
        ],
        number="表3",
        unit_name="上海市某某局",
    )
    side = Table(
        id="overview",
        title="2025年财务收支预算总表",
        unit=Unit.YUAN,
        columns=[Column("income_amount", "预算数", "income"), Column("total", "预算数", "expenditure")],
        rows=[
            Row("一、财政拨款", [_cell("1,200,000"), _cell("")], side="income"),
            Row("一、一般公共服务支出", [_cell(""), _cell("1,200,000")], side="expenditure"),
        ],
        number="表1",
    )
    facts = DocumentFacts(
        "上海市某某局", 2025, Kind.BUDGET, Scope.DEPARTMENT, "nowhere", Unit.YUAN, "某某局预算"
    )
    return Disclosure(facts=facts, tables={"overview": side, "expenditure": coded})


def test_generic_layout_keeps_codes_sides_and_cells(tmp_path: Path) -> None:
    disclosure = _published()
    doc = build_document(disclosure)
    blocks = doc.tables()
    assert [b.number for b in blocks] == ["表1", "表3"]
    overview, expenditure = blocks
    assert [c.text for c in overview.grid.body[0]] == [
        "一、财政拨款",
        "1,200,000",
        "一、一般公共服务支出",
        "1,200,000",
    ]
    assert [c.text for c in expenditure.grid.header[0]] == ["科目编码", "科目名称", "合计", "基本支出"]
    assert [c.text for c in expenditure.grid.body[1]] == ["201", "一般公共服务支出", "1,200,000", ""]
    paths = {p.suffix: p for p in render_files(disclosure, tmp_path, "published")}
    assert "1,200,000" in paths[".html"].read_text(encoding="utf-8")
    table = docx.Document(str(paths[".docx"])).tables[1]
    assert [c.text for c in table.rows[2].cells] == ["201", "一般公共服务支出", "1,200,000", ""]
    sheet = openpyxl.load_workbook(paths[".xlsx"])["表3"]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "201")
    assert row[:3] == ("201", "一般公共服务支出", 1200000) and sheet.cell(5, 3).number_format == "#,##0"
