"""Regional profiles (data/profiles/*.yaml): tables, columns, sections of a template."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import yaml

from yusuan.model import Column, Unit
from yusuan.reference.paths import ReferenceError, data_dir, load_yaml


@dataclass(frozen=True)
class TableSpec:
    id: str
    number: int
    title: str  # with {year}
    title_pattern: re.Pattern[str]
    layout: str  # side_by_side | side_by_side_coded | coded | economic | named
    columns: tuple[Column, ...]
    labels: tuple[Column, ...] = ()
    rows: tuple[str, ...] = ()
    unit: Unit | None = None  # when it differs from the profile's currency unit
    code_columns: int = 1  # printed columns the row code is split into (类/款/项 = 3)

    def title_for(self, year: int) -> str:
        return self.title.replace("{year}", str(year))


@dataclass(frozen=True)
class SectionSpec:
    part: str
    id: str
    number: str
    title: str
    aliases: tuple[str, ...] = ()  # other wordings of the heading seen in print

    @property
    def titles(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    name_en: str
    currency_unit: Unit
    tables: tuple[TableSpec, ...]
    sections: tuple[SectionSpec, ...]
    detect_patterns: tuple[str, ...]
    detect_min_hits: int
    glossary_part: str = "名词解释"
    scope: str | None = None  # "unit" | "department" when the template is specific to one
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def table(self, table_id: str) -> TableSpec | None:
        return next((t for t in self.tables if t.id == table_id), None)

    def section(self, section_id: str) -> SectionSpec | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def detect_score(self, text: str) -> int:
        return sum(1 for pattern in self.detect_patterns if pattern in text)


def _columns(items: list[dict[str, Any]]) -> tuple[Column, ...]:
    return tuple(Column(key=i["key"], label=str(i["label"]), side=i.get("side")) for i in items)


def _parse(profile_id: str, raw: dict[str, Any]) -> Profile:
    tables = tuple(
        TableSpec(
            id=t["id"],
            number=int(t["number"]),
            title=t["title"],
            title_pattern=re.compile(t["title_pattern"]),
            layout=t["layout"],
            columns=_columns(t["columns"]),
            labels=_columns(t.get("labels", [])),
            rows=tuple(t.get("rows", [])),
            unit=Unit.parse(t["unit"]) if t.get("unit") else None,
            code_columns=int(t.get("code_columns", 1)),
        )
        for t in raw["tables"]
    )
    sections = tuple(
        SectionSpec(
            part=s["part"],
            id=s["id"],
            number=str(s["number"]),
            title=s["title"],
            aliases=tuple(str(a) for a in s.get("aliases", [])),
        )
        for s in raw["sections"]
    )
    return Profile(
        id=raw.get("id", profile_id),
        name=raw["name"],
        name_en=raw.get("name_en", ""),
        currency_unit=Unit.parse(raw["currency_unit"]),
        tables=tables,
        sections=sections,
        detect_patterns=tuple(raw["detect"]["patterns"]),
        detect_min_hits=int(raw["detect"]["min_hits"]),
        glossary_part=raw.get("glossary_part", "名词解释"),
        scope=raw.get("scope"),
        raw=raw,
    )


def profile_ids() -> list[str]:
    return sorted(p.stem for p in (data_dir() / "profiles").glob("*.yaml"))


@cache
def load_profile(profile_id: str) -> Profile:
    path = data_dir() / "profiles" / f"{profile_id}.yaml"
    if not path.is_file():
        known = ", ".join(profile_ids()) or "无 / none"
        raise ReferenceError(f"没有模板 {profile_id!r}（已有：{known}）/ no profile {profile_id!r}")
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
        return _parse(profile_id, raw)
    except (yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise ReferenceError(f"{path}: 模板数据有误 / malformed profile: {exc}") from exc


def detect_profile(text: str) -> Profile | None:
    """The profile whose title fragments the text contains most (at least its minimum)."""
    best: tuple[int, Profile] | None = None
    for profile_id in profile_ids():
        profile = load_profile(profile_id)
        score = profile.detect_score(text)
        if score >= profile.detect_min_hits and (best is None or score > best[0]):
            best = (score, profile)
    return best[1] if best else None
