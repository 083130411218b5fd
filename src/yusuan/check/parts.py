"""Statements that list the parts of a total: "X万元，其中：A万元；B万元；C万元" or
"X万元。其中：（一）A万元…（二）B万元…", the whole with the amounts of its parts."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from yusuan.check.claims import AMOUNT_PATTERNS, SectionClaim
from yusuan.reference.narrative import load_wording, squeeze

_SENTENCE_END = re.compile(r"。")
_CN = "一二三四五六七八九十"
# how parts are numbered: （一） （1） 1. 1、 一、
_ENUMERATORS = ("（{cn}）", "（{n}）", "({n})", "{n}.", "{n}．", "{n}、", "{cn}、")


def _number(style: str, k: int) -> str | None:
    """The k-th (from 0) number of a style, None past the last one written."""
    return style.format(cn=_CN[k], n=k + 1) if k < len(_CN) else None


@dataclass(frozen=True)
class PartsStatement:
    """A total the text breaks into parts (其中：A万元；B万元…), with the parts."""

    whole: SectionClaim
    parts: tuple[SectionClaim, ...]
    enumerated: bool  # the parts are numbered items （一）（二）…


def _enumerated(text: str, start: int, claims: list[SectionClaim]) -> list[SectionClaim] | None:
    """Parts numbered from ``start``: the first amount after each number, in sequence."""
    for style in _ENUMERATORS:
        first = _number(style, 0)
        if first is None or not text.startswith(first, start):
            continue
        positions = [start]
        k = 1
        while (label := _number(style, k)) is not None and (found := text.find(label, positions[-1])) != -1:
            positions.append(found)
            k += 1
        positions.append(len(text))
        parts = []
        for begin, end in itertools.pairwise(positions):
            part = next((c for c in claims if begin <= c.claim.start < end), None)
            if part is None:
                return None
            parts.append(part)
        return parts
    return None


def parts_statements(claims: Iterable[SectionClaim]) -> list[PartsStatement]:
    """Every "其中" statement of every section with at least two parts stated in amounts."""
    by_section: dict[str, list[SectionClaim]] = {}
    for item in claims:
        if item.claim.pattern in AMOUNT_PATTERNS:
            by_section.setdefault(item.section.id, []).append(item)
    of_which = load_wording().parts_intro
    out: list[PartsStatement] = []
    for items in by_section.values():
        text = squeeze(items[0].section.text)
        previous: tuple[int, SectionClaim] | None = None  # (sentence start, whole) of the last 其中
        for match in of_which.finditer(text):
            whole = _whole(text, match.start(), items, previous)
            if whole is None:
                continue
            previous = (text.rfind("。", 0, match.start()) + 1, whole)
            # "其中拟购买货物962.86万元": a part's label may open with the 其中 itself
            after = [c for c in items if c.claim.start >= match.start() and c.claim.end > match.end()]
            numbered = _enumerated(text, match.end(), after)
            if numbered is not None:
                parts, enumerated = numbered, True
            else:
                end = _SENTENCE_END.search(text, match.end())
                stop = end.start() if end else len(text)
                parts = [c for c in after if c.claim.start < stop]
                nested = of_which.search(text, match.end(), stop)
                if nested:  # a second whole with its own 其中: the parts end before it
                    parts = [c for c in parts if c.claim.end <= nested.start()][:-1]
                enumerated = False
            if len(parts) >= 2 and not _restated(whole, parts):
                out.append(PartsStatement(whole, tuple(parts), enumerated))
    return out


def _restated(whole: SectionClaim, parts: list[SectionClaim]) -> bool:
    """True when every "part" is the whole again: the two sides of a balanced total ("收入、支出预算
    总计24,169.74万元。其中：（一）收入预算总计24,169.74万元…（二）支出预算总计24,169.74万元…")."""
    figure = whole.claim.values.get("amount")
    return figure is not None and all(p.claim.values.get("amount") == figure for p in parts)


def _whole(
    text: str, at: int, items: list[SectionClaim], previous: tuple[int, SectionClaim] | None
) -> SectionClaim | None:
    """The total a 其中 at ``at`` breaks down: the last amount before it in its sentence; for a
    其中 that opens a sentence, the first amount of the sentence before (or, when that sentence
    was itself a breakdown, the same total again: "总预算341.11万元。其中：…。其中：…")."""
    sentence_start = text.rfind("。", 0, at) + 1
    inside = [c for c in items if sentence_start <= c.claim.start and c.claim.end <= at]
    if inside:
        return inside[-1]
    before_start = text.rfind("。", 0, max(sentence_start - 1, 0)) + 1
    if previous is not None and previous[0] == before_start:
        return previous[1]
    earlier = [c for c in items if before_start <= c.claim.start and c.claim.end <= sentence_start]
    return earlier[0] if earlier else None
