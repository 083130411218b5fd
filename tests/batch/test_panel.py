"""yusuan export over many documents: one package each and the panel of every cell."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from yusuan import api
from yusuan.batch.panel import PANEL_COLUMNS
from yusuan.cli import main


def test_panel_has_every_cell_in_yuan(
    years: dict[str, Path], corpus_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    mof = corpus_folder / "mof.pdf"
    assert main(["export", str(years["2025"]), str(mof), "--to", str(out), "--jobs", "2"]) == 0
    printed = capsys.readouterr().out.split()
    assert str(out / "unit-2025" / "datapackage.json") in printed
    assert str(out / "mof" / "datapackage.json") in printed
    raw = (out / "panel.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with (out / "panel.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == PANEL_COLUMNS
    for file in (years["2025"], mof):
        disclosure = api.parse(file)
        cells = sum(1 for t in disclosure.tables.values() for r in t.rows for c in r.cells if c.amount)
        assert sum(1 for r in rows if r["file"] == str(file)) == cells
    total = next(
        r
        for r in rows
        if r["file"] == str(years["2025"])
        and r["table"] == "overview"
        and r["row_name"] == "收入总计"
        and r["column"] == "income_amount"
    )
    assert total["amount_yuan"] == "3411100.00"  # 341.11万元, exactly
    assert (total["unit"], total["region"], total["year"], total["kind"], total["template"]) == (
        "朔州市朔城区数字政府服务中心",
        "山西省朔州市",
        "2025",
        "budget",
        "shanxi",
    )
    assert all(r["page"] for r in rows if r["file"] == str(mof))  # a PDF's cells know their page
    assert all(Decimal(r["amount_yuan"]) == Decimal(r["amount_yuan"]).quantize(Decimal("0.01")) for r in rows)
    table = pq.read_table(out / "panel.parquet")
    assert table.num_rows == len(rows) and table.column_names == list(PANEL_COLUMNS)
    assert table.column("amount_yuan").to_pylist() == [r["amount_yuan"] for r in rows]
