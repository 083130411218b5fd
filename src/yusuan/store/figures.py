"""A checked upload's figures (the batch panel's cells) and the decisions on its findings, by upload.

``put_figures`` runs inside the transaction that marks a job done (store.workbench.finish), so a
document is never ``done`` without its figures. Amounts stay exact: strings in, Decimal out.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from yusuan.store.schema_figures import figures
from yusuan.store.schema_workbench import findings


def put_figures(connection: Connection, upload_id: int, rows: Iterable[dict[str, Any]]) -> int:
    """Replace the upload's figures by ``rows`` (panel rows); how many were written."""
    connection.execute(figures.delete().where(figures.c.upload_id == upload_id))
    values = [
        {
            "upload_id": upload_id,
            "table_id": str(row["table"]),
            "row_code": str(row.get("row_code") or ""),
            "row_name": str(row.get("row_name") or ""),
            "role": str(row.get("role") or ""),
            "column_key": str(row["column"]),
            "amount_yuan": str(row["amount_yuan"]),
        }
        for row in rows
    ]
    if values:
        connection.execute(figures.insert(), values)
    return len(values)


def figures_of(engine: Engine, upload_ids: Iterable[int]) -> dict[int, list[dict[str, Any]]]:
    """upload id -> its cells in stored order: table, row_code, row_name, role, column, amount (Decimal)."""
    wanted = list(upload_ids)
    out: dict[int, list[dict[str, Any]]] = {upload_id: [] for upload_id in wanted}
    if not wanted:
        return out
    query = select(figures).where(figures.c.upload_id.in_(wanted)).order_by(figures.c.id)
    with engine.connect() as connection:
        for row in connection.execute(query):
            out[row.upload_id].append(
                {
                    "table": row.table_id,
                    "row_code": row.row_code,
                    "row_name": row.row_name,
                    "role": row.role,
                    "column": row.column_key,
                    "amount": Decimal(row.amount_yuan),
                }
            )
    return out


def decision_counts(engine: Engine, upload_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """upload id -> {"accepted": n, "dismissed": n, "open": n} over its findings."""
    wanted = list(upload_ids)
    out = {upload_id: {"accepted": 0, "dismissed": 0, "open": 0} for upload_id in wanted}
    if not wanted:
        return out
    query = (
        select(findings.c.upload_id, findings.c.decision, func.count())
        .where(findings.c.upload_id.in_(wanted))
        .group_by(findings.c.upload_id, findings.c.decision)
    )
    with engine.connect() as connection:
        for upload_id, decision, count in connection.execute(query):
            out[upload_id][decision or "open"] += int(count)
    return out
