"""Doubtful cells and codes that look misread are listed, with the place the checker reads."""

from __future__ import annotations

from dataclasses import replace

from ocr_corpus import CORPUS

from yusuan.model import Amount, Cell, CellStatus, CodeKind, Column, Row, Source, Table, Unit
from yusuan.read.ocr import ocr_problems
from yusuan.read.ocr.settings import OcrSettings
from yusuan.read.ocr.slips import code_slips, doubtful_cells
from yusuan.read.pdf import read_pdf
from yusuan.read.pdf.tables import profile_tables
from yusuan.reference.codes import load_code_list
from yusuan.reference.profiles import load_profile


def _cell(text: str, confidence: float | None) -> Cell:
    return Cell(text, Amount.parse(text, Unit.YUAN), CellStatus.VALUE, confidence=confidence)


def _table(table_id: str, rows: list[tuple[str | None, str, float | None]]) -> Table:
    return Table(
        id=table_id,
        title=table_id,
        unit=Unit.YUAN,
        columns=[Column("total", "合计")],
        rows=[Row(name=name, cells=[_cell("100", c)], code=code) for code, name, c in rows],
    )


def test_a_cell_below_the_threshold_is_listed_with_its_place() -> None:
    table = _table(
        "income",
        [("201", "一般公共服务支出", 0.99), ("20106", "财政事务", 0.80), ("2010601", "行政运行", None)],
    )
    problems = doubtful_cells({"income": table}, OcrSettings(min_confidence=0.95))
    assert [p.what.split(":")[0] for p in problems] == ["table income row 20106 column total"]
    assert "0.80" in problems[0].what
    assert problems[0].text == "100"


def test_a_code_whose_parent_is_not_printed_is_listed() -> None:
    table = _table(
        "income", [("201", "一般公共服务支出", 1.0), ("20106", "财政事务", 1.0), ("2010801", "行政运行", 1.0)]
    )
    problems = code_slips({"income": table})
    assert len(problems) == 1
    assert problems[0].what.startswith("table income row 2010801")
    assert "20108" in problems[0].what


def test_a_code_named_otherwise_in_the_other_tables_is_listed() -> None:
    rows: list[tuple[str | None, str, float | None]] = [
        ("201", "一般公共服务支出", 1.0),
        ("20106", "财政事务", 1.0),
    ]
    slipped: list[tuple[str | None, str, float | None]] = [
        ("201", "一般公共服务支出", 1.0),
        ("20106", "财攻事务", 1.0),
    ]
    tables = {
        "income": _table("income", rows),
        "expenditure": _table("expenditure", rows),
        "x": _table("x", slipped),
    }
    problems = code_slips(tables)
    assert [p.what.split(":")[0] for p in problems] == ["table x row 20106"]


def test_the_code_list_names_a_code_when_given() -> None:
    table = _table("income", [("201", "一般公共服务", 1.0)])
    assert code_slips({"income": table}) == []
    problems = code_slips({"income": table}, {"income": {"201": "一般公共服务支出"}})
    assert len(problems) == 1 and "一般公共服务支出" in problems[0].what


def test_digits_in_a_name_without_code_are_a_misread_code_column() -> None:
    table = _table(
        "income", [("201", "一般公共服务支出", 1.0), (None, "2O106财政事务", 1.0), (None, "合计", 1.0)]
    )
    problems = code_slips({"income": table})
    assert [p.text for p in problems] == ["2O106财政事务"]


def test_a_kuan_whose_lei_is_not_printed_is_listed() -> None:
    table = _table(
        "income", [("301", "工资福利支出", 1.0), ("30101", "基本工资", 1.0), ("39201", "办公费", 1.0)]
    )
    problems = code_slips({"income": table})
    assert [p.what.split(":")[0] for p in problems] == ["table income row 39201"]


def test_a_table_without_lei_rows_is_not_held_to_parents() -> None:
    table = _table("projects", [("2010601", "行政运行", 1.0), ("2080505", "养老保险缴费", 1.0)])
    assert code_slips({"projects": table}) == []


def test_the_exact_text_of_the_corpus_has_no_slip_and_a_planted_one_is_found() -> None:
    """The code list names every corpus code as printed; one changed character is caught."""
    for pdf in CORPUS:
        reading = read_pdf(pdf)
        assert reading.profile is not None
        profile = load_profile(reading.profile)
        tables, _ = profile_tables(reading.tables, profile, reading.file)
        assert ocr_problems(reading) == []  # a text reading: nothing guessed, nothing listed
        codes = load_code_list(2025)
        names = {
            table_id: codes.names[CodeKind.ECONOMIC if spec.layout == "economic" else CodeKind.FUNCTIONAL]
            for table_id in tables
            if (spec := profile.table(table_id)) is not None
        }
        assert code_slips(tables, names) == []
        income = tables["income"]
        row = next(r for r in income.rows if r.code and len(r.code) == 7)
        slipped = Row(name=row.name[:-1] + "攴", cells=row.cells, code=row.code)
        planted = {"income": replace(income, rows=[slipped if r is row else r for r in income.rows])}
        problems = code_slips(planted, {"income": codes.names[CodeKind.FUNCTIONAL]})
        assert [p.what.split(":")[0] for p in problems] == [f"table income row {row.code}"]


def test_only_rows_of_the_given_pages_are_looked_at() -> None:
    table = _table("income", [("201", "一般公共服务支出", 1.0), ("2010801", "行政运行", 1.0)])
    table.rows[1].source = Source("scan.pdf", 3)
    assert len(code_slips({"income": table}, pages={3})) == 1
    assert code_slips({"income": table}, pages={1, 2}) == []
