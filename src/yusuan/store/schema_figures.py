"""The figures table (migration 0003): every amount of a checked upload, as the batch panel has it.

figures   one row per table cell holding an amount (yusuan.batch.panel.panel_rows): the table's
          semantic id, the row's code, name and role, the column key, and the amount in 元 as an
          exact decimal string. The unit page (/units/…) reads a unit's years side by side from it.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text

from yusuan.store.schema import metadata

figures = Table(
    "figures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("upload_id", Integer, ForeignKey("uploads.id"), nullable=False, index=True),
    Column("table_id", String(64), nullable=False),
    Column("row_code", String(32), nullable=False),
    Column("row_name", Text, nullable=False),
    Column("role", String(64), nullable=False),
    Column("column_key", String(64), nullable=False),
    Column("amount_yuan", String(40), nullable=False),
)
