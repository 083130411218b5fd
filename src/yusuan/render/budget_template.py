"""The budget workbook: empty and self-explaining (`yusuan template`), or filled from a Budget.

Sheets, headers and rules come from read.budget.layout, the same description the reader uses.
Each header says its field in Chinese and its key in English, with a comment explaining what
to write and an example; choices are drop-down lists; amounts are validated as typed. 科目
columns are drop-down lists of the code list (data/codes, the budget's year or the latest):
the last sheet, 科目代码表, lists every code with its official name, and a code not in it is
refused as typed. No example row is written as data: what the sheet holds is exactly what the
user entered.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from yusuan.model.budget import Budget
from yusuan.model.codes import CodeKind
from yusuan.read.budget import layout as L
from yusuan.reference.codes import CodeList, load_code_list
from yusuan.reference.profiles import load_profile
from yusuan.render.budget_yaml import budget_rows

VALIDATED_ROWS = 2000  # data validation reaches this far down each table sheet
CODES_SHEET = "科目代码表"
# the code list's columns on CODES_SHEET: (field kind, code kind, code length or None for all)
_CODE_COLUMNS = (
    (L.FieldKind.FUNCTIONAL, CodeKind.FUNCTIONAL, 7, "功能分类科目（项）\nfunctional (项)"),
    (L.FieldKind.ECONOMIC, CodeKind.ECONOMIC, 5, "经济分类科目（款）\neconomic (款)"),
    (L.FieldKind.CODE, None, None, "全部科目（类、款、项）\nevery code"),
)
_WIDTH = {L.FieldKind.TEXT: 28, L.FieldKind.MONEY: 14, L.FieldKind.CHOICE: 16}


def write_budget_workbook(path: str | Path, profile_id: str = "shanxi", budget: Budget | None = None) -> Path:
    """Write the workbook; empty (the template) when ``budget`` is None."""
    path = Path(path)
    profile = load_profile(profile_id if budget is None else budget.profile)
    rows = budget_rows(budget) if budget is not None else {}
    prefill = {"currency_unit": profile.currency_unit.value, "profile": profile.id}
    codes = load_code_list(budget.year if budget is not None else None)
    book = xlsxwriter.Workbook(str(path))
    try:
        styles = _styles(book)
        ranges = _code_ranges(codes)
        _instructions(book.add_worksheet(L.INSTRUCTIONS_SHEET), styles, profile.name)
        for sheet in L.SHEETS:
            ws = book.add_worksheet(sheet.name)
            ws.set_landscape()
            ws.fit_to_pages(1, 0)  # printed: one page wide
            given = rows.get(sheet.key, [])
            if sheet.form is L.SheetForm.PAIRS:
                values = given[0] if given else (prefill if sheet is L.FACTS else {})
                _pairs(ws, sheet, values, styles, ranges)
            else:
                _table(ws, sheet, given, styles, ranges)
        _code_sheet(book.add_worksheet(CODES_SHEET), codes, styles)
    finally:
        book.close()
    return path


def _styles(book: Any) -> dict[str, Any]:
    return {
        "header": book.add_format(
            {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7", "border": 1}
        ),
        "key": book.add_format({"font_color": "#808080", "valign": "top"}),
        "help": book.add_format(
            {"font_color": "#808080", "italic": True, "text_wrap": True, "valign": "top"}
        ),
        "text": book.add_format({"num_format": "@", "text_wrap": True, "valign": "top"}),
        "money": book.add_format({"num_format": "#,##0.00####", "valign": "top"}),
        "title": book.add_format({"bold": True, "font_size": 14}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
    }


def _instructions(ws: Worksheet, styles: dict[str, Any], profile_name: str) -> None:
    ws.set_column(0, 0, 22)
    ws.set_column(1, 1, 90)
    ws.write(0, 0, "yusuan 预算录入工作簿 / budget input workbook", styles["title"])
    lines = [
        ("用途", "填好本工作簿后，yusuan 据此生成整套预算公开文件（各表、情况说明、绩效目标表）。"),
        ("地区模板", profile_name),
        (
            "金额单位",
            "在“单位信息”中选择元或万元，全部金额都用这个单位；元最多2位小数，万元最多6位（精确到分）。",
        ),
        (
            "表头",
            "每列表头第一行是中文名，第二行是英文键（与 YAML 格式相同）；把鼠标停在表头上可看说明和示例。",
        ),
        ("下拉选项", "资金来源、支出类型、单位类型等请从下拉列表中选择。"),
        ("科目编码", "功能科目填7位（项），经济科目填5位（款）；科目名称在“科目名称”表中填写。"),
        ("错误提示", "读入时会列出所有有误的单元格，如“预算明细!G12: …”，逐一改正即可。"),
        (
            "English",
            "Fill the sheets below; each header holds the Chinese name and the English key. "
            "Amounts are in the unit chosen on the facts sheet (元: ≤2 decimals, 万元: ≤6).",
        ),
    ]
    for row, (label, text) in enumerate(lines, 2):
        ws.write(row, 0, label, styles["header"])
        ws.write(row, 1, text, styles["wrap"])
    row = len(lines) + 3
    ws.write(row, 0, "工作表 / sheet", styles["header"])
    ws.write(row, 1, "内容 / what it holds", styles["header"])
    for offset, sheet in enumerate(L.SHEETS, 1):
        ws.write(row + offset, 0, sheet.name, styles["wrap"])
        ws.write(row + offset, 1, sheet.help, styles["wrap"])


def _comment(f: L.Field) -> str:
    parts = [f"{f.zh}（{f.key}）" + ("，必填" if f.required else "")]
    if f.help:
        parts.append(f.help)
    if f.choices:
        parts.append("可选：" + "、".join(label for label, _ in f.choices))
    if f.example:
        parts.append(f"例：{f.example}")
    return "\n".join(parts)


def _listed(codes: CodeList, kind: CodeKind | None, length: int | None) -> list[tuple[str, str]]:
    kinds = [kind] if kind is not None else [CodeKind.FUNCTIONAL, CodeKind.ECONOMIC]
    pairs = [(c, n) for k in kinds for c, n in sorted(codes.names.get(k, {}).items())]
    return [(c, n) for c, n in pairs if length is None or len(c) == length]


def _code_ranges(codes: CodeList) -> dict[L.FieldKind, tuple[str, int]]:
    """Each 科目 field kind -> (the range of CODES_SHEET listing its codes, the code list year)."""
    ranges = {}
    for index, (field_kind, kind, length, _title) in enumerate(_CODE_COLUMNS):
        count = len(_listed(codes, kind, length))
        if count and codes.year is not None:
            column = chr(ord("A") + 2 * index)
            ranges[field_kind] = (f"='{CODES_SHEET}'!${column}$2:${column}${count + 1}", codes.year)
    return ranges


def _code_sheet(ws: Worksheet, codes: CodeList, styles: dict[str, Any]) -> None:
    """Every code of the list with its official name: the drop-downs' source and a lookup."""
    for index, (_field_kind, kind, length, title) in enumerate(_CODE_COLUMNS):
        col = 2 * index
        ws.write_string(0, col, title, styles["header"])
        ws.write_string(0, col + 1, f"名称（{codes.year}年科目表）\nname", styles["header"])
        ws.set_column(col, col, 12, styles["text"])
        ws.set_column(col + 1, col + 1, 34)
        for row, (code, name) in enumerate(_listed(codes, kind, length), start=1):
            ws.write_string(row, col, code, styles["text"])
            ws.write_string(row, col + 1, name)
    ws.set_row(0, 32)
    ws.freeze_panes(1, 0)


def _validate(
    ws: Worksheet, f: L.Field, first: int, last: int, col: int, ranges: dict[L.FieldKind, tuple[str, int]]
) -> None:
    if f.choices:
        labels = [label for label, _ in f.choices]
        ws.data_validation(first, col, last, col, {"validate": "list", "source": labels})
    elif f.kind in ranges:
        source, year = ranges[f.kind]
        ws.data_validation(
            first,
            col,
            last,
            col,
            {
                "validate": "list",
                "source": source,
                "error_title": "科目编码 / code",
                "error_message": f"不在{year}年科目表中（见“{CODES_SHEET}”）/ not in the {year} code list",
            },
        )
    elif f.kind in (L.FieldKind.FUNCTIONAL, L.FieldKind.ECONOMIC):
        digits = 7 if f.kind is L.FieldKind.FUNCTIONAL else 5
        ws.data_validation(
            first,
            col,
            last,
            col,
            {
                "validate": "length",
                "criteria": "==",
                "value": digits,
                "error_title": "科目编码 / code",
                "error_message": f"应为{digits}位数字 / {digits} digits",
            },
        )
    elif f.kind is L.FieldKind.MONEY:
        ws.data_validation(
            first,
            col,
            last,
            col,
            {
                "validate": "decimal",
                "criteria": ">=",
                "value": 0,
                "error_title": "金额 / amount",
                "error_message": "应为不小于0的数 / a number ≥ 0",
            },
        )


def _write_value(ws: Worksheet, row: int, col: int, f: L.Field, value: str, styles: dict[str, Any]) -> None:
    if value == "":
        return
    if f.kind is L.FieldKind.MONEY:
        number = float(value)
        if Decimal(repr(number)) == Decimal(value):  # exact as a number: write a number
            ws.write_number(row, col, number, styles["money"])
            return
    if f.kind in (L.FieldKind.INT, L.FieldKind.DECIMAL):
        ws.write_number(row, col, float(value))
        return
    ws.write_string(row, col, value, styles["text"])


def _pairs(
    ws: Worksheet,
    sheet: L.SheetSpec,
    values: dict[str, str],
    styles: dict[str, Any],
    ranges: dict[L.FieldKind, tuple[str, int]],
) -> None:
    for col, (head, width) in enumerate(
        (("字段\nkey", 22), ("名称\nitem", 30), ("值\nvalue", 40), ("说明\nhelp", 60))
    ):
        ws.write(0, col, head, styles["header"])
        ws.set_column(col, col, width)
    ws.freeze_panes(1, 0)
    for row, f in enumerate(sheet.fields, 1):
        ws.write_string(row, 0, f.key, styles["key"])
        ws.write_string(row, 1, f.zh + ("（必填）" if f.required else ""), styles["wrap"])
        _write_value(ws, row, 2, f, values.get(f.key, ""), styles)
        ws.write_string(row, 3, _comment(f).replace("\n", "；"), styles["help"])
        _validate(ws, f, row, row, 2, ranges)


def _table(
    ws: Worksheet,
    sheet: L.SheetSpec,
    rows: list[dict[str, str]],
    styles: dict[str, Any],
    ranges: dict[L.FieldKind, tuple[str, int]],
) -> None:
    for col, f in enumerate(sheet.fields):
        ws.write_string(0, col, f.header, styles["header"])
        ws.write_comment(0, col, _comment(f), {"x_scale": 2.5, "y_scale": 2})
        ws.set_column(
            col, col, _WIDTH.get(f.kind, 14), styles["text"] if f.kind is not L.FieldKind.MONEY else None
        )
        _validate(ws, f, 1, VALIDATED_ROWS, col, ranges)
    ws.set_row(0, 32)
    ws.freeze_panes(1, 0)
    for row, values in enumerate(rows, 1):
        for col, f in enumerate(sheet.fields):
            _write_value(ws, row, col, f, values.get(f.key, ""), styles)
