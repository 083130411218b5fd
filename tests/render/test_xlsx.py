"""XLSX read back with openpyxl: one sheet per table, merged headers, number formats, print set-up."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
from readback import assert_rows_read_back, tables_in_order

from yusuan.model import Disclosure
from yusuan.render.document import chinese_quotes


def _text(value: object, number_format: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        places = len(number_format.split(".")[1]) if "." in number_format else 0
        return f"{Decimal(repr(value)):.{places}f}"
    return str(value)


def _matrix(sheet: openpyxl.worksheet.worksheet.Worksheet) -> list[list[str]]:
    return [[_text(c.value, c.number_format) for c in row] for row in sheet.iter_rows()]


def test_one_sheet_per_table_with_every_cell(disclosure: Disclosure, rendered: dict[str, Path]) -> None:
    book = openpyxl.load_workbook(rendered["xlsx"])
    tables = tables_in_order(disclosure)
    assert book.sheetnames[: len(tables)] == [t.number for t in tables]
    compared = 0
    for table in tables:
        sheet = book[table.number]
        matrix = _matrix(sheet)
        assert matrix[1][0] == chinese_quotes(table.title)
        compared += assert_rows_read_back(table, matrix)
    assert compared == 583


def test_numbers_are_numbers_in_the_written_format(rendered: dict[str, Path]) -> None:
    sheet = openpyxl.load_workbook(rendered["xlsx"])["预算公开表3"]
    total = next(row for row in sheet.iter_rows() if row[1].value == "合计")
    assert [type(c.value) for c in total[2:]] == [float, float, float]
    assert [c.number_format for c in total[2:]] == ["#,##0.00"] * 3
    assert _text(total[4].value, total[4].number_format) == "146.90"


def test_merged_headers_and_print_set_up(rendered: dict[str, Path]) -> None:
    book = openpyxl.load_workbook(rendered["xlsx"])
    income = book["预算公开表2"]
    merged = {str(r) for r in income.merged_cells.ranges}
    assert {"A4:B4", "C4:H4", "I4:I5"} <= merged
    assert income.page_setup.paperSize == 9 and income.page_setup.orientation == "landscape"
    assert income.print_title_rows == "$4:$5"
    assert income.oddFooter.center.text == "— &P —"
    assert book["预算公开表3"].page_setup.orientation == "portrait"
    # the header rows and the label columns stay in view; the print area is the table
    assert income.freeze_panes == "C6"
    assert income.print_area == "'预算公开表2'!$A$1:$I$22"
    # rows of even height: every body row at least the standard height
    heights = [income.row_dimensions[r].height for r in range(6, 23)]
    assert all(h is not None and h >= 18 for h in heights)


def test_narrative_and_each_performance_sheet_on_its_own_tab(
    disclosure: Disclosure, rendered: dict[str, Path]
) -> None:
    book = openpyxl.load_workbook(rendered["xlsx"])
    n = len(disclosure.performance_targets)
    assert n >= 2
    tabs = [f"绩效目标表{i}" for i in range(1, n + 1)]
    chart = "一般公共预算当年拨款结构图"
    assert book.sheetnames[13:] == ["说明", "十、绩效管理情况", *tabs, "说明（续）", chart]
    section = [row[0] for row in book["十、绩效管理情况"].iter_rows(values_only=True)]
    assert section[0] == "十、绩效管理情况" and "2025年项目支出绩效目标表" not in section
    for tab, target in zip(tabs, disclosure.performance_targets, strict=True):
        sheet = book[tab]
        column = [row[0] for row in sheet.iter_rows(values_only=True)]
        # the tab begins with the sheet's title (what the reader continues the section on)
        assert column[0] == "2025年项目支出绩效目标表"
        assert column.count("2025年项目支出绩效目标表") == 1
        assert any(target.project in str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)
        assert sheet.print_area is not None and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.paperSize == 9
    rest = [row[0] for row in book["说明（续）"].iter_rows(values_only=True)]
    assert rest[0].startswith("十一、") and "第四部分 名词解释" in rest


def test_text_sheet(disclosure: Disclosure, rendered: dict[str, Path]) -> None:
    sheet = openpyxl.load_workbook(rendered["xlsx"])["说明"]
    column = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert "一、本单位职责" in column and disclosure.sections[0].text.splitlines()[0] in column


def test_chart_sheet_with_a_native_chart(rendered: dict[str, Path]) -> None:
    book = openpyxl.load_workbook(rendered["xlsx"])
    sheet = book["一般公共预算当年拨款结构图"]
    rows = [row[:2] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert rows == [
        ("一般公共服务支出", 293.07),
        ("社会保障和就业支出", 21.26),
        ("卫生健康支出", 8.42),
        ("住房保障支出", 18.36),
    ]
    with zipfile.ZipFile(rendered["xlsx"]) as archive:
        chart = archive.read("xl/charts/chart1.xml").decode("utf-8")
    # one part dominates: bars (as in the PDF), labelled with their values
    assert "<c:barChart>" in chart and "$A$3:$A$6" in chart and "$B$3:$B$6" in chart
    assert '<c:showVal val="1"/>' in chart
