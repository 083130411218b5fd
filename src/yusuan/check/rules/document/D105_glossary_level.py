"""名词解释的表述符合本单位的级次
The 名词解释 speaks of the unit's own level of government.

What: a glossary definition that speaks of 省直部门 / 省级部门 / 中央部门 (for example "三公
经费：指省直部门用财政拨款安排的…") in the disclosure of a city or county unit.

Why: the glossary was copied from a provincial template without adapting it; the definition
then does not describe this unit's 三公经费.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（公开内容准确）.

Example: ``名词解释 "三公"经费: “省直部门” in a 区 unit`` (warning).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yusuan.check.context import CannotEvaluate, Context, issue
from yusuan.check.figures import src_location
from yusuan.model import Finding, Severity

_UPPER = re.compile(r"省直部门|省级部门|省直单位|中央部门|中央本级")
# The level a unit name shows: a 区/县/旗 unit, a 市 unit, a provincial (省/自治区) unit.
_LEVELS = (
    ("county", re.compile(r"(区|县|旗)")),
    ("city", re.compile(r"市")),
    ("province", re.compile(r"^.{1,8}(省|自治区)")),
)


def _level(unit: str) -> str | None:
    if _LEVELS[2][1].search(unit) and not re.search(r"市", unit):
        return "province"
    for level, pattern in _LEVELS[:2]:
        if pattern.search(unit):
            return level
    return None


def check(ctx: Context) -> Iterator[Finding]:
    level = _level(ctx.unit_name)
    if level is None:
        raise CannotEvaluate("无法从单位名称判断行政级次 / cannot tell the unit's level from its name")
    if level == "province":
        return
    for entry in ctx.disclosure.glossary:
        match = _UPPER.search(entry.definition)
        if match:
            yield issue(
                Severity.WARNING,
                f"名词解释“{entry.term}”说的是“{match.group(0)}”，"
                f"本单位是{'县（区）' if level == 'county' else '市'}级单位",
                f"glossary {entry.term!r} speaks of {match.group(0)}, the unit is at {level} level",
                src_location(entry.source, section="名词解释", sentence=entry.term),
                hint="改为本级的表述（如“本单位”） / adapt the definition to the unit's level",
            )
