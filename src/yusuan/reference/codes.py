"""The classification code list (data/codes/<year>/): names of 功能分类 and 经济分类 codes.

The list is partial and replaceable by an official one; a code it does not hold is *unknown*
(``name`` returns None), never wrong.  A year without a list of its own uses the nearest
earlier year's, and says so (``CodeList.year`` vs ``CodeList.requested_year``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from yusuan.model import CodeKind
from yusuan.reference.paths import ReferenceError, data_dir, load_yaml, yaml_errors

_FILES = {CodeKind.FUNCTIONAL: "functional.yaml", CodeKind.ECONOMIC: "economic.yaml"}


def normalise_name(name: str) -> str:
    """A code name compared without spaces and with one kind of parentheses."""
    return "".join(name.split()).replace("(", "（").replace(")", "）")


@dataclass(frozen=True)
class Mirror:
    """An economic line that mirrors functional 项 (养老保险缴费 ↔ 2080505 …)."""

    name: str
    economic: tuple[str, ...]
    functional: tuple[str, ...]
    relation: str = "equal"  # or "at_most": economic ≤ functional


@dataclass(frozen=True)
class CodeList:
    """The classification codes of a year: names by kind, mirrored lines, 公用经费 classes."""

    requested_year: int | None
    year: int | None  # the year whose list was loaded; None when there is none
    names: dict[CodeKind, dict[str, str]] = field(default_factory=dict)
    mirrors: tuple[Mirror, ...] = ()
    # the economic classes of 公用经费 (302 商品和服务支出 …), for tables printing no such column
    public_classes: tuple[str, ...] = ()

    def name(self, code: str, kind: CodeKind = CodeKind.FUNCTIONAL) -> str | None:
        """The official name of a code, or None when the list does not know it."""
        return self.names.get(kind, {}).get(code)

    def code_for_name(self, name: str, kind: CodeKind) -> str | None:
        wanted = normalise_name(name)
        for code, known in self.names.get(kind, {}).items():
            if normalise_name(known) == wanted:
                return code
        return None

    def __len__(self) -> int:
        return sum(len(v) for v in self.names.values())


def _codes_root() -> Path:
    return data_dir() / "codes"


def available_years() -> list[int]:
    return sorted(int(p.name) for p in _codes_root().iterdir() if p.is_dir() and p.name.isdigit())


def _read(path: Path) -> dict[str, str]:
    try:
        raw: Any = load_yaml(path.read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in raw["codes"].items()}
    except yaml_errors(OSError, KeyError, TypeError, AttributeError) as exc:
        raise ReferenceError(f"{path}: 科目表有误 / malformed code list: {exc}") from exc


def _mirrors() -> tuple[Mirror, ...]:
    path = _codes_root() / "mirrors.yaml"
    if not path.is_file():
        return ()
    try:
        raw: Any = load_yaml(path.read_text(encoding="utf-8"))
        return tuple(
            Mirror(
                str(m["name"]),
                tuple(m["economic"]),
                tuple(str(c) for c in m["functional"]),
                str(m.get("relation", "equal")),
            )
            for m in raw["mirrors"]
        )
    except yaml_errors(KeyError, TypeError) as exc:
        raise ReferenceError(f"{path}: 对应科目表有误 / malformed mirrors: {exc}") from exc


def _public_classes() -> tuple[str, ...]:
    path = _codes_root() / "mirrors.yaml"
    if not path.is_file():
        return ()
    try:
        raw: Any = load_yaml(path.read_text(encoding="utf-8"))
        return tuple(str(c) for c in raw.get("public_classes", ()))
    except yaml_errors(TypeError, AttributeError) as exc:
        raise ReferenceError(f"{path}: 公用经费类级有误 / malformed public_classes: {exc}") from exc


@cache
def load_code_list(year: int | None) -> CodeList:
    """The code list for ``year`` (or the nearest earlier year that has one)."""
    years = available_years()
    usable = [y for y in years if year is None or y <= year] or years
    if not usable:
        return CodeList(year, None, {}, _mirrors(), _public_classes())
    chosen = max(usable)
    folder = _codes_root() / str(chosen)
    names = {kind: _read(folder / file) for kind, file in _FILES.items() if (folder / file).is_file()}
    return CodeList(year, chosen, names, _mirrors(), _public_classes())
