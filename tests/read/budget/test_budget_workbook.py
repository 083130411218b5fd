"""The budget workbook -> Budget: template filled with openpyxl reads back; bad cells are all named."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from yusuan.model.amount import Unit
from yusuan.model.budget import Budget, Funding, LineItem, Nature, UnitType
from yusuan.model.codes import Code, CodeKind
from yusuan.read.budget import read_budget
from yusuan.read.errors import InputError
from yusuan.render.budget_template import write_budget_workbook

ROOT = Path(__file__).resolve().parents[3]


def _template(tmp_path: Path) -> Path:
    return write_budget_workbook(tmp_path / "budget.xlsx", "shanxi")


def _fill(
    path: Path, facts: dict[str, object], items: list[list[object]], **sheets: list[list[object]]
) -> Path:
    """Fill the template as a user would: facts by key, rows under the header."""
    book = openpyxl.load_workbook(path)
    ws = book["单位信息"]
    for row in range(2, ws.max_row + 1):
        key = ws.cell(row, 1).value
        if key in facts:
            ws.cell(row, 3).value = facts[key]
    for name, rows in {"预算明细": items, **sheets}.items():
        for offset, values in enumerate(rows):
            for col, value in enumerate(values, 1):
                book[name].cell(2 + offset, col).value = value
    book.save(path)
    return path


FACTS = {"unit": "测试单位", "year": 2025, "unit_type": "参公", "currency_unit": "万元"}


def test_template_filled_with_openpyxl_reads_to_the_expected_budget(tmp_path: Path) -> None:
    # the columns of 预算明细: funding functional nature economic project carryover amount
    path = _fill(
        _template(tmp_path),
        FACTS,
        [
            ["一般公共预算", 2010350, "基本支出", "30101", None, None, 75.384],
            ["一般公共预算", "2010350", "基本支出", 30201, None, None, "4.90"],
            ["政府性基金预算", "2120801", "项目支出", "30214", "房租", None, 120],
            ["单位资金", "2010350", "basic", "30201", None, "是", "0.000001"],
        ],
        项目=[["房租", "其他运转类"]],
    )
    budget = read_budget(path)
    general, fund, own = Funding.GENERAL, Funding.FUND, Funding.UNIT_FUNDS
    basic, project = Nature.BASIC, Nature.PROJECT

    def econ(digits: str) -> Code:
        return Code(digits, CodeKind.ECONOMIC)

    expected_items = [
        LineItem(general, Code("2010350"), basic, econ("30101"), Decimal("753840.00")),
        LineItem(general, Code("2010350"), basic, econ("30201"), Decimal("49000.00")),
        LineItem(fund, Code("2120801"), project, econ("30214"), Decimal("1200000.00"), "房租"),
        LineItem(own, Code("2010350"), basic, econ("30201"), Decimal("0.01"), carryover=True),
    ]
    assert budget.items == expected_items
    assert (budget.unit, budget.year, budget.unit_type, budget.entry_unit) == (
        "测试单位",
        2025,
        UnitType.CIVIL_SERVICE_MANAGED,
        Unit.WAN,
    )
    assert [p.name for p in budget.projects] == ["房租"] and budget.projects[0].category == "其他运转类"


def test_example_workbook_equals_example_yaml() -> None:
    """The two example files in examples/ hold the same budget (they cannot drift apart)."""
    from_xlsx = read_budget(ROOT / "examples" / "shuozhou-2025-budget.xlsx")
    from_yaml = read_budget(ROOT / "examples" / "shuozhou-2025-budget.yaml")
    assert from_xlsx == from_yaml
    assert len(from_xlsx.items) == 17


def test_budget_to_workbook_and_back_is_the_same_budget(tmp_path: Path) -> None:
    budget = read_budget(ROOT / "examples" / "shuozhou-2025-budget.yaml")
    path = write_budget_workbook(tmp_path / "again.xlsx", budget=budget)
    assert read_budget(path) == budget


def _problem(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_budget(path)
    return info.value.problem


def test_every_bad_cell_is_named(tmp_path: Path) -> None:
    # columns: funding functional nature economic project carryover amount
    rows: list[list[object]] = [
        ["一般公共预算", "2010x", "基本支出", "30101", None, None, 1],
        ["一般公共预算", "2010350", "基本", "30101", None, None, 75.3840001],
        ["一般公共预算", "2010350", "基本支出", "3010", None, "也许", "abc"],
        ["一般公共预算", "9999999", "基本支出", "39999", None, None, 1],  # unknown but well shaped: accepted
        ["一般公共预算", "2010350", "基本支出", "30101", "某项目", None, 2],
    ]
    path = _fill(_template(tmp_path), FACTS, rows)
    problem = _problem(path)
    assert (
        "预算明细!B2: 功能科目编码 2010x 不是7位数字 / functional 2010x is not a code of 7 digits" in problem
    )
    assert "预算明细!C3: 支出类型“基本”应为基本支出、项目支出之一" in problem
    assert "预算明细!G3: 金额 75.3840001 有7位小数：以万元计最多6位（精确到分）" in problem
    assert "预算明细!D4: 经济科目编码 3010 不是5位数字" in problem
    assert "预算明细!F4: 上年结转应填“是”或留空" in problem
    assert "预算明细!G4: 金额 'abc' 不是金额" in problem
    assert "预算明细!E6: 基本支出不写项目名称（写了“某项目”）" in problem
    assert "9999999" not in problem and "39999" not in problem
    assert problem.startswith("发现 7 处错误")


def test_yuan_workbook_refuses_a_third_decimal(tmp_path: Path) -> None:
    facts = {**FACTS, "currency_unit": "元"}
    path = _fill(
        _template(tmp_path), facts, [["一般公共预算", "2010350", "基本支出", "30101", None, None, 100.005]]
    )
    assert "预算明细!G2: 金额 100.005 有3位小数：以元计最多2位" in _problem(path)


def test_money_as_text_with_thousands_separators(tmp_path: Path) -> None:
    facts = {**FACTS, "currency_unit": "元"}
    path = _fill(
        _template(tmp_path),
        facts,
        [["一般公共预算", "2010350", "基本支出", "30101", None, None, "1,200,000.50"]],
    )
    assert read_budget(path).items[0].amount_yuan == Decimal("1200000.50")


def test_missing_currency_unit_is_said_once(tmp_path: Path) -> None:
    facts = {**FACTS, "currency_unit": None}  # the template fills in the profile's unit; the user clears it
    path = _fill(
        _template(tmp_path), facts, [["一般公共预算", "2010350", "基本支出", "30101", None, None, 1]]
    )
    problem = _problem(path)
    assert "单位信息!C5: 缺少金额单位" in problem and problem.startswith("发现 1 处错误")


def test_errors_beyond_the_limit_are_counted_not_dropped(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["一般公共预算", "bad", "基本支出", "30101", None, None, 1] for _ in range(60)
    ]
    problem = _problem(_fill(_template(tmp_path), FACTS, rows))
    assert problem.startswith("发现 60 处错误") and "另有 10 处未列出" in problem


def test_renamed_header_is_reported(tmp_path: Path) -> None:
    path = _template(tmp_path)
    book = openpyxl.load_workbook(path)
    book["预算明细"]["G1"] = "钱"
    book.save(path)
    assert "预算明细!1:1: 表头缺少“金额”列" in _problem(path)


# ---- hostile and wrong files -------------------------------------------------------------------


def test_zip_bomb_named_xlsx_is_refused_before_parsing(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))  # inflates 1000 : 1
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(buffer.getvalue())
    problem = _problem(path)
    assert "压缩炸弹" in problem and "zip bomb" in problem


def test_text_named_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    path.write_text("单位,金额\n测试,1\n", encoding="utf-8")
    assert "不是 Excel 工作簿" in _problem(path)


def test_word_document_named_xlsx_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    path = tmp_path / "budget.xlsx"
    path.write_bytes(buffer.getvalue())
    assert "没有工作簿" in _problem(path)


def test_truncated_workbook_is_refused(tmp_path: Path) -> None:
    data = _template(tmp_path).read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    problem = _problem(path)
    assert "损坏" in problem or "无法打开" in problem


def test_damaged_workbook_xml_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook><sheets><sheet")
    path = tmp_path / "bad.xlsx"
    path.write_bytes(buffer.getvalue())
    assert "无法打开工作簿" in _problem(path)


@pytest.mark.parametrize("name", ["missing.xlsx", "budget.csv"])
def test_missing_file_or_wrong_suffix(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith(".csv"):
        path.write_text("a,b\n", encoding="utf-8")
    problem = _problem(path)
    assert "不存在" in problem or ".xlsx" in problem


def test_a_budget_instance_is_what_the_reader_returns(tmp_path: Path) -> None:
    path = _fill(
        _template(tmp_path), FACTS, [["一般公共预算", "2010350", "基本支出", "30101", None, None, 1]]
    )
    assert isinstance(read_budget(path), Budget)


def test_a_sheet_claiming_all_excel_columns_is_read_quickly(tmp_path: Path) -> None:
    path = _fill(
        _template(tmp_path), FACTS, [["一般公共预算", "2010350", "基本支出", "30101", None, None, 1]]
    )
    book = openpyxl.load_workbook(path)
    book["预算明细"].cell(3, 16384).value = "far away"  # the sheet's dimension becomes A1:XFD3
    book.save(path)
    assert read_budget(path).items[0].amount_yuan == Decimal("10000.00")
