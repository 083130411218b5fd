"""A profile's form, authoring and narrative (data/templates/<id>/<part>.yaml), along ``extends``.

A profile with no file of its own (shanghai_2026) uses the file of the profile it extends; a
file may itself say ``extends: <id>`` and hold only what differs (shanghai_department), its
top-level keys replacing the parent's and its ``tables`` entries replacing the parent's one by one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from yusuan.reference.paths import ReferenceError, load_yaml
from yusuan.reference.profiles import load_profile
from yusuan.reference.template_folders import AUTHORING, FORM, NARRATIVE, missing_part, template_part

# the kind a caller names -> the part file
PARTS = {"templates": FORM, "authoring": AUTHORING, "narrative": NARRATIVE}

MERGED_BY_KEY = ("tables",)  # mappings merged entry by entry rather than replaced


def profile_data_file(kind: str, profile_id: str) -> Path:
    """data/templates/<id>/<part>.yaml of the profile, else of the nearest profile it extends."""
    seen: list[str] = []
    current: str | None = profile_id
    while current is not None and current not in seen:
        seen.append(current)
        found = template_part(current, PARTS[kind])
        if found is not None:
            return found
        try:
            current = load_profile(current).extends
        except ReferenceError:
            break
    return missing_part(profile_id, PARTS[kind])  # absent: the caller names it


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
    base_path = template_part(str(parent), PARTS[kind]) or missing_part(str(parent), PARTS[kind])
    base = read_merged(kind, base_path, (*seen, str(parent)))
    merged = {**base, **own}
    for key in MERGED_BY_KEY:
        if isinstance(base.get(key), dict) and isinstance(own.get(key), dict):
            merged[key] = {**base[key], **own[key]}
    return merged
