"""The explanations of the narrative: each reason (主要原因是…) and purpose (主要用于…), with the
direction word it explains and where it is (data/shared/wording.yaml says what opens them)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from yusuan.check.context import Context
from yusuan.check.figures import src_location
from yusuan.model import Location, Section
from yusuan.reference.narrative import Wording, load_wording, squeeze

_END = re.compile(r"[。；;]|$")


@dataclass(frozen=True)
class Explanation:
    """An explanation in the text (主要原因是…, 主要用于…) and what it explains."""

    section: Section
    kind: str  # "reason" | "purpose"
    intro: str  # the words that open it (主要原因是)
    text: str  # what follows, up to 。 or ；
    explains: str | None  # "up" / "down" / "flat": the last direction word before it in its sentence
    sentence: str  # the sentence up to the end of the explanation

    @property
    def location(self) -> Location:
        return src_location(self.section.source, section=self.section.id, sentence=self.sentence[-80:])


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words) or "(?!)"


@cache
def _scanner(
    reasons: tuple[str, ...], purposes: tuple[str, ...], directions: tuple[tuple[str, tuple[str, ...]], ...]
) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """Compiled once per wording: the openings (reasons before purposes, each list in its order,
    which is the order regex alternation tries them at one place), the direction words and what
    each means. The scan finds the same openings as trying each word at every character did."""
    openings = re.compile(f"(?P<reason>{_alternatives(reasons)})|(?P<purpose>{_alternatives(purposes)})")
    direction_of = {word: key for key, words in directions for word in words}
    last_direction = re.compile("|".join(re.escape(w) for w in direction_of))
    return openings, last_direction, direction_of


def _explanations(section: Section, wording: Wording) -> Iterator[Explanation]:
    openings, last_direction, direction_of = _scanner(
        wording.reason_intros, wording.purpose_intros, tuple(wording.directions.items())
    )
    text = squeeze(section.text)
    position = 0
    while position < len(text):
        found = openings.search(text, position)
        if found is None:
            return
        position, intro = found.start(), found.group()
        is_reason = found.lastgroup == "reason"
        begin = position + len(intro)
        end_match = _END.search(text, begin)
        end = end_match.start() if end_match else len(text)
        sentence_start = max(text.rfind("。", 0, position), text.rfind("；", 0, position)) + 1
        before = text[sentence_start:position]
        words = last_direction.findall(before)
        yield Explanation(
            section=section,
            kind="reason" if is_reason else "purpose",
            intro=intro,
            text=text[begin:end].lstrip("：:"),
            explains=direction_of[words[-1]] if words else None,
            sentence=text[sentence_start:end],
        )
        position = max(end, begin)


def explanations(ctx: Context) -> list[Explanation]:
    """Every reason and purpose of every section, in reading order (read once per run)."""
    cached = ctx.shared.get("explanations")
    if isinstance(cached, list):
        return list(cached)
    wording = load_wording()
    found = [e for section in ctx.disclosure.sections for e in _explanations(section, wording)]
    ctx.shared["explanations"] = found
    return list(found)
