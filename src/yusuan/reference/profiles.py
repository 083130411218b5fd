"""Regional profiles (data/templates/<id>/template.yaml): tables, columns, sections of a template.

A profile may ``extends: <profile id>``: the parent's data is deep-merged under its own
(see :mod:`yusuan.reference.profile_merge`), so a department version or a new edition is a
small file. Where the folders are looked up (data/templates, after the ``$YUSUAN_TEMPLATES``
ones) is :mod:`yusuan.reference.template_folders`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from yusuan.model import Column, Unit
from yusuan.reference.paths import ReferenceError, load_yaml, yaml_errors
from yusuan.reference.profile_merge import merge_profiles
from yusuan.reference.template_folders import TEMPLATE, template_ids, template_part, template_roots
from yusuan.reference.template_folders import TEMPLATES_ENV as TEMPLATES_ENV  # re-exported


@dataclass(frozen=True)
class TableSpec:
    """One table of a template: id, number, title (and the pattern read titles match), columns."""

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
    """One section of the 情况说明 (or 概况) in a template, with its heading's wordings."""

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
    """A regional template (data/templates/<id>/template.yaml), parsed and merged."""

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
    kind: str = "budget"  # "budget" (预算) | "final_accounts" (决算)
    years: tuple[int | None, int | None] = (None, None)  # first and last year covered (None = open)
    extends: str | None = None  # the profile this one was merged over
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)  # fully merged

    def covers(self, year: int | None) -> bool:
        """Whether the template's years include ``year`` (an unknown year is covered)."""
        return _covers(self.years, year)

    def table(self, table_id: str) -> TableSpec | None:
        return next((t for t in self.tables if t.id == table_id), None)

    def table_for_title(self, title: str) -> TableSpec | None:
        """The first table whose title pattern the printed title matches."""
        return next((t for t in self.tables if t.title_pattern.search(title)), None)

    def section(self, section_id: str) -> SectionSpec | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def detect_score(self, text: str) -> int:
        """How many of the detection fragments (regular expressions) the text contains."""
        return sum(1 for pattern in _compiled(self.detect_patterns) if pattern.search(text))


@cache
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


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
        kind=str(raw.get("kind", "budget")),
        years=_years(raw.get("years")),
        extends=raw.get("extends"),
        raw=raw,
    )


def _years(raw: Any) -> tuple[int | None, int | None]:
    if raw is None:
        return (None, None)
    first, last = raw
    return (None if first is None else int(first), None if last is None else int(last))


def template_dirs() -> tuple[Path, ...]:
    """The folders of template folders: $YUSUAN_TEMPLATES ones first, then data/templates."""
    return template_roots()


def _profile_file(profile_id: str, dirs: tuple[Path, ...]) -> Path | None:
    return template_part(profile_id, TEMPLATE, dirs)


def _ids(dirs: tuple[Path, ...]) -> list[str]:
    return template_ids(dirs)


@cache
def _parsed(path: Path, _mtime_ns: int, _size: int) -> Any:
    """One profile file parsed once per process while it is unchanged (every edition reads its
    ancestors: parsing each file once cut the YAML of detecting a profile by a third). Callers
    never change what it returns; merging builds new mappings."""
    return load_yaml(path.read_text(encoding="utf-8"))


def _read_raw(profile_id: str, dirs: tuple[Path, ...], seen: tuple[str, ...] = ()) -> dict[str, Any]:
    """The profile's data with every ``extends`` ancestor merged under it."""
    if profile_id in seen:
        chain = " -> ".join((*seen, profile_id))
        raise ReferenceError(f"模板继承成环 / profiles extend in a cycle: {chain}")
    path = _profile_file(profile_id, dirs)
    if path is None:
        known = ", ".join(_ids(dirs)) or "无 / none"
        raise ReferenceError(f"没有模板 {profile_id!r}（已有：{known}）/ no profile {profile_id!r}")
    try:
        stat = path.stat()
        own = _parsed(path, stat.st_mtime_ns, stat.st_size)
    except yaml_errors() as exc:
        raise ReferenceError(f"{path}: 模板数据有误 / malformed profile: {exc}") from exc
    if not isinstance(own, dict):
        raise ReferenceError(f"{path}: 模板数据有误 / malformed profile: not a mapping")
    own = {**own, "id": profile_id}
    parent = own.get("extends")
    if parent is None:
        return own
    merged = merge_profiles(_read_raw(str(parent), dirs, (*seen, profile_id)), own)
    return {**merged, "extends": parent}


def profile_ids() -> list[str]:
    """Every profile that can be loaded, abstract ones (``abstract: true``) excluded."""
    dirs = template_dirs()
    return [pid for pid in _ids(dirs) if not _merged(pid, dirs).get("abstract")]


def raw_profile(profile_id: str) -> dict[str, Any]:
    """The fully merged data of one profile, before parsing (what the JSON Schema validates)."""
    return _read_raw(profile_id, template_dirs())


def load_profile(profile_id: str) -> Profile:
    return _load(profile_id, template_dirs())


@cache
def _merged(profile_id: str, dirs: tuple[Path, ...]) -> dict[str, Any]:
    """The profile's merged data, once per process (never changed: parsing builds new objects)."""
    return _read_raw(profile_id, dirs)


@cache
def _load(profile_id: str, dirs: tuple[Path, ...]) -> Profile:
    raw = _merged(profile_id, dirs)
    try:
        return _parse(profile_id, raw)
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise _malformed(profile_id, dirs, exc) from exc


def _malformed(profile_id: str, dirs: tuple[Path, ...], exc: Exception) -> ReferenceError:
    return ReferenceError(f"{_profile_file(profile_id, dirs)}: 模板数据有误 / malformed profile: {exc}")


_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def detect_profile(text: str) -> Profile | None:
    """The profile whose title fragments the text contains most (at least its minimum).

    Editions of one template share their fragments: among the profiles that reach their
    minimum, one whose ``years`` cover the document's year (the first year printed, on the
    cover) wins, then the one with most fragments, then the edition nearest that year.
    """
    found = _YEAR.search(text)
    year = int(found.group(1)) if found else None
    dirs = template_dirs()
    candidates: list[tuple[bool, int, int, str]] = []
    for profile_id in profile_ids():  # from the merged data: only the one chosen is parsed
        raw = _merged(profile_id, dirs)
        try:
            patterns, min_hits = tuple(raw["detect"]["patterns"]), int(raw["detect"]["min_hits"])
            years = _years(raw.get("years"))
            score = sum(1 for pattern in _compiled(patterns) if pattern.search(text))
        except (KeyError, TypeError, ValueError, re.error) as exc:
            raise _malformed(profile_id, dirs, exc) from exc
        if score >= min_hits:
            candidates.append((_covers(years, year), score, -_distance(years, year), profile_id))
    if not candidates:
        return None
    return load_profile(max(candidates, key=lambda c: c[:3])[3])


def _covers(years: tuple[int | None, int | None], year: int | None) -> bool:
    """Whether ``years`` (first, last; None open) include ``year`` (an unknown year is covered)."""
    first, last = years
    if year is None:
        return True
    return (first is None or year >= first) and (last is None or year <= last)


def _distance(years: tuple[int | None, int | None], year: int | None) -> int:
    """How many years ``year`` lies outside ``years`` (0 inside or unknown)."""
    first, last = years
    if year is None:
        return 0
    if first is not None and year < first:
        return first - year
    if last is not None and year > last:
        return year - last
    return 0
