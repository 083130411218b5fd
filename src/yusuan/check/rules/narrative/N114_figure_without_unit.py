"""变动额、变动率写明单位
A change or a rate is written with its unit.

What: a direction word followed by a bare figure that ends the clause — "增长13.95。",
"减少120，" — where the template writes "增长13.95%" or "减少120万元". The direction words and the
shape are data (data/shared/wording.yaml bare_figure). Each section is one finding listing every
place.

Why: without its unit a figure can be read as an amount or as a rate, and the statement cannot be
checked against the tables; it is usually a "%" or "万元" lost in editing.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（公开内容真实、准确）;
《党政机关公文格式》GB/T 9704-2012（计量单位）.

Example: ``一般公共预算财政拨款支出决算情况说明: “与2023年度相比，一般公共预算财政拨款支出增加
1193.20万元，增长13.95。”`` (warning: 13.95 without %).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import CannotEvaluate, Context, issue
from yusuan.check.figures import src_location
from yusuan.model import Finding, Severity
from yusuan.reference.narrative import load_wording, squeeze


def check(ctx: Context) -> Iterator[Finding]:
    pattern = load_wording().bare_figure
    if pattern is None:
        raise CannotEvaluate("没有 bare_figure 用语数据 / no bare_figure wording in wording.yaml")
    for section in ctx.disclosure.sections:
        text = squeeze(section.text)
        found = list(pattern.finditer(text))
        if not found:
            continue
        quoted = [text[max(0, m.start() - 12) : m.end() + 1] for m in found]
        figures = "、".join(m.group("figure") for m in found)
        yield issue(
            Severity.WARNING,
            f"数字{figures}没有写单位（%或万元）：“{quoted[0]}”",
            f"{figures} written without its unit (% or 万元): {quoted[0]!r}",
            *(src_location(section.source, section=section.id, sentence=q) for q in quoted),
            hint="补上单位（%或万元）/ add the unit (% or 万元)",
        )
