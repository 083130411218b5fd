"""单位名称前后写法一致
The unit's name is spelt the same way throughout.

What: a name in the text that is the unit's name with a character swapped for one that reads
alike ("上海市普陀区规划与自然资源局" for "上海市普陀区规划和自然资源局"; data/shared/wording.yaml
unit_name_variants) is reported, once, listing every place it is written so. (A different unit
named in a header or sentence is D101's concern.)

Why: the unit's legal name is what the disclosure is filed under; two spellings make a reader
(and a search) wonder whether two bodies are meant.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（公开内容真实、准确）.

Example: ``三公经费说明: “上海市普陀区规划与自然资源局所属各预算单位…” — 单位名称为“上海市普陀区规划和
自然资源局”`` (warning).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context, issue
from yusuan.check.figures import src_location
from yusuan.model import Finding, Location, Severity, Source
from yusuan.reference.narrative import load_wording, squeeze


def check(ctx: Context) -> Iterator[Finding]:
    name = squeeze(ctx.unit_name)
    variants = load_wording().unit_name_variants
    swappable = [(a, b) for a, b in variants.items() if b in name]
    if not name or not swappable:
        return
    spellings = {name.replace(usual, variant) for variant, usual in swappable} - {name}
    d = ctx.disclosure
    places: list[tuple[str | None, Source | None, str]] = [(s.id, s.source, s.text) for s in d.sections]
    places += [(None, t.source, (t.unit_name or "") + t.title) for t in d.tables.values()]
    found: dict[str, list[Location]] = {}
    for section_id, source, text in places:
        squeezed = squeeze(text)
        for spelling in spellings:
            if spelling in squeezed:
                place = src_location(source, section=section_id or "表头", sentence=spelling)
                found.setdefault(spelling, []).append(place)
    for spelling, where in found.items():
        yield issue(
            Severity.WARNING,
            f"单位名称写作“{spelling}”（{len(where)}处），应为“{name}”",
            f"the unit's name is written {spelling!r} ({len(where)} places), not {name!r}",
            *where,
            hint="统一为单位的法定名称 / use the unit's legal name throughout",
        )
