"""有名词解释，并解释了报表所用的术语
The 名词解释 is published and explains the terms the tables use.

What: the document has a glossary (名词解释), and it defines 三公经费 and 机关运行经费
whenever those tables are published.

Why: readers outside finance need the terms; the 三公 and 机关运行经费 definitions tell what
the figures include.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（对专业性较强的名词进行解释）.

Example: ``名词解释 缺失`` (warning).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import src_location
from yusuan.model import Finding, Severity

_TERMS = {"three_public": "三公", "admin_running": "机关运行经费"}


def check(ctx: Context) -> Iterator[Finding]:
    d = ctx.disclosure
    where = src_location(d.facts.source, section="名词解释")
    if not d.glossary:
        yield issue(
            Severity.WARNING,
            "没有名词解释",
            "the glossary (名词解释) is missing",
            where,
            hint="附上名词解释 / add the glossary",
        )
        return
    for table_id, term in _TERMS.items():
        if d.table(table_id) is not None and not any(term in g.term for g in d.glossary):
            yield issue(
                Severity.WARNING,
                f"名词解释没有解释“{term}”",
                f"the glossary does not define {term}",
                where,
            )
