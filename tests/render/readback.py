"""Assertions shared by the format tests: a table read back holds the Disclosure's cells."""

from __future__ import annotations

from yusuan.model import Disclosure, Table
from yusuan.reference.profiles import load_profile


def assert_rows_read_back(table: Table, matrix: list[list[str]]) -> int:
    """Every row of ``table`` is in ``matrix``: its name, then its labels and amounts in column order.

    Returns the number of amount cells compared.
    """
    spec = load_profile("shanxi").table(table.id)
    assert spec is not None
    label_keys = [c.key for c in spec.labels]
    compared = 0
    for row in table.rows:
        keys = [c.key for c in table.columns if c.side == row.side]
        expected = [row.name, *(row.labels.get(k, "") for k in label_keys if row.side is None)]
        expected += [row.cell(table, k).text for k in keys]  # type: ignore[union-attr]
        hits = [
            line[start : start + len(expected)]
            for line in matrix
            for start in range(len(line))
            if line[start] == row.name
        ]
        assert expected in hits, f"{table.id}: row {row.name!r} expected {expected}, found {hits}"
        if row.code is not None and spec.layout in ("coded", "side_by_side_coded"):
            assert any(
                line[i] == row.code and line[i + 1] == row.name
                for line in matrix
                for i in range(len(line) - 1)
            ), f"{table.id}: code {row.code} not before {row.name}"
        compared += len(keys)
    return compared


def tables_in_order(disclosure: Disclosure) -> list[Table]:
    return list(disclosure.tables.values())
