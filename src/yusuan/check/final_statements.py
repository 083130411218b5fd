"""The 决算 statements of a final accounts' 情况说明: 年初预算, 决算, 完成率, direction, reason.

"年初预算为 54.53 万元，支出决算为 54.53 万元，完成年初预算的 100.00%。决算数同预算数持平。" and
"…决算数小于预算数的主要原因：…" are read with the patterns of the profile's
``reading.final_statements`` block (template data, not code). A statement runs from one stated 年初预算
to the next one (or the end of its section); the rules of the final_accounts family judge them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from yusuan.check.context import CannotEvaluate, Context
from yusuan.model import Kind, Section
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
    placeholder: re.Pattern[str]
    words: dict[str, str]  # direction word -> up | down | same


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
    undecided: bool  # "大于（小于）" left as in the template
    reason: str | None  # None when no 主要原因 is stated

    @property
    def sentence(self) -> str:
        return self.text[:60]


@cache
def _patterns(profile: Profile) -> Patterns | None:
    raw: dict[str, Any] | None = (profile.raw.get("reading") or {}).get("final_statements")
    if not raw:
        return None
    return Patterns(
        **{key: re.compile(raw[key]) for key in ("budget", "final", "rate", "direction", "undecided")},
        reason=re.compile(raw["reason"]),
        placeholder=re.compile(raw["placeholder"]),
        words={str(k): str(v) for k, v in raw["words"].items()},
    )


def applies(ctx: Context) -> bool:
    """True for a 决算; the final_accounts rules do not apply to a budget."""
    return ctx.disclosure.facts.kind is Kind.FINAL_ACCOUNTS


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
        undecided=p.undecided.search(text) is not None,
        reason=reason["reason"].strip() if reason else None,
    )
