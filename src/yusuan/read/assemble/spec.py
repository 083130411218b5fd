"""The profile's ``reading`` block: the words the assembly looks for, compiled once.

Everything region-specific the assembly needs (part names, the table label, statement
sentence patterns, performance-sheet labels) lives in the profile YAML under ``reading``;
this module only turns it into regular expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from yusuan.read.assemble.text import PART_HEADING
from yusuan.reference.profiles import Profile


@dataclass(frozen=True)
class PerformanceSpec:
    """How a template prints its performance sheets: labels and patterns."""

    sheet_title: str
    amount_label: str
    annual_amount_label: str
    department_code: re.Pattern[str]
    implementing_label: re.Pattern[str]
    kind_marker: re.Pattern[str]
    period_label: str
    goals_label: str
    indicator_header: str
    level2_header: str
    signature_labels: tuple[str, ...]
    level2: dict[str, str]  # 二级指标 -> its 一级指标


@dataclass(frozen=True)
class AnyPattern:
    """One or more patterns tried in turn (a template that prints its title in two orders)."""

    patterns: tuple[re.Pattern[str], ...]

    def match(self, text: str) -> re.Match[str] | None:
        return next((m for p in self.patterns if (m := p.match(text))), None)


@dataclass(frozen=True)
class ReadingSpec:
    """How a template's document is read: parts, labels, lines to skip, row names."""

    parts: tuple[tuple[str, str], ...]  # (fragment of the 第X部分 title, part name)
    contents_heading: re.Pattern[str] | None
    table_label: re.Pattern[str] | None
    unit_name_line: re.Pattern[str] | None
    unit_line: re.Pattern[str] | None
    note_line: re.Pattern[str] | None
    skip_lines: tuple[re.Pattern[str], ...]
    row_names: frozenset[str]
    title: AnyPattern | None
    attachment_start: re.Pattern[str] | None
    attachment_title: str
    # A line (whitespace removed) that opens a part; its ``title`` group names it.
    part_heading: re.Pattern[str] = PART_HEADING
    # True when the table of contents fills its page: it ends where the page ends.
    contents_page: bool = False
    # True when the contents run until their first entry is printed again (no page numbers,
    # over more than one page: the Shanghai 决算).
    contents_until_repeat: bool = False
    # A cover line naming the unit when the title line does not ("预算单位：上海市财政局").
    cover_unit_line: re.Pattern[str] | None = None
    # True when the unit's name stands on the cover lines just above the title line
    # ("上海市 XX 局" / "2024 年度部门决算").
    cover_unit_before_title: bool = False
    section_roles: dict[str, str] = field(default_factory=dict)  # role -> section id
    procurement: dict[str, re.Pattern[str]] = field(default_factory=dict)
    vehicle: re.Pattern[str] | None = None
    vehicle_name_strip: re.Pattern[str] | None = None
    vehicle_text: re.Pattern[str] | None = None  # the sentence stating the vehicles held
    vehicle_names: dict[str, str] = field(default_factory=dict)  # printed name -> the usual one
    asset_figures: tuple[re.Pattern[str], ...] = ()
    performance: PerformanceSpec | None = None

    def part_for(self, heading_title: str) -> str:
        """The part a 第X部分 heading opens ("" when it holds tables or is unknown)."""
        return next((part for fragment, part in self.parts if fragment in heading_title), "")


def _pattern(raw: dict[str, Any], key: str) -> re.Pattern[str] | None:
    value = raw.get(key)
    return re.compile(value) if value else None


def _any_pattern(value: str | list[str] | None) -> AnyPattern | None:
    if not value:
        return None
    texts = [value] if isinstance(value, str) else value
    return AnyPattern(tuple(re.compile(t) for t in texts))


def _performance(raw: dict[str, Any] | None) -> PerformanceSpec | None:
    if not raw:
        return None
    return PerformanceSpec(
        sheet_title=raw["sheet_title"],
        amount_label=raw["amount_label"],
        annual_amount_label=raw["annual_amount_label"],
        department_code=re.compile(raw["department_code"]),
        implementing_label=re.compile(raw["implementing_label"]),
        kind_marker=re.compile(raw["kind_marker"]),
        period_label=raw["period_label"],
        goals_label=raw["goals_label"],
        indicator_header=raw["indicator_header"],
        level2_header=raw["level2_header"],
        signature_labels=tuple(raw.get("signature_labels", [])),
        level2={str(k): str(v) for k, v in (raw.get("level2") or {}).items()},
    )


@cache
def _reading_cached(profile_id: str, profile: Profile) -> ReadingSpec:
    raw: dict[str, Any] = profile.raw.get("reading") or {}
    assets = raw.get("assets") or {}
    return ReadingSpec(
        parts=tuple((str(p["match"]), str(p["part"])) for p in raw.get("parts", [])),
        contents_heading=_pattern(raw, "contents_heading"),
        table_label=_pattern(raw, "table_label"),
        unit_name_line=_pattern(raw, "unit_name_line"),
        unit_line=_pattern(raw, "unit_line"),
        note_line=_pattern(raw, "note_line"),
        skip_lines=tuple(re.compile(p) for p in raw.get("skip_lines", [])),
        row_names=frozenset(raw.get("row_names", [])),
        title=_any_pattern(raw.get("title")),
        attachment_start=_pattern(raw, "attachment_start"),
        attachment_title=str(raw.get("attachment_title", "")),
        part_heading=_pattern(raw, "part_heading") or PART_HEADING,
        contents_page=bool(raw.get("contents_page", False)),
        contents_until_repeat=bool(raw.get("contents_until_repeat", False)),
        cover_unit_line=_pattern(raw, "cover_unit_line"),
        cover_unit_before_title=bool(raw.get("cover_unit_before_title", False)),
        section_roles=dict(raw.get("sections") or {}),
        procurement={k: re.compile(v) for k, v in (raw.get("procurement") or {}).items()},
        vehicle=_pattern(assets, "vehicle"),
        vehicle_name_strip=_pattern(assets, "vehicle_name_strip"),
        vehicle_text=_pattern(assets, "vehicle_text"),
        vehicle_names={str(k): str(v) for k, v in (assets.get("vehicle_names") or {}).items()},
        asset_figures=tuple(re.compile(p) for p in assets.get("figures", [])),
        performance=_performance(raw.get("performance")),
    )


def reading_spec(profile: Profile) -> ReadingSpec:
    """The compiled ``reading`` block of ``profile`` (empty when the profile has none)."""
    # Kept by the profile object too: the cache above hashes the whole profile (~14 us) and a
    # document asks about eleven times. The entry holds its profile, so the id is never reused.
    kept = _BY_PROFILE.get(id(profile))
    if kept is not None and kept[0] is profile:
        return kept[1]
    spec = _reading_cached(profile.id, profile)
    if len(_BY_PROFILE) >= 256:
        _BY_PROFILE.clear()
    _BY_PROFILE[id(profile)] = (profile, spec)
    return spec


_BY_PROFILE: dict[int, tuple[Profile, ReadingSpec]] = {}
