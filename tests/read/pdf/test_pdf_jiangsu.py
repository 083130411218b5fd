"""Jiangsu's provincial 部门预算 (2018 and 2019 editions) read from the published PDFs.

The goldens (tests/golden/corpus/jiangsu-*.json) were checked row by row against poppler's
``pdftotext -layout`` and by hand where a name wraps (see tests/golden/corpus/README.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from yusuan.model import Disclosure, ReadProblemKind
from yusuan.read import read_document

ROOT = Path(__file__).resolve().parents[3]
JIANGSU = sorted((ROOT / "tests" / "corpus" / "jiangsu").glob("*.pdf"))
PROCURATORATE = next(p for p in JIANGSU if "procuratorate" in p.stem)
HIGH_COURT = next(p for p in JIANGSU if "high-court" in p.stem)
NPC = next(p for p in JIANGSU if "npc" in p.stem)

_cache: dict[Path, Disclosure] = {}


def _read(pdf: Path) -> Disclosure:
    if pdf not in _cache:
        _cache[pdf] = read_document(pdf)
    return _cache[pdf]


def _golden(pdf: Path) -> dict[str, Any]:
    path = ROOT / "tests" / "golden" / "corpus" / f"{pdf.stem}.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _rows(disclosure: Disclosure, table_id: str) -> list[dict[str, Any]]:
    table = disclosure.tables[table_id]
    return [
        {"code": r.code, "name": r.name, "side": r.side, "cells": [c.normalised for c in r.cells]}
        for r in table.rows
    ]


@pytest.mark.parametrize("pdf", JIANGSU, ids=lambda p: p.stem)
def test_facts_template_and_every_printed_table(pdf: Path) -> None:
    disclosure, golden = _read(pdf), _golden(pdf)
    facts = disclosure.facts
    got = {
        "unit": facts.unit,
        "year": facts.year,
        "kind": facts.kind.value,
        "scope": facts.scope.value,
        "currency_unit": facts.currency_unit.value,
        "title": facts.title,
    }
    assert (facts.profile, got) == (golden["profile"], golden["facts"])
    assert list(disclosure.tables) == golden["tables_printed"]
    assert [[s.id, s.source.page if s.source else None] for s in disclosure.sections] == golden["sections"]
    assert [g.term for g in disclosure.glossary] == golden["glossary"]


@pytest.mark.parametrize("pdf", [PROCURATORATE, HIGH_COURT], ids=lambda p: p.stem)
def test_every_golden_cell_is_exact(pdf: Path) -> None:
    disclosure, golden = _read(pdf), _golden(pdf)
    assert len(golden["tables_printed"]) == 12 and len(golden["tables"]) == 11
    cells = 0
    for expected in golden["tables"]:
        table = disclosure.tables[expected["id"]]
        assert (table.title, table.unit.value) == (expected["title"], expected["unit"])
        assert [c.key for c in table.columns] == expected["columns"]
        assert sorted({r.source.page for r in table.rows if r.source}) == expected["pages"], expected["id"]
        got = _rows(disclosure, expected["id"])
        assert len(got) == len(expected["rows"]), expected["id"]
        for got_row, want_row in zip(got, expected["rows"], strict=True):
            assert got_row == want_row, expected["id"]
            cells += len(want_row["cells"])
    assert cells > 250
    assert disclosure.problems == []


def test_the_procurement_table_keeps_its_labels_and_totals() -> None:
    table = _read(PROCURATORATE).tables["procurement"]
    assert [c.key for c in table.columns] == ["total"]
    first, goods = table.rows[0], table.rows[1]
    assert (first.name, first.cells[0].normalised) == ("合计", "2744.84")
    assert (goods.name, goods.labels) == ("一、货物A", {"category": "一、货物A"})
    desktop = table.rows[3]
    assert desktop.labels == {"item": "台式计算机（20万以下）", "method": "分散自行组织"}
    assert desktop.name == "分散自行组织" and desktop.cells[0].normalised == "9.00"
    # the 货物 and 服务 parts add up to the 合计 (no 工程 in 2019)
    parts = [r.cells[0].amount for r in table.rows if r.name in ("一、货物A", "三、服务C")]
    assert sum(a.value for a in parts if a) == first.cells[0].amount.value  # type: ignore[union-attr]


def test_three_public_meeting_and_training_are_their_own_columns() -> None:
    table = _read(PROCURATORATE).tables["three_public"]
    (row,) = table.rows
    figures = {c.key: cell.normalised for c, cell in zip(table.columns, row.cells, strict=True)}
    assert figures == {
        "grand_total": "1276.7",
        "total": "418.26",
        "abroad": "80",
        "vehicle": "237",
        "vehicle_purchase": None,
        "vehicle_running": "237",
        "reception": "101.26",
        "meeting": "158.44",
        "training": "700",
    }


def test_the_narrative_printed_without_its_tables_reads() -> None:
    disclosure = _read(NPC)
    assert disclosure.tables == {}
    assert [p.kind for p in disclosure.problems if "未印任何表格" in p.what] == [ReadProblemKind.MISSING]
    assert disclosure.section("three_public") is not None


def _split(source: Path, pages: list[int], target: Path) -> Path:
    """A new PDF with ``pages`` (0-based) of ``source``: half of a document published as two files."""
    document = pdfium.PdfDocument(source)
    part = pdfium.PdfDocument.new()
    part.import_pages(document, pages)
    part.save(target)
    part.close()
    document.close()
    return target


def test_narrative_and_tables_printed_as_two_files_each_read_alone(tmp_path: Path) -> None:
    # procuratorate: pp. 1-13 部门概况, pp. 14-24 the twelve tables, pp. 25-33 情况说明 and 名词解释
    whole = _read(PROCURATORATE)
    narrative = read_document(_split(PROCURATORATE, [*range(13), *range(24, 33)], tmp_path / "说明.pdf"))
    tables = read_document(_split(PROCURATORATE, list(range(13, 24)), tmp_path / "表格.pdf"))

    assert narrative.tables == {}
    assert (narrative.facts.unit, narrative.facts.year) == ("江苏省人民检察院", 2019)
    assert [s.id for s in narrative.sections] == [s.id for s in whole.sections]

    assert list(tables.tables) == list(whole.tables)
    assert tables.sections == []
    facts = tables.facts
    assert (facts.unit, facts.year, facts.kind.value, facts.scope.value, facts.profile) == (
        "江苏省人民检察院",
        2019,
        "budget",
        "department",
        "jiangsu",
    )
    for table_id, table in whole.tables.items():
        assert [r.name for r in tables.tables[table_id].rows] == [r.name for r in table.rows]
        assert [[c.normalised for c in r.cells] for r in tables.tables[table_id].rows] == [
            [c.normalised for c in r.cells] for r in table.rows
        ]


@pytest.mark.parametrize(
    ("pdf", "want", "vehicles"),
    [
        (
            PROCURATORATE,
            ("2744.84", "303.4", None, "2441.44"),
            {"实有": 55, "一般公务用车": 13, "执法执勤用车": 40, "其他用车": 2},
        ),
        (HIGH_COURT, ("4641.62", "962.86", "539", "3139.76"), None),  # 2018: no 国有资产 section
        (NPC, ("2416.43", "233.1", None, "2183.33"), {"实有": 54, "一般公务用车": 54}),
    ],
    ids=lambda v: v.stem if isinstance(v, Path) else "",
)
def test_procurement_and_vehicles_as_stated(
    pdf: Path, want: tuple[str | None, ...], vehicles: dict[str, int] | None
) -> None:
    disclosure = _read(pdf)
    statement = disclosure.procurement
    assert statement is not None
    amounts = (statement.total, statement.goods, statement.works, statement.services)
    assert tuple(a.normalised() if a else None for a in amounts) == want
    # "拟采" / page number / "购货物支出303.4万元": the page number at the foot is not in the text
    assert "\n31\n" not in statement.text
    if vehicles is None:
        assert disclosure.assets is None
    else:
        assert disclosure.assets is not None and disclosure.assets.vehicles == vehicles
