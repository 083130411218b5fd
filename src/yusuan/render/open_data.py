"""Open-data export: one CSV per table plus a datapackage.json (Fiscal Data Package style).

CSV headers are the stable column keys (code, name, side, total, basic …); the Chinese
labels as printed are the field titles in datapackage.json. Amounts are written exactly
as the normalised decimal strings of the JSON contract, in the table's unit; the
descriptor states the unit and its factor to 元 for each measure.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from yusuan.model import Disclosure, Table

_CURRENCY = "CNY"


def _fields(table: Table) -> tuple[list[str], list[dict[str, Any]]]:
    names = ["code", "name"]
    fields: list[dict[str, Any]] = [
        {"name": "code", "type": "string", "title": "科目编码 / code"},
        {"name": "name", "type": "string", "title": "名称 / name"},
    ]
    if any(column.side for column in table.columns):
        names.append("side")
        fields.append(
            {
                "name": "side",
                "type": "string",
                "title": "收支 / side",
                "constraints": {"enum": ["income", "expenditure"]},
            }
        )
    label_keys = sorted({key for row in table.rows for key in row.labels})
    for key in label_keys:
        names.append(key)
        fields.append({"name": key, "type": "string"})
    for column in table.columns:
        names.append(column.key)
        fields.append(
            {
                "name": column.key,
                "type": "number",
                "title": column.label,
                "unit": table.unit.value,
                "factor_to_yuan": str(table.unit.factor),
            }
        )
    return names, fields


def _rows(table: Table, names: list[str]) -> list[dict[str, str]]:
    out = []
    for row in table.rows:
        record = {"code": row.code or "", "name": row.name, "side": row.side or ""}
        record.update(row.labels)
        for column, cell in zip(table.columns, row.cells, strict=False):
            record[column.key] = cell.normalised or ""
        out.append({name: record.get(name, "") for name in names})
    return out


def _file_name(table: Table) -> str:
    return f"{table.id}.csv"


def export_open_data(disclosure: Disclosure, directory: Path) -> list[Path]:
    """Write the CSVs and datapackage.json into ``directory``; return the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    resources = []
    measures: dict[str, Any] = {}
    for table in disclosure.tables.values():
        names, fields = _fields(table)
        path = directory / _file_name(table)
        # with a BOM: Excel and WPS open a CSV without one in the locale's code page (GBK: mojibake)
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=names)
            writer.writeheader()
            writer.writerows(_rows(table, names))
        written.append(path)
        resources.append(
            {
                "name": table.id,
                "title": table.title,
                "path": path.name,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": fields},
            }
        )
        for column in table.columns:
            measures[f"{table.id}.{column.key}"] = {
                "resource": table.id,
                "source": column.key,
                "title": column.label,
                "currency": _CURRENCY,
                "factor": str(table.unit.factor),
            }
    facts = disclosure.facts
    descriptor = {
        "profile": "fiscal-data-package",
        "name": f"yusuan-{facts.profile}-{facts.year}-{facts.kind.value}",
        "title": facts.title or f"{facts.unit} {facts.year}",
        "publisher": facts.unit,
        "fiscalPeriod": {"start": f"{facts.year}-01-01", "end": f"{facts.year}-12-31"}
        if facts.year
        else None,
        "budgetType": facts.kind.value,
        "scope": facts.scope.value,
        "yusuanProfile": facts.profile,
        "resources": resources,
        "model": {
            "measures": measures,
            "dimensions": {
                "functional-classification": {
                    "dimensionType": "classification",
                    "classificationType": "functional",
                    "attributes": {"code": {"source": "code"}, "name": {"source": "name"}},
                    "primaryKey": ["code"],
                }
            },
        },
    }
    descriptor_path = directory / "datapackage.json"
    descriptor_path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    written.append(descriptor_path)
    return written
