"""The empty budget workbook explains itself: every sheet, bilingual headers, comments, drop-downs."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from yusuan import cli
from yusuan.read.budget import layout as L
from yusuan.render.budget_template import write_budget_workbook


@pytest.fixture
def template(tmp_path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(write_budget_workbook(tmp_path / "t.xlsx", "shanxi"))


def test_every_sheet_with_its_headers_and_comments(template: openpyxl.Workbook) -> None:
    assert template.sheetnames == [L.INSTRUCTIONS_SHEET, *(s.name for s in L.SHEETS), "科目代码表"]
    for sheet in L.SHEETS:
        ws = template[sheet.name]
        if sheet.form is L.SheetForm.TABLE:
            headers = [ws.cell(1, col + 1).value for col in range(len(sheet.fields))]
            assert headers == [f"{f.zh}\n{f.key}" for f in sheet.fields]
            assert all(ws.cell(1, col + 1).comment is not None for col in range(len(sheet.fields)))
            assert ws.max_row == 1  # no example row stands among the data
        else:
            keys = [ws.cell(row, 1).value for row in range(2, len(sheet.fields) + 2)]
            assert keys == [f.key for f in sheet.fields]


def test_facts_state_the_profile_unit(template: openpyxl.Workbook) -> None:
    ws = template["单位信息"]
    values = {ws.cell(row, 1).value: ws.cell(row, 3).value for row in range(2, ws.max_row + 1)}
    assert values["currency_unit"] == "万元" and values["profile"] == "shanxi"
    assert values["unit"] is None


def test_choices_are_drop_down_lists_and_codes_come_from_the_code_list(template: openpyxl.Workbook) -> None:
    ws = template["预算明细"]
    rules = {(v.type, str(v.formula1)) for v in ws.data_validations.dataValidation}
    assert ("list", '"一般公共预算,政府性基金预算,国有资本经营预算,财政专户管理资金,单位资金"') in rules
    assert ("list", '"基本支出,项目支出"') in rules
    # 科目 columns: drop-downs over the code list's sheet (项 for functional, 款 for economic)
    codes = template["科目代码表"]
    functional = [row[0] for row in codes.iter_rows(min_row=2, values_only=True) if row[0]]
    economic = [row[2] for row in codes.iter_rows(min_row=2, values_only=True) if row[2]]
    assert "2010350" in functional and all(len(c) == 7 for c in functional)
    assert "30201" in economic and all(len(c) == 5 for c in economic)
    assert ("list", f"'科目代码表'!$A$2:$A${len(functional) + 1}") in rules
    assert ("list", f"'科目代码表'!$C$2:$C${len(economic) + 1}") in rules
    names = {row[0]: row[1] for row in codes.iter_rows(min_row=2, values_only=True) if row[0]}
    assert names["2010350"] == "事业运行"
    assert ("decimal", "0") in rules
    facts = template["单位信息"]
    assert ("list", '"行政,参公,事业"') in {
        (v.type, str(v.formula1)) for v in facts.data_validations.dataValidation
    }


def test_instructions_sheet_lists_every_input_sheet(template: openpyxl.Workbook) -> None:
    ws = template[L.INSTRUCTIONS_SHEET]
    listed = {ws.cell(row, 1).value for row in range(1, ws.max_row + 1)}
    assert {s.name for s in L.SHEETS} <= listed


def test_cli_template_writes_both_formats_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xlsx, yml = tmp_path / "budget.xlsx", tmp_path / "budget.yaml"
    assert cli.main(["template", "--profile", "shanxi", "-o", str(xlsx)]) == 0
    assert cli.main(["template", "--format", "yaml", "-o", str(yml)]) == 0
    assert openpyxl.load_workbook(xlsx).sheetnames[1] == "单位信息"
    assert "currency_unit: 万元" in yml.read_text(encoding="utf-8")
    assert cli.main(["template", "-o", str(xlsx)]) == 2
    assert "文件已存在" in capsys.readouterr().err
    assert cli.main(["template", "-o", str(xlsx), "--force"]) == 0
    assert cli.main(["template", "--profile", "nowhere", "-o", str(tmp_path / "x.xlsx")]) == 2
    assert "没有模板 'nowhere'" in capsys.readouterr().err
