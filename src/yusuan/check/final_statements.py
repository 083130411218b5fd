"""The 决算 statements of a final accounts' 情况说明: 年初预算, 决算, 完成率, direction, reason.

"年初预算为 54.53 万元，支出决算为 54.53 万元，完成年初预算的 100.00%。决算数同预算数持平。" and
"…决算数小于预算数的主要原因：…" are read with the patterns of the profile's
``reading.final_statements`` block (template data, not code). A statement runs from one stated 年初预算
to the next one (or the end of its section); the rules of the final_accounts family judge them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from yusuan.check.context import CannotEvaluate, Context
from yusuan.model import Section
from yusuan.reference.narrative import squeeze
from yusuan.reference.profiles import Profile


@dataclass(frozen=True)
class Patterns:
    budget: re.Pattern[str]
    final: re.Pattern[str]
    rate: re.Pattern[str]
    direction: re.Pattern[str]
    undecided: re.Pattern[str]
    reason: re.Pattern[str]
    words: dict[str, str]  # direction word -> up | down | same
    part_table: str = ""  # the table holding the 预算数 of parts stated without it (三公)
    part_rate: re.Pattern[str] | None = None
    part_columns: dict[str, str] = field(default_factory=dict)  # printed label -> column key


@dataclass(frozen=True)
class Statement:
    section: Section
    text: str  # the statement, whitespace removed
    budget: Decimal | None  # None when a placeholder stands for it
    final: Decimal | None
    rate: Decimal | None
    rate_text: str  # as printed ("95.45"), "" when no rate is stated
    direction: str | None  # up | down | same, None when no word is stated
    direction_text: str
    undecided: str  # "大于（小于）", "下降（增长）" … left as in the template ("" when none)
    reason: str | None  # None when no 主要原因 is stated

    @property
    def sentence(self) -> str:
        return self.text[:60]


@cache
def _patterns(profile: Profile) -> Patterns | None:
    raw: dict[str, Any] | None = (profile.raw.get("reading") or {}).get("final_statements")
    if not raw:
        return None
    parts: dict[str, Any] = raw.get("parts") or {}
    return Patterns(
        **{key: re.compile(raw[key]) for key in ("budget", "final", "rate", "direction", "undecided")},
        reason=re.compile(raw["reason"]),
        words={str(k): str(v) for k, v in raw["words"].items()},
        part_table=str(parts.get("table", "")),
        part_rate=re.compile(parts["rate"]) if parts.get("rate") else None,
        part_columns={str(k): str(v) for k, v in (parts.get("columns") or {}).items()},
    )


def patterns(ctx: Context) -> Patterns:
    profile = ctx.require_profile()
    found = _patterns(profile)
    if found is None:
        raise CannotEvaluate(
            f"模板 {profile.id} 没有决算说明的句式 / the profile has no final_statements patterns"
        )
    return found


def number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").replace("，", ""))
    except InvalidOperation:
        return None


def statements(ctx: Context) -> list[Statement]:
    """Every 决算 statement of every section, in printed order."""
    found = patterns(ctx)
    result: list[Statement] = []
    for section in ctx.disclosure.sections:
        text = squeeze(section.text)
        starts = [m.start() for m in found.budget.finditer(text)]
        if not starts:
            continue
        for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
            result.append(_statement(section, text[start:end], found))
    return result


def _statement(section: Section, text: str, p: Patterns) -> Statement:
    budget = p.budget.match(text)
    assert budget is not None  # every statement starts with its 年初预算
    final = p.final.search(text, budget.end())
    rate = p.rate.search(text, final.end()) if final else None
    direction = p.direction.search(text)
    reason = p.reason.search(text)
    return Statement(
        section=section,
        text=text,
        budget=number(budget["amount"]),
        final=number(final["amount"]) if final else None,
        rate=number(rate["rate"]) if rate else None,
        rate_text=rate["rate"] if rate else "",
        direction=p.words.get(direction["word"]) if direction else None,
        direction_text=direction.group(0) if direction else "",
        undecided=undecided.group(0) if (undecided := p.undecided.search(text)) else "",
        reason=reason["reason"].strip() if reason else None,
    )


def part_statements(ctx: Context) -> list[Statement]:
    """The parts stated with their 决算 and rate but not their 预算 ("其中：因公出国（境）费决算为
    0.00 万元，完成预算的 0.00%"), their 预算 taken from the table's row of role ``budget``."""
    found = patterns(ctx)
    table = ctx.disclosure.table(found.part_table) if found.part_table else None
    budget_row = next((r for r in table.rows if r.role == "budget"), None) if table else None
    if found.part_rate is None or table is None or budget_row is None:
        return []
    result: list[Statement] = []
    for section in ctx.disclosure.sections:
        for match in found.part_rate.finditer(squeeze(section.text)):
            column = found.part_columns.get(match["label"])
            budget = budget_row.amount(table, column) if column else None
            if budget is None:
                continue
            result.append(
                Statement(
                    section=section,
                    text=match.group(0),
                    budget=budget.value,
                    final=number(match["amount"]),
                    rate=number(match["rate"]),
                    rate_text=match["rate"],
                    direction=None,
                    direction_text="",
                    undecided="",
                    reason=None,
                )
            )
    return result
