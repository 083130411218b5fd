"""A profile's form and authoring data, inherited along ``extends`` (data/<kind>/<id>.yaml).

A profile with no file of its own (shanghai_2026) uses the file of the profile it extends; a
file may itself say ``extends: <id>`` and hold only what differs (shanghai_department), its
top-level keys replacing the parent's and its ``tables`` entries replacing the parent's one by one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from yusuan.reference.paths import ReferenceError, data_dir, load_yaml
from yusuan.reference.profiles import load_profile

MERGED_BY_KEY = ("tables",)  # mappings merged entry by entry rather than replaced


def profile_data_file(kind: str, profile_id: str) -> Path:
    """data/<kind>/<id>.yaml of the profile, else of the nearest profile it extends."""
    seen: list[str] = []
    current: str | None = profile_id
    while current is not None and current not in seen:
        seen.append(current)
        path = data_dir() / kind / f"{current}.yaml"
        if path.is_file():
            return path
        try:
            current = load_profile(current).extends
        except ReferenceError:
            break
    return data_dir() / kind / f"{profile_id}.yaml"  # absent: the caller names it


def read_merged(kind: str, path: Path, seen: tuple[str, ...] = ()) -> dict[str, Any]:
    """The file's mapping with the files it ``extends`` merged under it."""
    own = load_yaml(path.read_text(encoding="utf-8"))
    if not isinstance(own, dict):
        raise ReferenceError(f"{path}: 不是映射 / not a mapping")
    parent = own.get("extends")
    if parent is None:
        return own
    if str(parent) in seen:
        raise ReferenceError(f"{path}: 继承成环 / extends in a cycle: {' -> '.join((*seen, str(parent)))}")
    base = read_merged(kind, data_dir() / kind / f"{parent}.yaml", (*seen, str(parent)))
    merged = {**base, **own}
    for key in MERGED_BY_KEY:
        if isinstance(base.get(key), dict) and isinstance(own.get(key), dict):
            merged[key] = {**base[key], **own[key]}
    return merged
