"""各表表头和说明中的单位名称一致
The same unit name in every table header and narrative sentence.

What: each table's 单位名称 line names the unit of the document, every sentence of the
情况说明 that opens with "<year>年度<unit>…" names that same unit (or a short form of it), and so
does a heading "<unit> <year>年度部门决算表" printed above the tables.

Why: disclosures are often assembled from a neighbour's file; a foreign unit name in a header
or sentence shows copied content whose figures may not be this unit's.

A short form of the unit's own name ("省检察院" for 江苏省人民检察院: its characters in order,
ending as the name ends) is the unit itself.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（公开内容真实、准确）.

Example: ``expenditure 单位名称: 朔州市朔城区城镇发展服务中心 ≠ 朔州市朔城区数字政府服务中心``
(error).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import src_location, table_location
from yusuan.model import Finding, Severity
from yusuan.reference.narrative import squeeze

# "2025年度XX中心预算收入…": the unit named at the opening of a narrative sentence.
_SUFFIX = "中心|局|委员会|委|办公室|办|院|所|站|队|馆|处|厅|部|会|室|社|校|园"
_OPENING = re.compile(
    r"(?:^|[。；;\n])\d{4}年度?(?P<name>[^\d，,。；;：:、\s]{2,40}?(?:" + _SUFFIX + r"))"
    r"(?=预算|支出|财政|一般|政府|纳入|共有|使用|占有|单位|部门|收入|本年)"
)


# "上海市规划和自然资源局 2024 年度部门决算表": the heading printed above the tables.
_HEADING = re.compile(
    r"(?:^|\n)(?P<name>[^\d，,。；;：:、\s]{2,40}?(?:" + _SUFFIX + r"))\s*\d{4}\s*年度?"
    r"\s*(?:部门|单位)?\s*(?:预算|决算)(?:公开)?表?\s*(?=\n|$)"
)
# The regions a name opens with (江苏省, 上海市普陀区): a name with a region of its own names
# that region's body.
_REGION = re.compile(r"^(?:[^\s省市区县]{1,8}?(?:省|自治区|市|自治州|区|县))+")


def check(ctx: Context) -> Iterator[Finding]:
    unit = squeeze(ctx.unit_name)
    if not unit:
        return
    for table in ctx.disclosure.tables.values():
        if table.unit_name is None:
            continue
        printed = squeeze(table.unit_name.split(":", 1)[-1].split("：", 1)[-1])
        if printed and printed != unit:
            yield issue(
                Severity.ERROR,
                f"表头单位名称“{printed}”与本单位“{unit}”不符",
                f"table {table.id}: header names {printed!r}, not the unit {unit!r}",
                table_location(table),
                hint="核对此表是否属于本单位 / check that this table belongs to the unit",
            )
    for section in ctx.disclosure.sections:
        for match in _HEADING.finditer(section.text):
            name = squeeze(match.group("name"))
            if name != unit and not _abbreviates(name, unit):
                yield issue(
                    Severity.ERROR,
                    f"报表标题中的单位名称“{name}”与本单位“{unit}”不符",
                    f"the tables' heading names {name!r}, not the unit {unit!r}",
                    src_location(section.source, section=section.id, sentence=match.group(0).strip()),
                    hint="核对报表是否属于本单位 / check that the tables belong to the unit",
                )
        for match in _OPENING.finditer(squeeze(section.text)):
            name = match.group("name")
            if name != unit and unit not in name and not _abbreviates(name, unit):
                yield issue(
                    Severity.ERROR,
                    f"说明中的单位名称“{name}”与本单位“{unit}”不符",
                    f"section {section.id} names {name!r}, not the unit {unit!r}",
                    src_location(
                        section.source, section=section.id, sentence=match.group(0).strip("。；;\n")
                    ),
                    hint="核对这段说明是否抄自其他单位 / check whether the text was copied from another unit",
                )


def _abbreviates(name: str, unit: str) -> bool:
    """True when ``name`` is a short form of ``unit``: its characters in order, same last one,
    and no region of its own other than the unit's ("上海市规划和自然资源局" is the city's bureau,
    not the short form of 上海市普陀区规划和自然资源局)."""
    if len(name) < 3 or name[-1] != unit[-1]:
        return False
    region = _REGION.match(name)
    if region and region.group(0) != (_REGION.match(unit) or region).group(0):
        return False
    rest = iter(unit)
    return all(char in rest for char in name)
