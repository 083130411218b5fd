"""Worksheets -> Lines: the area holding values, merged cells, several tables, hidden sheets."""

from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl

from yusuan.read.limits import DEFAULT_LIMITS
from yusuan.read.xlsx import read_xlsx, workbook_lines


def _book(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "表1 支出总表"
    sheet["B2"] = "2025年预算支出总表"
    sheet.merge_cells("B2:E2")
    sheet["B3"], sheet["C3"], sheet["D3"] = "科目编码", "科目名称", "2025年预算数"
    sheet.merge_cells("B3:B4")
    sheet.merge_cells("C3:C4")
    sheet.merge_cells("D3:E3")
    sheet["D4"], sheet["E4"] = "合计", "基本支出"
    sheet["B5"], sheet["C5"], sheet["D5"], sheet["E5"] = "201", "一般公共服务支出", 293.07, 146.17
    sheet["D5"].number_format = sheet["E5"].number_format = "#,##0.00"
    sheet["B7"] = "2025年预算收入总表"  # a second table on the same sheet
    sheet["B8"], sheet["C8"] = "合计", 341.1
    sheet["C8"].number_format = "0.00"
    sheet["G40"].number_format = "0.00"  # formatting alone does not widen the sheet
    hidden = book.create_sheet("草稿")
    hidden["A1"] = "不公开"
    hidden.sheet_state = "hidden"
    other = book.create_sheet("O'Neil")
    other["A1"] = datetime.datetime(2025, 3, 9)
    path = tmp_path / "t.xlsx"
    book.save(path)
    return path


def test_lines_of_the_area_holding_values(tmp_path: Path) -> None:
    path = _book(tmp_path)
    lines, problems, title = workbook_lines(str(path), path.read_bytes(), DEFAULT_LIMITS)
    assert title is None
    assert [line.cells for line in lines] == [
        ("2025年预算支出总表", "", "", ""),
        ("科目编码", "科目名称", "2025年预算数", ""),
        ("", "", "合计", "基本支出"),
        ("201", "一般公共服务支出", "293.07", "146.17"),
        ("", "", "", ""),
        ("2025年预算收入总表", "", "", ""),
        ("合计", "341.10", "", ""),
        (),  # the sheet ends: a hard boundary
        ("2025-03-09",),
        (),
    ]
    first = lines[3].source
    assert (first.file, first.page, first.line) == (str(path), 1, 5)
    assert first.locator == "'表1 支出总表'!B5:E5"
    assert lines[8].source.page == 3 and lines[8].source.locator == "'O''Neil'!A1:A1"
    assert [(p.text, p.source.page if p.source else None) for p in problems] == [("草稿", 2)]
    assert "hidden" in problems[0].what


def test_a_table_does_not_run_on_into_the_next_sheet(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    titles = ["2025年预算收支总表", "2025年预算收入总表", "2025年预算支出总表"]
    for index, title in enumerate(titles):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = f"预算公开表{index + 1}"
        if index == 0:
            sheet.append(["第二部分 2025年单位预算报表"])
        sheet.append([title])
        sheet.append(["科目编码", "科目名称", "合计", "基本支出", "项目支出"])
        sheet.append(["201", "一般公共服务支出", 293.07, 146.17, 146.9])
    other = book.create_sheet("performance4")
    other.append(["项目名称", "24小时服务大厅免费服务费"])
    other.append(["期间", "一级指标", "二级指标", "三级指标", "指标值"])
    path = tmp_path / "sheets.xlsx"
    book.save(path)
    disclosure = read_xlsx(str(path), path.read_bytes())
    assert [row.name for row in disclosure.tables["expenditure"].rows] == ["一般公共服务支出"]
    assert disclosure.tables["expenditure"].rows[0].cells[2].text == "146.9"  # General: as Excel shows it
    orphans = [p for p in disclosure.problems if p.source and p.source.page == 4]
    assert [p.text for p in orphans] == [  # reported as text outside every table, not read as rows
        "项目名称\t24小时服务大厅免费服务费",
        "期间\t一级指标\t二级指标\t三级指标\t指标值",
    ]


def test_unit_name_and_unit_side_by_side_in_one_row(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["第二部分 2025年单位预算报表"])
    for title in ["2025年预算收支总表", "2025年预算收入总表", "2025年预算支出总表"]:
        sheet.append([title])
        sheet.append(["单位名称：朔州市朔城区数字政府服务中心", None, None, "单位：元"])
        sheet.append(["科目编码", "科目名称", "合计", "基本支出"])
        sheet.append(["201", "一般公共服务支出", 2930700, 1461700])
    path = tmp_path / "units.xlsx"
    book.save(path)
    table = read_xlsx(str(path), path.read_bytes()).tables["expenditure"]
    assert (table.unit_name, table.unit.value) == ("朔州市朔城区数字政府服务中心", "元")
    amount = table.rows[0].cells[0].amount
    assert amount is not None and (str(amount.value), amount.unit.value) == ("2930700", "元")


def test_hidden_rows_and_columns_are_not_read_but_named(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["科目编码", "内部编号", "科目名称", "合计"])
    sheet.append(["201", "X-17", "一般公共服务支出", 293.07])
    sheet.append(["草稿", "", "不公开", 1.0])
    sheet.column_dimensions["B"].hidden = True
    sheet.row_dimensions[3].hidden = True
    path = tmp_path / "hidden.xlsx"
    book.save(path)
    lines, problems, _ = workbook_lines(str(path), path.read_bytes(), DEFAULT_LIMITS)
    assert [line.cells for line in lines] == [
        ("科目编码", "科目名称", "合计"),
        ("201", "一般公共服务支出", "293.07"),
        (),
    ]
    assert [p.text for p in problems] == ["列B、行3"]
