"""The seed as read and as built by hand carries the same row roles, and parse --json shows them."""

from __future__ import annotations

import json

from yusuan.model import Disclosure
from yusuan.model.serialize import disclosure_to_json


def _roles(disclosure: Disclosure) -> dict[str, list[tuple[str, str]]]:
    return {
        table.id: sorted((row.name, row.role) for row in table.rows if row.role is not None)
        for table in disclosure.tables.values()
    }


def test_read_and_built_seed_have_the_same_roles(read_seed: Disclosure, built_seed: Disclosure) -> None:
    read = _roles(read_seed)
    assert read == _roles(built_seed)
    assert ("上年结转", "income_carryover") in read["overview"]
    assert ("本年支出合计", "expenditure_subtotal") in read["overview"]
    assert ("②公务用车运行维护费", "vehicle_running") in read["three_public"]
    assert ("部门合计", "total") in read["admin_running"]
    assert read["projects"] == [(read_seed.facts.unit, "total")]


def test_roles_are_in_the_json(read_seed: Disclosure) -> None:
    data = json.loads(json.dumps(disclosure_to_json(read_seed), ensure_ascii=False))
    rows = next(t for t in data["tables"] if t["id"] == "overview")["rows"]
    assert {r["name"]: r["role"] for r in rows}["收入总计"] == "income_total"
    assert {r["role"] for r in rows if r["name"].startswith("二十")} == {None}  # functional classes
