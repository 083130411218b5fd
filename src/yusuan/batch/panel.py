"""The panel: every cell of every document, one row each, so that years and units stack.

Columns: file, unit, region, year, kind, template, table, row_code, row_name, role (what the
row is: total, income_total … from data/roles.yaml; empty for an ordinary line), column,
amount_yuan (an exact decimal string in 元, whatever unit the table was printed in), page.
Written as DIR/panel.csv with a UTF-8 BOM (Excel and WPS read it as UTF-8), and as
DIR/panel.parquet when pyarrow is installed (every column a string: amounts stay exact).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from yusuan.batch.facts import document_facts
from yusuan.batch.jobs import Outcome
from yusuan.model import Disclosure
from yusuan.model.serialize import facts_to_json

PANEL_COLUMNS = (
    "file",
    "unit",
    "region",
    "year",
    "kind",
    "template",
    "table",
    "row_code",
    "row_name",
    "role",
    "column",
    "amount_yuan",
    "page",
)


def panel_rows(disclosure: Disclosure, file: str) -> list[dict[str, Any]]:
    """One row per cell holding an amount."""
    facts = document_facts(file, facts_to_json(disclosure.facts))
    out: list[dict[str, Any]] = []
    for table in disclosure.tables.values():
        for row in table.rows:
            for column, cell in zip(table.columns, row.cells, strict=False):
                if cell.amount is None:
                    continue
                source = cell.source or row.source
                out.append(
                    {
                        **facts,
                        "table": table.id,
                        "row_code": row.code or "",
                        "row_name": row.name,
                        "role": row.role or "",
                        "column": column.key,
                        "amount_yuan": format(cell.amount.yuan, "f"),
                        "page": source.page if source is not None and source.page is not None else "",
                    }
                )
    return out


def _rows(outcomes: Iterable[Outcome]) -> Iterator[dict[str, Any]]:
    for outcome in outcomes:
        yield from outcome.extra.get("panel", [])


def write_panel(outcomes: list[Outcome], directory: Path) -> list[Path]:
    """DIR/panel.csv (UTF-8 with BOM), and DIR/panel.parquet when pyarrow is installed."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "panel.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=PANEL_COLUMNS)
        writer.writeheader()
        writer.writerows(_rows(outcomes))
    written = [path]
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        return written
    columns: dict[str, list[str]] = {name: [] for name in PANEL_COLUMNS}
    for row in _rows(outcomes):
        for name in PANEL_COLUMNS:
            columns[name].append(str(row[name]))
    parquet = directory / "panel.parquet"
    pq.write_table(
        pa.table({name: pa.array(values, pa.string()) for name, values in columns.items()}), parquet
    )
    written.append(parquet)
    return written


def write_exports(outcomes: list[Outcome], directory: Path) -> list[Path]:
    """The packages the workers wrote (listed), then the panel over all documents."""
    written = [Path(p) for o in outcomes if o.data is not None for p in o.data.get("written", [])]
    return written + write_panel(outcomes, directory)
