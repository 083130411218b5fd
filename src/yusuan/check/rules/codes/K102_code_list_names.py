"""科目名称与科目表一致（科目表所知者）
A code's name matches the official code list, where the list knows the code.

What: each functional (and coded economic) line's name is compared with the code list of
the budget year (data/codes/<year>/). A code the list does not hold is unknown, never wrong;
the list is partial and an official full list can replace it. A document older than every list
is not evaluated: names change between years (20805 行政事业单位离退休 is now 行政事业单位养老支出).

Why: a name that is not the code's name suggests a wrong code, which puts money under the
wrong purpose.

Legal basis: 财政部《政府收支分类科目》（当年度）.

Example: ``expenditure 2010350 “机关服务” — 科目表中为“事业运行”`` (warning).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import CannotEvaluate, Context, issue
from yusuan.check.figures import cell_location, coded_rows, strip_number
from yusuan.model import CodeKind, Finding, Severity
from yusuan.reference.codes import normalise_name


def check(ctx: Context) -> Iterator[Finding]:
    codes = ctx.codes
    if len(codes) == 0:
        raise CannotEvaluate("没有科目表 / no code list")
    year = ctx.disclosure.facts.year
    if codes.year is not None and year is not None and codes.year > year:
        # names change from year to year (20805 行政事业单位离退休 became 行政事业单位养老支出)
        raise CannotEvaluate(
            f"没有{year}年（或更早）的科目表，不以{codes.year}年的科目名称衡量 / "
            f"no code list of {year} or earlier; the {codes.year} names are not this year's"
        )
    reported: set[tuple[str, str]] = set()
    for table in ctx.disclosure.tables.values():
        kind = CodeKind.ECONOMIC if table.id == "general_basic_economic" else CodeKind.FUNCTIONAL
        for row in coded_rows(table):
            assert row.code is not None
            official = codes.name(row.code, kind)
            printed = strip_number(row.name)  # 收支总表 prints 类 as "一、一般公共服务支出"
            if official is None or normalise_name(official) == normalise_name(printed):
                continue
            if (row.code, row.name) in reported:
                continue
            reported.add((row.code, row.name))
            yield issue(
                Severity.WARNING,
                f"科目{row.code}印为“{row.name}”，{codes.year}年科目表中为“{official}”",
                f"code {row.code} is printed as {row.name!r}; "
                f"the {codes.year} code list names it {official!r}",
                cell_location(table, row, None),
                hint="核对科目编码是否正确 / check the code",
            )
