"""A corpus PDF through read_document: every golden cell, the facts, sections and statements."""

from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pypdfium2 as pdfium
import pytest
from pdf_corpus import CORPUS, ROOT, corpus_pdf, corpus_reading, golden_of, with_blank_image_page

from yusuan.model import Disclosure, ReadProblemKind
from yusuan.read import read_document
from yusuan.read.errors import InputError
from yusuan.read.pdf.disclosure import disclosure_from_pages, merge_page_lines, read_pdf_document
from yusuan.reference.profiles import load_profile

__all__ = ["corpus_pdf"]

MOF = next(p for p in CORPUS if "mof" in p.stem)
WANLI = next(p for p in CORPUS if "wanli" in p.stem)
SCHEMA = json.loads((ROOT / "docs" / "json" / "disclosure-1.0.schema.json").read_text("utf-8"))

_cache: dict[Path, Disclosure] = {}


def _read(pdf: Path) -> Disclosure:
    if pdf not in _cache:
        _cache[pdf] = read_document(pdf)
    return _cache[pdf]


def _cells_compared(disclosure: Disclosure, golden: dict[str, Any]) -> int:
    """Assert every golden table cell by cell; return the number of cells compared."""
    cells = 0
    for expected in golden["tables"]:
        table = disclosure.tables.get(expected["id"])
        assert table is not None, f"table {expected['id']} not found"
        assert table.title == expected["title"]
        assert table.unit.value == expected["unit"]
        assert [c.key for c in table.columns] == expected["columns"]
        pages = sorted({r.source.page for r in table.rows if r.source is not None})
        assert pages == expected["pages"], expected["id"]
        got = [
            {"code": r.code, "name": r.name, "side": r.side, "cells": [c.normalised for c in r.cells]}
            for r in table.rows
        ]
        assert len(got) == len(expected["rows"]), expected["id"]
        for got_row, want_row in zip(got, expected["rows"], strict=True):
            assert got_row == want_row, expected["id"]
            cells += len(want_row["cells"])
    return cells


def test_every_golden_cell_is_exact_through_read_document(corpus_pdf: Path) -> None:
    disclosure = _read(corpus_pdf)
    golden = golden_of(corpus_pdf)
    assert disclosure.facts.profile == golden["profile"]
    assert list(disclosure.tables) == [t["id"] for t in golden["tables"]]  # all nine, in order
    expected = sum(len(r["cells"]) for t in golden["tables"] for r in t["rows"])
    assert _cells_compared(disclosure, golden) == expected > 300


def test_all_corpus_cells_are_compared() -> None:
    """The measured figure: how many golden cells the three PDFs hold, each compared above."""
    total = sum(len(r["cells"]) for pdf in CORPUS for t in golden_of(pdf)["tables"] for r in t["rows"])
    assert total == 1838


def test_each_cell_names_its_file_page_line_and_box(corpus_pdf: Path) -> None:
    disclosure = _read(corpus_pdf)
    lines = {(ln.source.page, ln.source.line): ln for ln in corpus_reading(corpus_pdf).lines}
    checked = 0
    for table in disclosure.tables.values():
        assert table.source is not None and table.source.line is not None
        assert "".join(lines[(table.source.page, table.source.line)].cells) == table.title
        for row in table.rows:
            for cell in row.cells:
                source = cell.source
                assert source is not None and source.file == str(corpus_pdf)
                assert source.page is not None and source.line is not None and source.bbox is not None
                line = lines[(source.page, source.line)]
                assert line.source.bbox == source.bbox
                if cell.text:  # (the other side's slots of a side-by-side row are not printed)
                    assert cell.text in line.cells  # the printed row this cell came from
                    checked += 1
    assert checked > 100


def test_document_facts_are_the_cover_s(corpus_pdf: Path) -> None:
    facts = _read(corpus_pdf).facts
    want = golden_of(corpus_pdf)["facts"]
    got = {
        "unit": facts.unit,
        "year": facts.year,
        "kind": facts.kind.value,
        "scope": facts.scope.value,
        "currency_unit": facts.currency_unit.value,
        "title": facts.title,
    }
    assert got == want
    assert facts.source is not None and facts.source.page == 1


def test_narrative_sections_in_printed_order_with_their_pages(corpus_pdf: Path) -> None:
    disclosure = _read(corpus_pdf)
    want = golden_of(corpus_pdf)["sections"]
    got = [[s.id, s.source.page if s.source else None] for s in disclosure.sections]
    assert got == want
    for section in disclosure.sections:
        assert section.text.strip(), section.id
        assert section.part, section.id


def test_sections_hold_their_own_text_only() -> None:
    disclosure = _read(MOF)
    admin = disclosure.section("admin_running")
    assert admin is not None
    assert admin.text == "2025年上海市财政局财政拨款的机关运行经费预算为2,517.78万元。"
    explanation = disclosure.section("budget_explanation")
    assert explanation is not None
    assert explanation.text.startswith("2025年，上海市财政局收入预算17,192万元")
    assert explanation.text.endswith("主要用于缴纳在职人员住房公积金等住房改革支出。")  # not the tables
    duties = disclosure.section("duties")
    assert duties is not None and duties.title == "上海市财政局（单位）主要职能"
    assert "机构设置" not in duties.text and duties.text.endswith("（十四）完成市委、市政府交办的其他任务。")


def test_project_funding_sections_of_the_department_version() -> None:
    disclosure = _read(WANLI)
    period = disclosure.section("project_period")
    assert period is not None and period.part == "项目经费情况说明"
    assert period.text == "第一至四季度支付尾款。"
    targets = disclosure.section("project_targets")
    assert targets is not None and targets.text.endswith("质的社区服务和生活配套设施。")


def test_glossary_entries(corpus_pdf: Path) -> None:
    glossary = _read(corpus_pdf).glossary
    assert [g.term for g in glossary] == golden_of(corpus_pdf)["glossary"]
    for entry in glossary:
        assert entry.definition and entry.source is not None and entry.source.page is not None
    three_public = next(g for g in glossary if "三公" in g.term)
    assert three_public.definition.endswith("保险费等支出。")  # the wrapped lines joined


def test_procurement_and_vehicles_as_stated(corpus_pdf: Path) -> None:
    disclosure = _read(corpus_pdf)
    golden = golden_of(corpus_pdf)
    statement = disclosure.procurement
    assert statement is not None
    want = golden["procurement"]
    for key in ("total", "goods", "works", "services"):
        amount = getattr(statement, key)
        assert amount is not None and amount.unit.value == want["unit"]
        assert amount.normalised() == want[key], key
    assert disclosure.assets is not None
    assert disclosure.assets.vehicles == golden["vehicles_held"]


def test_the_corpus_reads_without_problems(corpus_pdf: Path) -> None:
    assert _read(corpus_pdf).problems == []


def test_three_public_table_in_wan_yuan_with_its_row() -> None:
    table = _read(MOF).tables["three_public"]
    assert table.unit.value == "万元"
    row = table.rows[0]
    assert row.amount(table, "total") is not None
    assert row.amount(table, "admin_running") is not None
    printed = ["346.30", "288.70", "25.40", "32.20", None, "32.20", "2517.78"]
    assert [c.normalised for c in row.cells] == printed
    assert table.unit_name == "上海市财政局"  # the name, without "编制单位："


@pytest.mark.parametrize(("ocr", "words"), [(False, "image-only"), (True, "OCR found no text")])
def test_an_image_only_page_is_a_read_problem_and_the_rest_still_reads(
    tmp_path: Path, ocr: bool, words: str
) -> None:
    """A page that is only an image (here a blank grey one): never dropped silently."""
    mixed = with_blank_image_page(MOF, tmp_path / "mixed.pdf")
    disclosure = read_pdf_document(mixed, ocr=ocr)
    assert [(p.kind, p.source.page if p.source else None) for p in disclosure.problems] == [
        (ReadProblemKind.UNREADABLE, 22)
    ]
    assert words in disclosure.problems[0].what
    golden = golden_of(MOF)
    assert _cells_compared(disclosure, golden) > 300
    assert [s.id for s in disclosure.sections] == [s for s, _page in golden["sections"]]


def test_lines_read_from_page_images_feed_the_same_assembly() -> None:
    """The OCR seam: a page's lines handed in apart from the text layer give the same result."""
    reading = corpus_reading(MOF)
    assert reading.profile is not None
    page_21 = [ln for ln in reading.lines if ln.source.page == 21]  # 其他相关情况说明
    text_layer = [ln for ln in reading.lines if ln.source.page != 21]
    unread = disclosure_from_pages(reading.file, text_layer, reading.tables, reading.profile, [21])
    assert [p.source.page for p in unread.problems if p.source] == [21]
    assert unread.procurement is None and unread.section("assets") is None

    merged = merge_page_lines(text_layer, page_21)
    assert merged == reading.lines
    whole = disclosure_from_pages(reading.file, merged, reading.tables, reading.profile)
    assert whole.problems == []
    assert whole.procurement == _read(MOF).procurement
    assert whole.sections == _read(MOF).sections


def test_merge_page_lines_puts_image_lines_after_the_text_of_their_page() -> None:
    reading = corpus_reading(MOF)
    first = reading.lines[0]
    ocr = replace(first, cells=("识别的文字",), confidence=(0.9,))
    merged = merge_page_lines(reading.lines, [ocr])
    page_1 = [ln for ln in merged if ln.source.page == 1]
    assert page_1[-1] is ocr and len(merged) == len(reading.lines) + 1


def test_the_wrong_profile_is_reported_not_crashed() -> None:
    disclosure = read_document(WANLI, profile="shanghai")  # the unit template on a department PDF
    refused = [p for p in disclosure.problems if p.kind is ReadProblemKind.UNREADABLE]
    assert any("overview" in p.what for p in refused)
    assert "overview" not in disclosure.tables
    assert any(p.kind is ReadProblemKind.MISSING and "overview" in p.what for p in disclosure.problems)


def test_an_unknown_profile_is_an_input_error() -> None:
    with pytest.raises(InputError, match="nowhere"):
        read_document(MOF, profile="nowhere")


# ---- the command line on each corpus PDF ---------------------------------------------------


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "yusuan.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_cli_parse_summarises_the_pdf(corpus_pdf: Path) -> None:
    result = _run("parse", str(corpus_pdf))
    assert result.returncode == 0, result.stderr
    facts = golden_of(corpus_pdf)["facts"]
    assert facts["unit"] in result.stdout
    assert "表格 / tables: 9" in result.stdout
    assert "未能读取 / could not be read: 无 / none" in result.stdout


def test_cli_parse_json_follows_the_schema(corpus_pdf: Path) -> None:
    result = _run("parse", "--json", str(corpus_pdf))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    golden = golden_of(corpus_pdf)
    assert data["unit"] == golden["facts"]["unit"] and data["profile"] == golden["profile"]
    assert [t["id"] for t in data["tables"]] == [t["id"] for t in golden["tables"]]
    for table in data["tables"]:
        for row in table["rows"]:
            assert row["source"]["page"] and row["source"]["line"] and row["source"]["bbox"]


def test_cli_export_writes_every_table(corpus_pdf: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _run("export", str(corpus_pdf), "--to", str(out))
    assert result.returncode == 0, result.stderr
    golden = golden_of(corpus_pdf)
    assert sorted(p.stem for p in out.glob("*.csv")) == sorted(t["id"] for t in golden["tables"])
    income = next(t for t in golden["tables"] if t["id"] == "income")
    with (out / "income.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    total = next(r for r in rows if r["name"] == "合计")
    want = next(r for r in income["rows"] if r["name"] == "合计")["cells"][0]
    assert Decimal(total["total"]) == Decimal(want)
    package = json.loads((out / "datapackage.json").read_text("utf-8"))
    assert len(package["resources"]) == 9


@pytest.mark.parametrize("seed", range(12))
def test_damaged_pdfs_give_a_disclosure_or_an_input_error(seed: int, tmp_path: Path) -> None:
    """Cut short or with bytes flipped: a (partial) Disclosure naming what is missing, or one InputError."""
    rng = random.Random(seed)
    source = CORPUS[seed % len(CORPUS)]
    data = bytearray(source.read_bytes())
    cut = bytes(data[: int(len(data) * rng.uniform(0.2, 0.99))])
    for _ in range(40):
        index = rng.randrange(1024, len(data))
        data[index] = rng.randrange(256)
    for name, damaged in (("cut.pdf", cut), ("flipped.pdf", bytes(data))):
        path = tmp_path / name
        path.write_bytes(damaged)
        try:
            disclosure = read_document(path)
        except InputError as exc:
            assert "\n" not in exc.problem
        else:
            if not disclosure.tables:  # the narrative alone was read: one problem says no table was
                assert any(p.what.startswith("tables: ") for p in disclosure.problems)
                assert disclosure.sections
                continue
            missing = {t.id for t in load_profile(disclosure.facts.profile).tables} - set(disclosure.tables)
            named = {
                p.what.split()[1].rstrip(":") for p in disclosure.problems if p.what.startswith("table ")
            }
            assert missing <= named  # every table not read is named


def test_a_pdf_without_its_last_pages_names_each_table_it_lacks(tmp_path: Path) -> None:
    document = pdfium.PdfDocument(MOF)
    for index in reversed(range(16, 21)):  # pages 17–21: the economic table, 三公 table, 其他说明
        document.del_page(index)
    short = tmp_path / "short.pdf"
    document.save(short)
    document.close()
    disclosure = read_document(short)
    assert list(disclosure.tables) == [t["id"] for t in golden_of(MOF)["tables"]][:7]
    missing = [p.what for p in disclosure.problems if p.kind is ReadProblemKind.MISSING]
    assert missing == [
        "table general_basic_economic: 未找到 / not found",
        "table three_public: 未找到 / not found",
    ]
    assert disclosure.procurement is None and disclosure.section("three_public") is None
