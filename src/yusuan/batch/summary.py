"""One summary row per document: who, what, how many findings of each severity and family."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from yusuan.batch.facts import document_facts
from yusuan.batch.jobs import Outcome
from yusuan.check.engine import FAMILIES

# letter -> "A 表内运算 / arithmetic within a table"
FAMILY_COLUMNS = {letter: f"{letter} {zh}" for letter, zh, _en in FAMILIES.values()}
FACT_COLUMNS = ("file", "unit", "region", "year", "kind", "template")
COUNT_COLUMNS = ("errors", "warnings", "info")
HEADERS = {
    "file": "文件 / file",
    "unit": "单位 / unit",
    "region": "地区 / region",
    "year": "年度 / year",
    "kind": "类别 / kind",
    "template": "模板 / template",
    "errors": "错误 / errors",
    "warnings": "警告 / warnings",
    "info": "提示 / info",
    "status": "结论 / status",
}

STATUS = {
    "errors": "有错误 / errors",
    "warnings": "有警告 / warnings",
    "passed": "通过 / passed",
    "unreadable": "无法读取 / unreadable",
}


def columns() -> list[str]:
    return [*FACT_COLUMNS, *COUNT_COLUMNS, *FAMILY_COLUMNS, "status"]


def header(column: str) -> str:
    return HEADERS.get(column) or FAMILY_COLUMNS[column]


def summary_row(outcome: Outcome) -> dict[str, Any]:
    """The row of one document; family columns count its findings of every severity."""
    data = outcome.data
    if data is None:
        row: dict[str, Any] = {key: "" for key in columns()}
        row.update(file=outcome.file, status=STATUS["unreadable"], error=outcome.error)
        return row
    row = document_facts(outcome.file, data.get("document", {}))
    summary = data.get("summary", {})
    for key in COUNT_COLUMNS:
        row[key] = int(summary.get(key, 0))
    for letter in FAMILY_COLUMNS:
        row[letter] = 0
    for finding in data.get("findings", []):
        letter = str(finding.get("rule", " "))[:1]
        if letter in row:
            row[letter] += 1
    status = "errors" if row["errors"] else "warnings" if row["warnings"] else "passed"
    row["status"] = STATUS[status]
    row["error"] = ""
    return row


def summary_rows(outcomes: Iterable[Outcome]) -> list[dict[str, Any]]:
    return [summary_row(o) for o in outcomes]


def family_totals(rows: list[dict[str, Any]]) -> dict[str, int]:
    """Findings of each family over all documents (for the charts)."""
    return {
        FAMILY_COLUMNS[letter]: sum(int(r[letter] or 0) for r in rows)
        for letter in FAMILY_COLUMNS
        if any(r[letter] for r in rows)
    }
