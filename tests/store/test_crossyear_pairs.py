"""Migration 0004 over rows of 0003, and cross-year findings kept by key (SQLite and PostgreSQL)."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, inspect, select, text

from yusuan.batch.pairs import unit_key
from yusuan.store import open_engine, upgrade
from yusuan.store.crossyear import (
    claim_unpaired,
    cross_year_findings,
    fill_unit_keys,
    neighbours,
    put_cross_year,
    unit_uploads,
)
from yusuan.store.db import MIGRATIONS
from yusuan.store.people import User, add_user
from yusuan.store.schema_workbench import findings, uploads
from yusuan.store.workbench import add_comment, decide

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
UNIT = "朔州市朔城区数字政府服务中心"


@pytest.fixture(params=["sqlite", "postgresql"])
def at_0003(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[tuple[Engine, str | None]]:
    """A store migrated to 0003 only, as a workbench before this change left it."""
    if request.param == "sqlite":
        engine = open_engine(str(tmp_path / "store.db"))
        upgrade(engine, None, "0003")
        yield engine, None
        return
    schema = f"yusuan_test_{uuid.uuid4().hex[:10]}"
    engine = open_engine(POSTGRES, schema)
    upgrade(engine, schema, "0003")
    yield engine, schema
    engine.dispose()
    plain = create_engine(POSTGRES)
    with plain.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    plain.dispose()


def _downgrade(engine: Engine, schema: str | None, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        config.attributes["schema"] = schema
        command.downgrade(config, revision)


def _upload(engine: Engine, schema: str | None, year: int, unit: str) -> int:
    """An upload row as 0003 knows it (plain SQL: the table has no unit_key or paired yet)."""
    table = f'"{schema}".uploads' if schema else "uploads"
    now = datetime.now(UTC)
    with engine.begin() as connection:
        return int(
            connection.execute(
                text(
                    f"INSERT INTO {table} (sha256, filename, size, uploaded_by, status, unit, year, kind, "
                    "errors, warnings, info, created_at, updated_at) VALUES (:sha, :name, 1, :user, 'done', "
                    ":unit, :year, 'budget/unit', 0, 0, 0, :now, :now) RETURNING id"
                ),
                {
                    "sha": hashlib.sha256(f"{year}{unit}".encode()).hexdigest(),
                    "name": f"{year}.pdf",
                    "user": 1,
                    "unit": unit,
                    "year": year,
                    "now": now,
                },
            ).scalar_one()
        )


def _finding(row: str, actual: str) -> dict[str, Any]:
    here = {"section": "changes", "sentence": f"{row}比上年增加2.11万元"}
    there = {"table": "overview", "row": row, "column": "2025年"}
    return {
        "rule": "Y101",
        "severity": "error",
        "message": f"{row}：上年文件（2025.pdf）为341.11万元",
        "location": here,
        "locations": [here, there],
        "evidence": {"expected": "341.11", "actual": actual},
    }


def test_0004_over_0003_rows_then_findings_kept_by_key(at_0003: tuple[Engine, str | None]) -> None:
    engine, schema = at_0003
    add_user(engine, "审核员", "reviewer")
    reviewer = User(1, "审核员", "reviewer", None)
    old = _upload(engine, schema, 2025, f"{UNIT}（本级）")
    new = _upload(engine, schema, 2026, UNIT)
    other = _upload(engine, schema, 2026, "上海市财政局")

    upgrade(engine, schema)
    columns = {c["name"] for c in inspect(engine).get_columns("uploads", schema=schema)}
    assert {"unit_key", "paired"} <= columns
    indexes = {i["name"]: i for i in inspect(engine).get_indexes("uploads", schema=schema)}
    assert indexes["ix_uploads_unit_key"]["column_names"] == ["unit_key", "kind", "year"]
    assert fill_unit_keys(engine, unit_key) == 3 and fill_unit_keys(engine, unit_key) == 0
    assert [r["id"] for r in unit_uploads(engine, reviewer, UNIT)] == [old, new]  # 本级 is the same unit
    assert [r["id"] for r in neighbours(engine, old)] == [old, new]  # itself first, then newest first

    claimed = {claim_unpaired(engine) for _ in range(4)}  # each existing row paired once after 0004
    assert claimed == {old, new, other, None}

    first, second = _finding("收入总计", "345.00"), _finding("支出总计", "345.00")
    assert put_cross_year(engine, new, old, [first, second]) == 2
    rows = cross_year_findings(engine, [old])
    assert [(r["upload_id"], r["previous_upload_id"], r["rule"]) for r in rows] == [(new, old, "Y101")] * 2
    decided = decide(engine, rows[0]["id"], reviewer, "accepted", "上年数不符", 0)
    add_comment(engine, new, reviewer, "请核对", rows[1]["id"])

    # pairing again against another copy of 2025, the message naming another file: the same rows
    again = _finding("收入总计", "345.00") | {"message": "收入总计：上年文件（2025-copy.pdf）为341.11万元"}
    assert put_cross_year(engine, new, old, [again]) == 1
    after = {r["id"]: r for r in cross_year_findings(engine, [new])}
    assert set(after) == {rows[0]["id"], rows[1]["id"]}
    kept = after[rows[0]["id"]]
    assert (kept["decision"], kept["version"], kept["body"]["message"]) == (
        "accepted",
        decided["version"],
        again["message"],
    )
    assert after[rows[1]["id"]]["body"]["stale"] is True  # commented on: kept, marked
    with engine.connect() as connection:
        counts = connection.execute(select(uploads.c.errors).where(uploads.c.id == new)).scalar_one()
    assert counts == 1  # the stale one does not count

    # a finding nobody acted on and no longer found is deleted
    put_cross_year(engine, new, old, [again, _finding("财政拨款收入总计", "300.00")])
    fresh = [r for r in cross_year_findings(engine, [new]) if not r["body"].get("stale")]
    assert len(fresh) == 2
    put_cross_year(engine, new, old, [again])
    with engine.connect() as connection:
        left = connection.execute(select(findings.c.id).where(findings.c.upload_id == new)).scalars().all()
    assert sorted(left) == sorted([rows[0]["id"], rows[1]["id"]])

    _downgrade(engine, schema, "0003")  # and back: the downgrade runs on both databases
    assert "unit_key" not in {c["name"] for c in inspect(engine).get_columns("uploads", schema=schema)}
