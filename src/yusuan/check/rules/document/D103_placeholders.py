"""没有遗留未填写的占位符
No template placeholder is left in the published document.

What: no "XX", "××", "＊＊", "某某", "待填写", "待补充", "（填写…）", nor the template text of the
official templates — "x,xxx万元", "主要原因是xxxxxx", "增加（减少）", "（持平）", "大于（小于）",
bracketed instructions to the preparer ("（若无，则写…）", "（说明项目的总体情况…）", "（如持平作
持平表述）"), "按上述格式…", "（九）……：指……" — in the unit name, table titles and headers, cells,
narrative, glossary, performance sheets. The patterns are data (data/shared/wording.yaml
placeholders), taken from the Shanghai workbooks and the 决算 template. Each section or table
with placeholders is one finding listing every line that holds one.

Why: a placeholder means the text was never finished; whatever it stood for is undisclosed.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（公开内容完整、准确）.

Example: ``情况说明 九: “政府采购预算总额XX万元”`` (error).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from yusuan.check.context import Context, issue
from yusuan.check.figures import cell_location, src_location, table_location
from yusuan.model import Finding, Location, Severity
from yusuan.reference.narrative import load_wording


def _places(ctx: Context) -> Iterator[tuple[str, Callable[[], Location]]]:
    """Every text with how to locate it (built only for a text that holds a placeholder)."""
    d = ctx.disclosure
    yield d.facts.unit, partial(src_location, d.facts.source, section="单位名称")
    yield d.facts.title, partial(src_location, d.facts.source, section="标题")
    for table in d.tables.values():
        yield table.title + (table.unit_name or ""), partial(table_location, table)
        for row in table.rows:
            yield row.name, partial(cell_location, table, row, None)
            for column, cell in zip(table.columns, row.cells, strict=False):
                if cell.amount is None and cell.text.strip():
                    yield cell.text, partial(cell_location, table, row, column.key)
        for note in table.notes:
            yield note, partial(table_location, table)
    for section in d.sections:
        for line in section.text.splitlines():
            yield line, partial(src_location, section.source, section=section.id, sentence=line.strip()[:60])
    for entry in d.glossary:
        yield entry.term + entry.definition, partial(src_location, entry.source, section="名词解释")
    for sheet in d.performance_targets:
        part = f"绩效目标表 {sheet.project}"
        where = partial(src_location, sheet.source, section=part)
        yield sheet.project + sheet.department + sheet.implementing_unit, where
        for text in sheet.goals.values():
            yield text, where
        for indicator in sheet.indicators:
            yield (
                indicator.level3 + " " + indicator.value,
                partial(src_location, indicator.source or sheet.source, section=part),
            )


def check(ctx: Context) -> Iterator[Finding]:
    """One finding per section or table, listing every line with a placeholder in it."""
    placeholder = load_wording().placeholders
    found: dict[str, list[tuple[str, str, Location]]] = {}
    for text, locate in _places(ctx):
        match = placeholder.search(text.replace(" ", ""))
        if match:
            where = locate()
            part = where.section or where.table or ""
            found.setdefault(part, []).append((match.group(0), text.strip()[:60], where))
    for places in found.values():
        words = "、".join(dict.fromkeys(f"“{word}”" for word, _, _ in places))
        first = places[0][1]
        if len(places) == 1:
            message, message_en = (
                f"留有未填写的占位符{words}：{first}",
                f"placeholder {words} left in: {first}",
            )
        else:
            message = f"留有{len(places)}处未填写的占位符{words}，如：{first}"
            message_en = f"{len(places)} placeholders ({words}) left, e.g. {first}"
        yield issue(
            Severity.ERROR,
            message,
            message_en,
            *dict.fromkeys(where for _, _, where in places),
            hint="填上实际内容 / fill in the actual content",
        )
