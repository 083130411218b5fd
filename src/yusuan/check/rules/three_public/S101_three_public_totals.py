"""三公经费表相加，公务用车分列购置费和运行费
The 三公 table adds up, and the car line splits into purchase and running.

What: in the "三公"经费 table, 合计 = 因公出国(境)费 + 公务接待费 + 公务用车购置及运行费, and
公务用车购置及运行费 = ①公务用车购置费 + ②公务用车运行维护费, in every column (Shanxi: one line
each; Shanghai: one record with a column each).

Why: the 三公 figures are the most read lines of a disclosure; the car split is required so
that the purchase of cars is visible on its own.

Legal basis: 《党政机关厉行节约反对浪费条例》; 财预〔2016〕143号《地方预决算公开操作规程》
（"三公"经费细化公开，公务用车购置费和运行费分别列示）.

Example: ``three_public 公务用车购置及运行费: 应为3.00万元（1.00+2.00），实为2.00万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context
from yusuan.check.figures import cell_location, compare, judge, judge_lines
from yusuan.model import Finding, Row, Table


def _row(table: Table, *keys: str) -> Row | None:
    for row in table.rows:
        name = row.name.replace(" ", "").replace("（", "(").replace("）", ")")
        if all(k in name for k in keys):
            return row
    return None


# Templates that print the 三公 figures as one record (Shanghai: columns 合计, 因公出国(境)费,
# 公务接待费, 公务用车购置及运行费, 其中购置费, 运行费) hold the same identities across columns.
_RECORD = [
    ("total", ["abroad", "reception", "vehicle"]),
    ("vehicle", ["vehicle_purchase", "vehicle_running"]),
]


def _record(table: Table) -> Iterator[Finding]:
    for row in table.rows:
        for head, parts in _RECORD:
            if table.column_index(head) is None or any(table.column_index(p) is None for p in parts):
                continue
            found = judge(
                compare(row.amount(table, head), [row.amount(table, p) for p in parts], table.unit),
                table.unit,
                "三公经费合计不等于三项之和"
                if head == "total"
                else "公务用车购置及运行费不等于购置费加运行费",
                f"{head} is not {' + '.join(parts)}",
                cell_location(table, row, head),
                *(cell_location(table, row, p) for p in parts),
            )
            if found:
                yield found


def check(ctx: Context) -> Iterator[Finding]:
    table = ctx.require_table("three_public")
    if table.column_index("abroad") is not None:
        yield from _record(table)
        return
    abroad = _row(table, "出国")
    reception = _row(table, "接待")
    cars = _row(table, "购置及运行")
    purchase = next((r for r in table.rows if "购置费" in r.name and "运行" not in r.name), None)
    running = next(
        (
            r
            for r in table.rows
            if r is not cars and ("运行维护费" in r.name or r.name.strip().endswith("运行费"))
        ),
        None,
    )
    total = _row(table, "合计")
    identities = [
        (total, [abroad, reception, cars], "合计不等于三项之和", "total is not the sum of the three"),
        (
            cars,
            [purchase, running],
            "公务用车购置及运行费不等于购置费加运行维护费",
            "cars are not purchase + running",
        ),
    ]
    for head, parts, what, what_en in identities:
        known = [p for p in parts if p is not None]
        if head is None or not known:
            continue
        for column in table.columns:
            found = judge_lines(table, head, known, column.key, what, what_en)
            if found:
                yield found
