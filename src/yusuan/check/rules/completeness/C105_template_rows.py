"""固定行次的表列出模板的每一行
Tables with fixed lines print every line of the template.

What: the tables whose lines the template fixes (Shanxi: the 三公 table with 因公出国(境)费,
公务接待费, 公务用车购置及运行费 split into ①公务用车购置费 and ②公务用车运行维护费, and 合计;
the 机关运行经费 table) print each of those lines, even when empty.

Why: the split of 公务用车购置费 and 运行维护费 is required so that readers see whether cars
are bought; a merged or missing line hides it.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（"三公"经费应细化到因公出国（境）费、
公务用车购置及运行费、公务接待费，其中公务用车购置费和运行费分别公开）.

Example: ``three_public: 缺少“①公务用车购置费”行`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import find_row, table_location
from yusuan.model import Finding, Severity


def _norm(name: str) -> str:
    return name.replace("（", "(").replace("）", ")").lstrip("①②③④").replace(" ", "")


def check(ctx: Context) -> Iterator[Finding]:
    profile = ctx.require_profile()
    for spec in profile.tables:
        table = ctx.disclosure.table(spec.id)
        if table is None or not spec.rows:
            continue
        printed = {_norm(r.name) for r in table.rows}
        for name in spec.rows:
            if _norm(name) not in printed and find_row(table, name) is None:
                yield issue(
                    Severity.ERROR,
                    f"《{table.title}》缺少“{name}”行",
                    f"table {table.id} lacks the template line {name!r}",
                    table_location(table),
                    hint="按模板列出此行，无数据留空 / print the line, blank when there is no money",
                )
