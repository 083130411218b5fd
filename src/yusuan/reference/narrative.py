"""Sentence patterns of the narrative (data/templates/<profile>/narrative.yaml), compiled both ways.

A :class:`SentencePattern` FORMATS values into a sentence fragment (authoring) and PARSES the
same fragment back (checking): ``{label}{amount}万元，占{share}%`` writes
"基本支出194.21万元，占56.93%" and reads it as a claim with label, amount and share.
:class:`NarrativePatterns` scans a whole text into :class:`Claim` objects in reading order and
says which table cell a claim's label refers to (:class:`Binding`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, cached_property
from typing import Any

from yusuan.model import Amount, Unit
from yusuan.reference.inherited import profile_data_file
from yusuan.reference.paths import ReferenceError, load_yaml, yaml_errors
from yusuan.reference.template_folders import (
    SHARED_SENTENCES,
    SHARED_WORDING,
    shared_file,
)

_SLOT = re.compile(r"\{(?P<name>[a-z_]+)(?::(?P<choices>[^}]+))?\}")
_NUMBER = r"\d+(?:\.\d+)?"
_GROUPED = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # 1,942,100 in 元 figures
_SLOT_REGEX = {
    "label": r"[^\d，,。；;：:、%％（）()\s“”\"]*",
    "phrase": r"[^，,。；;]+?",
    "amount": _GROUPED,
    "change": _NUMBER,
    "share": _NUMBER,
    "rate": _NUMBER,
    "count": r"\d+",
    "path": r"[^“”\"。；;]+",
    "previous": _GROUPED,
}
_LABEL_CHAR = re.compile(_SLOT_REGEX["label"][:-1])  # one character a {label} may hold
_LITERAL_VARIANTS = {"，": "[，,]", "：": "[：:]", "；": "[；;]", "%": "[%％]", "(": "[(（]", ")": "[)）]"}
_CLAUSE_END = re.compile(r"[。；;]")
_DIGIT = re.compile(r"\d")  # what the figure slots' \d take (any decimal digit)
_DIGIT_SLOTS = frozenset({"amount", "change", "share", "rate", "count", "previous"})


def squeeze(text: str) -> str:
    """The text without whitespace: PDF extraction breaks lines and numbers ("341. 11")."""
    return "".join(text.split())


@dataclass(frozen=True)
class SentencePattern:
    """One sentence pattern of the narrative: its template and the regex made from it."""

    id: str
    template: str
    regex: re.Pattern[str]
    slots: tuple[str, ...]
    directions: dict[str, dict[str, str]]
    unit: Unit | None = None  # the unit the template writes amounts in, when not the profile's

    @cached_property
    def _at_run_start(self) -> re.Pattern[str] | None:
        """For a template that opens with {label}: the regex, allowed to start only where a run
        of label characters starts (see ``next_match``)."""
        if not self.template.startswith("{label}"):
            return None
        return re.compile(f"(?<!{_SLOT_REGEX['label'][:-1]}){self.regex.pattern}")

    @cached_property
    def needs_digit(self) -> bool:
        """Whether every match holds a digit: the template has a figure slot (amount, share …)
        without its own choices, and each of those slots' regexes takes at least one digit."""
        return any(
            m.group("name") in _DIGIT_SLOTS and not m.group("choices") for m in _SLOT.finditer(self.template)
        )

    @cached_property
    def _tail(self) -> re.Pattern[str] | None:
        """For a template that opens with {label}: the regex of what follows the label."""
        head = f"(?P<label>{_SLOT_REGEX['label']})"
        if self._at_run_start is None or not self.regex.pattern.startswith(head):
            return None
        return re.compile(self.regex.pattern[len(head) :])

    def next_match(self, text: str, position: int) -> re.Match[str] | None:
        """The leftmost match at or after ``position`` (as ``regex.search``), in linear time.

        A template opening with a greedy {label} that matches from inside a run of label
        characters also matches from the run's start (or from ``position``), so only those
        starts are tried; searching from every start made a long run without digits or
        punctuation (a long unit name) quadratic. And what follows the label is looked for
        first: no match can start before the run of label characters that ends where it is
        first found (a match's label is all label characters and ends where that part
        matches, at or after there), and none at all when it is not found.
        """
        fast = self._at_run_start
        if fast is None:
            return self.regex.search(text, position)
        tail = self._tail
        if tail is not None:
            found = tail.search(text, position)
            if found is None:
                return None
            start = found.start()
            while start > position and _LABEL_CHAR.match(text, start - 1):
                start -= 1
            position = start
        return self.regex.match(text, position) or fast.search(text, position + 1)

    def format(self, **values: object) -> str:
        """Write the fragment: amounts as Amount or text, shares/rates as Decimal or text.

        ``direction``/``rate_direction`` may be given as "up"/"down" or as the words.
        """

        def fill(match: re.Match[str]) -> str:
            name = match.group("name")
            if name not in values:
                raise KeyError(f"pattern {self.id}: no value for {name}")
            value = values[name]
            if name in ("direction", "rate_direction") and value in self.directions:
                return self.directions[str(value)]["change" if name == "direction" else "rate"]
            if isinstance(value, Amount):
                return value.normalised()
            return str(value)

        return _SLOT.sub(fill, self.template)

    def fullmatch(self, text: str) -> dict[str, str] | None:
        found = self.regex.fullmatch(squeeze(text))
        return found.groupdict() if found else None


@dataclass(frozen=True)
class Claim:
    """What one fragment of a sentence states, with where it is (offsets in the squeezed text)."""

    pattern: str
    label: str
    values: dict[str, str]
    start: int
    end: int
    clause: int  # index of the clause (split at 。；) in the text
    sentence: str  # the clause's text
    unit: Unit | None = None  # the pattern's own unit (a 元 figure in a 万元 narrative)

    def amount(self, unit: Unit, slot: str = "amount") -> Amount | None:
        """An amount slot, in the pattern's unit (else ``unit``, the narrative's)."""
        text = self.values.get(slot)
        return Amount.parse(text, self.unit or unit) if text else None

    def number(self, slot: str) -> tuple[Decimal, int] | None:
        """A percentage or count as (value, decimal places)."""
        text = self.values.get(slot)
        if not text:
            return None
        places = len(text.split(".")[1]) if "." in text else 0
        return Decimal(text), places

    def direction(self, slot: str, directions: dict[str, dict[str, str]]) -> str | None:
        """ "up" or "down" for a direction word."""
        word = self.values.get(slot)
        for key, words in directions.items():
            if word in words.values():
                return key
        return None


@dataclass(frozen=True)
class Binding:
    """A claim label bound to a table cell: label ending, table, row (or "{row}"), column, side."""

    label: str
    table: str
    row: str
    column: str
    side: str | None = None
    paths: bool = False  # the table that the section's 类/款/项 item paths are bound to

    @property
    def by_row_name(self) -> bool:
        return self.row == "{row}"


@dataclass(frozen=True)
class NarrativePatterns:
    """A template's sentence patterns, directions and bindings (narrative.yaml)."""

    profile: str
    unit: Unit
    patterns: tuple[SentencePattern, ...]
    directions: dict[str, dict[str, str]]
    bindings: dict[str, tuple[Binding, ...]]
    none_statements: dict[str, tuple[str, ...]] = field(default_factory=dict)
    performance_claims: tuple[tuple[str, str], ...] = ()
    table_funds: dict[str, str] = field(default_factory=dict)
    indicator_levels: dict[str, tuple[str, ...]] = field(default_factory=dict)
    service_words: tuple[str, ...] = ()
    checked_elsewhere: dict[str, tuple[str, ...]] = field(default_factory=dict)
    name_variants: dict[str, str] = field(default_factory=dict)
    # which amount a change speaks of: "first" of its clause (山西: "收入总计341.11万元，其中：…，
    # 比上年增加3.92万元") or the one "adjacent" before it (上海: "财政拨款收入3,121.42万元，
    # 比2024年预算增加…")
    change_subject: str = "first"
    levels: tuple[tuple[str, int], ...] = ()  # (类, 3), (款, 5), (项, 7): a path's marks and code lengths

    def same_name(self, name: str) -> str:
        """A line's name with whitespace removed and variant spellings made one (其它 → 其他)."""
        name = squeeze(name)
        for variant, usual in self.name_variants.items():
            name = name.replace(variant, usual)
        return name

    def pattern(self, pattern_id: str) -> SentencePattern:
        found = next((p for p in self.patterns if p.id == pattern_id), None)
        if found is None:
            raise KeyError(pattern_id)
        return found

    def claims(self, text: str) -> list[Claim]:
        """Every claim of a text, in reading order (whitespace ignored)."""
        squeezed = squeeze(text)
        length = len(squeezed)
        patterns = self.patterns
        if not patterns:
            return []
        clause_starts = [0] + [m.end() for m in _CLAUSE_END.finditer(squeezed)]  # ascending
        found: list[Claim] = []
        position = 0
        # Each pattern's next match is kept and searched again only once the reading has
        # passed its start: the leftmost match from a later position is the same match.
        # A text without a digit is not searched for the patterns that need one.
        digits = _DIGIT.search(squeezed) is not None
        upcoming = [p.next_match(squeezed, 0) if digits or not p.needs_digit else None for p in patterns]
        none = length + 1  # the start of "no match": after any match's start
        starts = [none if m is None else m.start() for m in upcoming]
        while position < length:
            first = min(starts)
            if first == none:
                break
            index = starts.index(first)  # the first pattern (in order) of the leftmost matches
            pattern, match = patterns[index], upcoming[index]
            assert match is not None
            clause = bisect_right(clause_starts, first) - 1
            clause_end = clause_starts[clause + 1] if clause + 1 < len(clause_starts) else length
            values = {k: v for k, v in match.groupdict().items() if v is not None}
            found.append(
                Claim(
                    pattern=pattern.id,
                    label=values.get("label", ""),
                    values=values,
                    start=first,
                    end=match.end(),
                    clause=clause,
                    sentence=squeezed[clause_starts[clause] : clause_end],
                    unit=pattern.unit,
                )
            )
            position = max(match.end(), position + 1)
            for index, start in enumerate(starts):
                if start < position:
                    again = patterns[index].next_match(squeezed, position)
                    upcoming[index] = again
                    starts[index] = none if again is None else again.start()
        return found

    def bind(self, section_id: str, label: str) -> Binding | None:
        """The binding of a label in a section: the longest label ending that fits."""
        candidates = [b for b in self.bindings.get(section_id, ()) if b.label and label.endswith(b.label)]
        if candidates:
            return max(candidates, key=lambda b: len(b.label))
        return next((b for b in self.bindings.get(section_id, ()) if b.by_row_name), None)


def compile_template(
    template: str, directions: dict[str, dict[str, str]]
) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """A template's regex: slots become named groups, literals accept their variants."""
    parts: list[str] = []
    slots: list[str] = []
    position = 0
    for match in _SLOT.finditer(template):
        parts.extend(_LITERAL_VARIANTS.get(ch, re.escape(ch)) for ch in template[position : match.start()])
        name, choices = match.group("name"), match.group("choices")
        if choices:
            body = "|".join(re.escape(c) for c in choices.split("|"))
        elif name == "direction":
            body = "|".join(re.escape(d["change"]) for d in directions.values())
        elif name == "rate_direction":
            body = "|".join(re.escape(d["rate"]) for d in directions.values())
        elif name in _SLOT_REGEX:
            body = _SLOT_REGEX[name]
        else:
            raise ValueError(f"unknown slot {{{name}}} in {template!r}")
        parts.append(f"(?P<{name}>{body})")
        slots.append(name)
        position = match.end()
    parts.extend(_LITERAL_VARIANTS.get(ch, re.escape(ch)) for ch in template[position:])
    return re.compile("".join(parts)), tuple(slots)


def _parse(profile: str, raw: dict[str, Any], shared: dict[str, Any] | None = None) -> NarrativePatterns:
    common = shared or {}
    directions = {
        str(k): {"change": str(v["change"]), "rate": str(v["rate"])} for k, v in raw["directions"].items()
    }
    own = {item["id"] for item in raw["patterns"]}
    patterns = []
    for item in [*(s for s in common.get("patterns", []) if s["id"] not in own), *raw["patterns"]]:
        regex, slots = compile_template(item["template"], directions)
        unit = Unit.parse(item["unit"]) if item.get("unit") else None
        patterns.append(SentencePattern(item["id"], item["template"], regex, slots, directions, unit))
    bindings = {
        str(section): tuple(
            Binding(
                str(b["label"]), b["table"], str(b["row"]), b["column"], b.get("side"), bool(b.get("paths"))
            )
            for b in items
        )
        for section, items in (raw.get("bindings") or {}).items()
    }
    return NarrativePatterns(
        profile=profile,
        unit=Unit.parse(raw.get("unit", "万元")),
        patterns=tuple(patterns),
        directions=directions,
        bindings=bindings,
        none_statements={str(k): tuple(v) for k, v in (raw.get("none_statements") or {}).items()},
        table_funds={str(k): str(v) for k, v in (raw.get("table_funds") or {}).items()},
        checked_elsewhere={str(k): tuple(v) for k, v in (raw.get("checked_elsewhere") or {}).items()},
        name_variants={str(k): str(v) for k, v in (common.get("name_variants") or {}).items()},
        change_subject=str(raw.get("change_subject", "first")),
        levels=tuple((str(k), int(v)) for k, v in (common.get("levels") or {}).items()),
        service_words=tuple(str(w) for w in raw.get("service_words", [])),
        indicator_levels={str(k): tuple(v) for k, v in (raw.get("indicator_levels") or {}).items()},
        performance_claims=tuple(
            (str(c["label"]), str(c["quantity"])) for c in raw.get("performance_claims", [])
        ),
    )


@cache
def load_narrative(profile: str) -> NarrativePatterns:
    """The sentence patterns of a profile (after the shared forms); ReferenceError when none.

    A template without its own narrative.yaml takes that of the edition it extends: a new edition
    that writes its 说明 as the last one did (jiangsu_2018 → jiangsu) shares its file."""
    path = profile_data_file("narrative", profile)
    shared_path = shared_file(SHARED_SENTENCES)  # the forms every template shares
    if not path.is_file():
        raise ReferenceError(f"没有 {profile} 的句式数据 / no sentence patterns for {profile}: {path}")
    try:
        shared = load_yaml(shared_path.read_text(encoding="utf-8"))
        return _parse(profile, load_yaml(path.read_text(encoding="utf-8")), shared)
    except yaml_errors(OSError, KeyError, TypeError, ValueError, re.error) as exc:
        raise ReferenceError(f"{path}: 句式数据有误 / malformed sentence patterns: {exc}") from exc


@dataclass(frozen=True)
class Wording:
    """The wording the explanation rules look for (data/shared/wording.yaml)."""

    reason_intros: tuple[str, ...]
    purpose_intros: tuple[str, ...]
    empty_explanation: re.Pattern[str]
    up_words: tuple[str, ...]
    down_words: tuple[str, ...]
    placeholders: re.Pattern[str]
    repeated: re.Pattern[str]
    empty_note: re.Pattern[str]
    directions: dict[str, tuple[str, ...]]  # up / down / flat -> the words
    contrast_words: tuple[str, ...]
    parts_intro: re.Pattern[str]
    unit_name_variants: dict[str, str]
    bare_figure: re.Pattern[str] | None = None  # a change or rate with no unit (rule N114)


@cache
def load_wording() -> Wording:
    """The shared wording data; ReferenceError when missing or malformed."""
    path = shared_file(SHARED_WORDING)
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
        return Wording(
            reason_intros=tuple(str(w) for w in raw["reason_intros"]),
            purpose_intros=tuple(str(w) for w in raw["purpose_intros"]),
            empty_explanation=re.compile(str(raw["empty_explanation"])),
            up_words=tuple(str(w) for w in raw["up_words"]),
            down_words=tuple(str(w) for w in raw["down_words"]),
            placeholders=re.compile("|".join(f"(?:{p})" for p in raw["placeholders"])),
            repeated=re.compile(str(raw["repeated"])),
            empty_note=re.compile(str(raw["empty_note"])),
            directions={str(k): tuple(str(w) for w in v) for k, v in raw["directions"].items()},
            contrast_words=tuple(str(w) for w in raw["contrast_words"]),
            parts_intro=re.compile(str(raw["parts_intro"])),
            unit_name_variants={str(k): str(v) for k, v in raw["unit_name_variants"].items()},
            bare_figure=re.compile(str(raw["bare_figure"])) if raw.get("bare_figure") else None,
        )
    except yaml_errors(OSError, KeyError, TypeError, AttributeError, re.error) as exc:
        raise ReferenceError(f"{path}: 说明用语数据有误 / malformed wording data: {exc}") from exc
