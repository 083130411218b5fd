"""A document whose template is not known: which template it resembles, and how sure that is.

The shared vocabulary is every known template's table title patterns. Each short line of the
document (a title is a short line) is matched against them; a template's share is the part
of its tables whose titles the document prints. The best template of the document's kind
(预算 / 决算, from the words of its titles) is taken when it reaches :data:`MIN_SHARE` with at
least :data:`MIN_TABLES` tables; otherwise the guess says what was found and that no
template matches, so the reader can refuse with that diagnosis.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from yusuan.reference.narrative import squeeze
from yusuan.reference.profiles import Profile, load_profile, profile_ids

MIN_SHARE = 0.5  # at least half of the template's tables found ...
MIN_TABLES = 3  # ... and at least three of them
MAX_TITLE_CHARS = 60
MAX_TITLES = 2000
_KIND_WORDS = (("final_accounts", "决算"), ("budget", "预算"))
_SCOPE_WORDS = (("department", "部门"), ("unit", "单位"))
_KIND_NAMES = {"budget": "预算", "final_accounts": "决算"}
_SCOPE_NAMES = {"department": "部门", "unit": "单位"}


@dataclass(frozen=True)
class Candidate:
    profile: str
    share: float  # the part of the template's tables found
    tables: tuple[str, ...]  # the semantic ids found


@dataclass(frozen=True)
class TemplateGuess:
    profile: Profile | None  # the template taken, None when none matches
    confidence: float  # the taken (or best) template's share of tables found, 0..1
    titles: tuple[str, ...]  # the table titles found, as printed
    kind: str | None  # budget | final_accounts, as the titles say
    scope: str | None  # department | unit, as the titles say
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)  # best first

    def looks_like(self) -> str:
        """部门预算, 单位决算 … or 预算公开文件 when the words do not say."""
        scope = _SCOPE_NAMES.get(self.scope or "", "")
        kind = _KIND_NAMES.get(self.kind or "", "预算")
        return f"{scope}{kind}" if scope else f"{kind}公开文件"

    def describe(self) -> str:
        """One line for people: what the document looks like, what was found, what matched."""
        found = "、".join(self.titles[:8]) + ("…" if len(self.titles) > 8 else "")
        if self.profile is not None:
            return (
                f"模板按表名推断为 {self.profile.id}（{self.profile.name}），把握 {self.confidence:.0%}"
                f" / template guessed from the table titles: {self.profile.id}, {self.confidence:.0%} sure"
            )
        best = self.candidates[0] if self.candidates else None
        nearest = f"；最接近 {best.profile}（{best.share:.0%}）" if best else ""
        nearest_en = f"; nearest {best.profile} ({best.share:.0%})" if best else ""
        return (
            f"看起来是{self.looks_like()}；找到 {found or '无'}{nearest}；没有匹配的模板 / "
            f"looks like a {self.looks_like()}; found {found or 'no table title'}{nearest_en}; "
            "no template matches"
        )

    def diagnosis(self) -> dict[str, Any]:
        """The guess as a JSON object (what ``--json`` prints when the document is refused)."""
        return {
            "error": "unknown_template",
            "message": self.describe(),
            "looks_like": {"kind": self.kind, "scope": self.scope, "name": self.looks_like()},
            "tables_found": list(self.titles),
            "candidates": [
                {"profile": c.profile, "share": round(c.share, 2), "tables": list(c.tables)}
                for c in self.candidates[:5]
            ],
        }


def _titles(lines: Iterable[str]) -> list[str]:
    """Lines that may be table titles: short, naming a 表, not a sentence; whitespace removed,
    each once, at most :data:`MAX_TITLES` (the guess stays cheap on any input)."""
    found: dict[str, None] = {}
    for line in lines:
        s = squeeze(line)
        if s and "表" in s and len(s) <= MAX_TITLE_CHARS and not s.endswith("。"):
            found[s] = None
            if len(found) >= MAX_TITLES:
                break
    return list(found)


def _word(titles: list[str], words: tuple[tuple[str, str], ...]) -> str | None:
    """The first value whose word at least two titles carry (决算 before 预算: a 决算 table is
    often of the 一般公共预算), else the one any title carries."""
    counts = {value: sum(word in t for t in titles) for value, word in words}
    decisive = next((value for value, count in counts.items() if count >= 2), None)
    return decisive or next((value for value, count in counts.items() if count), None)


def guess_template(lines: Iterable[str]) -> TemplateGuess:
    """The known template ``lines`` (a document's text, line by line) most resemble."""
    titles = _titles(lines)
    profiles = [load_profile(pid) for pid in profile_ids()]
    printed: dict[str, None] = {}
    candidates: list[Candidate] = []
    for profile in profiles:
        found: dict[str, None] = {}
        for title in titles:
            spec = profile.table_for_title(title)
            if spec is not None:
                found[spec.id] = None
                printed[title] = None
        if found:
            candidates.append(Candidate(profile.id, len(found) / len(profile.tables), tuple(found)))
    table_titles = list(printed)
    kind, scope = _word(table_titles or titles, _KIND_WORDS), _word(table_titles or titles, _SCOPE_WORDS)
    candidates.sort(key=lambda c: (-c.share, -len(c.tables), c.profile))
    by_id = {p.id: p for p in profiles}
    fitting = [
        c
        for c in candidates
        if c.share >= MIN_SHARE
        and len(c.tables) >= MIN_TABLES
        and (kind is None or by_id[c.profile].kind == kind)
    ]
    chosen = by_id[fitting[0].profile] if fitting else None
    confidence = fitting[0].share if fitting else (candidates[0].share if candidates else 0.0)
    return TemplateGuess(chosen, confidence, tuple(table_titles), kind, scope, tuple(candidates))
