"""说明中科目名称与报表一致
An item sentence names its line as the table does.

What: an item sentence of the functional classification ("“一般公共服务支出（类）财政事务（款）
行政运行（项）”1,623.18万元") is bound to its line by code first, then by the names of its 类, 款
and 项 (N101 compares the amounts). When the name printed in the text differs from the table's
name of that line — another wording under the same 款, or a name placed at the wrong level
("卫生健康支出（款）计划生育事务（项）" for the 款 21007 计划生育事务) — this is reported as a
naming finding: a warning, or info when only a variant spelling differs (其它/其他;
data/shared/sentences.yaml name_variants). It is never an amount error.

Why: the reader looks the line up in the table by its name; a wrong name or level sends them
to another line or to none.

Legal basis: 《政府收支分类科目》（财政部，按年度）; 财预〔2016〕143号.

Example: ``“社会保障和就业支出（类）行政事业单位养老支出（款）其它行政事业单位养老支出（项）”
— 表中为“其他行政事业单位养老支出”`` (info).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.claims import section_claims
from yusuan.check.context import Context, issue
from yusuan.model import Finding, Severity


def check(ctx: Context) -> Iterator[Finding]:
    patterns = ctx.require_narrative()
    for item in section_claims(ctx):
        if item.target is None:
            continue
        for printed, named in item.renamed:
            variant = patterns.same_name(printed) == patterns.same_name(named)
            yield issue(
                Severity.INFO if variant else Severity.WARNING,
                f"说明中的科目“{printed}”与表中“{named}”写法不同",
                f"the narrative names the line {printed!r}; the table calls it {named!r}",
                item.location,
                item.target.location,
                hint="按《政府收支分类科目》的名称和级次书写 / use the classification's name and level",
            )
