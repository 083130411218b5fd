"""各表标题和说明中的年度是预算年度
The budget year in every table title and narrative heading figure.

What: each table title carries the document's budget year (2025年预算收支总表), and the
years the 情况说明's sentences open with ("2025年度…", "2025年<本单位名称>…") are that year. A
sentence opening with another date ("2024年，本单位完成…") is not taken for the budget year. A
title without a year is a warning only where the template prints one (its title in
data/templates/<id>/template.yaml has {year}): the Shanghai 决算 tables, for one, are titled without a year.

Why: a wrong year in a title or sentence is the mark of last year's file reused; its
figures may be last year's.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》.

Example: ``expenditure: 标题《2024年预算支出总表》的年度不是2025`` (error).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan.check.context import CannotEvaluate, Context, issue
from yusuan.check.figures import src_location, table_location
from yusuan.model import Finding, Severity
from yusuan.reference.narrative import squeeze

_YEAR = re.compile(r"(20\d{2})年")
_OPENING_YEAR = re.compile(r"(?:^|[。；;])(20\d{2})年(?:度|(?={unit}))")


def check(ctx: Context) -> Iterator[Finding]:
    year = ctx.year
    if year is None:
        raise CannotEvaluate("文件没有写明预算年度 / the document states no budget year")
    profile = ctx.profile
    for table in ctx.disclosure.tables.values():
        years = {int(y) for y in _YEAR.findall(table.title)}
        spec = profile.table(table.id) if profile is not None else None
        if not years and spec is not None and "{year}" not in spec.title:
            continue  # the template prints this title without a year (the Shanghai 决算)
        if not years:
            yield issue(
                Severity.WARNING,
                f"表《{table.title}》的标题没有年度",
                f"table {table.id}: the title {table.title!r} names no year",
                table_location(table),
            )
        elif year not in years:
            yield issue(
                Severity.ERROR,
                f"表《{table.title}》的年度不是{year}",
                f"table {table.id}: the title {table.title!r} is not of {year}",
                table_location(table),
                hint=f"改为{year}年 / make it {year}",
            )
    opening = re.compile(_OPENING_YEAR.pattern.replace("{unit}", re.escape(squeeze(ctx.unit_name)) or "$^"))
    for section in ctx.disclosure.sections:
        if section.id == "assets":  # 截至上年12月31日: checked by D104
            continue
        for match in opening.finditer(squeeze(section.text)):
            if int(match.group(1)) != year:
                yield issue(
                    Severity.ERROR,
                    f"说明中写的是{match.group(1)}年，本文件是{year}年预算",
                    f"section {section.id} speaks of {match.group(1)}, the budget is for {year}",
                    src_location(section.source, section=section.id, sentence=match.group(0).strip("。；;")),
                )
