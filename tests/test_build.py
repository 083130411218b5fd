"""`yusuan build`: the example budget becomes the complete disclosure in every format, gated by
the checker; the files read back to the same tables and the same narrative."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import openpyxl
import pdfplumber
import pytest
import yaml
from readback import assert_rows_read_back, parse_html_tables, tables_in_order

from yusuan import api
from yusuan.cli import main
from yusuan.model import Severity

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "shuozhou-2025-budget.xlsx"
EXAMPLE_YAML = ROOT / "examples" / "shuozhou-2025-budget.yaml"
# every amount cell of the 13 tables (the counts the render tests use for the same seed figures)
CELLS = 583


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> api.Built:
    return api.build(EXAMPLE, tmp_path_factory.mktemp("built"))


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_example_builds_without_an_error(built: api.Built) -> None:
    errors = [(f.rule, f.message) for f in built.report.findings if f.severity is Severity.ERROR]
    assert errors == []
    assert sorted(p.suffix for p in built.written) == [".docx", ".html", ".json", ".pdf", ".xlsx"]
    assert all(p.stat().st_size > 1000 for p in built.written)
    assert [s.id for s in built.disclosure.sections] == [
        "duties", "structure", "changes", "income", "expenditure", "fiscal", "general_expenditure",
        "general_basic", "three_public", "admin_running", "procurement", "performance", "assets", "other",
    ]  # fmt: skip
    assert len(built.disclosure.performance_targets) == 4


def _written(built: api.Built, suffix: str) -> Path:
    return next(p for p in built.written if p.suffix == suffix)


def test_xlsx_reads_back_to_the_same_tables(built: api.Built) -> None:
    book = openpyxl.load_workbook(_written(built, ".xlsx"))
    compared = 0
    for table in tables_in_order(built.disclosure):
        sheet = book[table.number]
        matrix = [
            [
                ""
                if c.value is None
                else (f"{c.value:.2f}" if isinstance(c.value, (int, float)) else str(c.value))
                for c in row
            ]
            for row in sheet.iter_rows()
        ]
        compared += assert_rows_read_back(table, matrix)
    assert compared == CELLS


def test_docx_reads_back_to_the_same_tables(built: api.Built) -> None:
    document = docx.Document(str(_written(built, ".docx")))
    compared = 0
    for table, found in zip(tables_in_order(built.disclosure), document.tables, strict=False):
        matrix = [[cell.text for cell in row.cells] for row in found.rows]
        compared += assert_rows_read_back(table, matrix)
    assert compared == CELLS
    text = _flat("".join(p.text for p in document.paragraphs))
    for section in built.disclosure.sections:
        assert _flat(section.text.replace("\n", "")) in text, section.id


def test_html_reads_back_to_the_same_tables(built: api.Built) -> None:
    parsed = parse_html_tables(_written(built, ".html").read_text("utf-8"))
    compared = 0
    named = [t for t in parsed.tables if t["labelled_by"]]  # the 目录 is a table that names none
    for table, found in zip(tables_in_order(built.disclosure), named, strict=False):
        matrix = [*found["head"], *found["body"]]  # type: ignore[misc]
        compared += assert_rows_read_back(table, matrix)
    assert compared == CELLS


def test_pdf_text_holds_every_sentence_and_every_row(built: api.Built) -> None:
    with pdfplumber.open(_written(built, ".pdf")) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    text = re.sub(r"—\d+—", "", _flat("".join(pages)))  # page numbers break a text across pages
    assert "(cid:" not in text and "\ufffd" not in text
    for section in built.disclosure.sections:
        assert _flat(section.text) in text, f"section {section.id} not in the PDF text"
    lines = [line.split() for page in pages for line in page.splitlines()]
    rows = 0
    for table in built.disclosure.tables.values():
        for row in table.rows:
            amounts = [c.text for c in row.cells if c.text]
            if amounts:
                assert any(t[i : i + len(amounts)] == amounts for t in lines for i in range(len(t))), row.name
                rows += 1
    assert rows == 90


def test_json_is_the_contract(built: api.Built) -> None:
    data = json.loads(_written(built, ".json").read_text("utf-8"))
    assert data["unit"] == "朔州市朔城区数字政府服务中心"
    assert len(data["sections"]) == 14


# ---- refusals ----------------------------------------------------------------------------


def _example_with(tmp_path: Path, change: object) -> Path:
    raw = yaml.safe_load(EXAMPLE_YAML.read_text("utf-8"))
    change(raw)  # type: ignore[operator]
    path = tmp_path / "budget.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _drop_targets(raw: dict[str, object]) -> None:
    project = raw["projects"][3]  # type: ignore[index]
    project.pop("indicators")
    project.pop("goal_implementation")
    project.pop("goal_annual")


def test_a_project_without_a_target_is_refused_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _example_with(tmp_path, _drop_targets)
    out = tmp_path / "out"
    assert main(["build", str(source), "-o", str(out)]) == 1
    printed = capsys.readouterr().out
    assert "P101" in printed and "好差评系统购置费及维护费" in printed
    assert "未写出任何文件" in printed
    assert not out.exists()


def test_draft_writes_anyway_marked_as_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _example_with(tmp_path, _drop_targets)
    out = tmp_path / "out"
    assert main(["build", str(source), "-o", str(out), "--draft", "--format", "html,docx"]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["budget.docx", "budget.html"]
    assert "草稿" in (out / "budget.html").read_text("utf-8")
    assert "P101" in capsys.readouterr().out


def test_a_change_without_its_reason_is_an_input_error_naming_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _example_with(tmp_path, lambda raw: raw["reasons"].pop("general_expenditure"))
    out = tmp_path / "out"
    assert main(["build", str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "变动原因!一般公共预算支出变动原因" in err and "reasons.general_expenditure" in err
    assert "比上年增加3.92万元" in err
    assert not out.exists()


def test_a_sheet_amount_not_matching_its_project_is_refused() -> None:
    from yusuan.derive import derive_disclosure, names_for
    from yusuan.model import Amount, Unit

    budget = api.read_budget(EXAMPLE_YAML)
    budget.performance_targets[0].annual_amount_yuan = Amount.parse("1,100,000", Unit.YUAN)
    report = api.check_disclosure(derive_disclosure(budget, names_for(budget), budget.profile))
    errors = {f.rule for f in report.findings if f.severity is Severity.ERROR}
    assert "P104" in errors


def test_an_unknown_format_is_refused_before_anything(tmp_path: Path) -> None:
    assert main(["build", str(EXAMPLE), "-o", str(tmp_path / "o"), "--format", "pdf,odt"]) == 2
    assert not (tmp_path / "o").exists()


def test_the_cli_writes_the_formats_asked_for(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(EXAMPLE_YAML), "-o", str(tmp_path), "--format", "json", "--quiet"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "shuozhou-2025-budget.json")
    data = json.loads((tmp_path / "shuozhou-2025-budget.json").read_text("utf-8"))
    assert [s["id"] for s in data["sections"]][2:4] == ["changes", "income"]
