"""Row roles (data/roles.yaml and a profile's ``roles:``): which printed row is the total, the
carry-over, the 三公 car line … Tagged once on every table by :func:`tag_roles`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from yusuan.model import Table
from yusuan.reference.paths import ReferenceError, data_dir, load_yaml, yaml_errors
from yusuan.reference.profiles import Profile

ANY_TABLE = "any"
UNIT_NAME = "{unit}"  # a wording that stands for the unit's own name

# A leading item number: 一、 1、 1. (1) ① …
_NUMBER = re.compile(r"^(?:[一二三四五六七八九十百]+[、.．]|\d+[、.．]|[(（]\d+[)）]|[①-⑳])")

Wordings = dict[str, tuple[str, ...]]  # role -> printed names


def normalise_name(name: str) -> str:
    """A row name as compared with the wordings: no whitespace, no item number, () for （）."""
    squeezed = "".join(name.split()).replace("（", "(").replace("）", ")")
    return _NUMBER.sub("", squeezed)


def _wordings(raw: Any, where: str) -> Wordings:
    if not isinstance(raw, dict):
        raise ReferenceError(f"{where}: 应为 角色: [行名…] / expected role: [wordings]")
    result: Wordings = {}
    for role, words in raw.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ReferenceError(f"{where}.{role}: 应为行名列表 / expected a list of wordings")
        result[str(role)] = tuple(normalise_name(w) if w != UNIT_NAME else w for w in words)
    return result


@cache
def shared_roles() -> dict[str, Wordings]:
    """data/roles.yaml: per table id (and ``any``), role -> wordings."""
    path = data_dir() / "roles.yaml"
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except yaml_errors(OSError) as exc:
        raise ReferenceError(f"{path}: 无法读取角色数据 / cannot read the row roles: {exc}") from exc
    if not isinstance(raw, dict):
        raise ReferenceError(f"{path}: 应为 表: {{角色: [行名…]}} / expected table: {{role: [wordings]}}")
    return {str(table): _wordings(roles, f"{path}: {table}") for table, roles in raw.items()}


def table_roles(table_id: str, profile: Profile | None) -> Wordings:
    """The roles of one table: shared ``any``, then the table's shared entry, then the profile's."""
    shared = shared_roles()
    result: Wordings = {**shared.get(ANY_TABLE, {}), **shared.get(table_id, {})}
    if profile is not None:
        for entry in profile.raw.get("tables", []):
            if isinstance(entry, Mapping) and entry.get("id") == table_id and "roles" in entry:
                where = f"profile {profile.id}: table {table_id}: roles"
                result.update(_wordings(entry["roles"], where))
    return result


def role_of(name: str, wordings: Wordings, unit: str = "", side: str | None = None) -> str | None:
    """The role whose wordings include ``name`` (the first declared), or None.

    On a side of a side-by-side table a role of that side wins (the 决算 prints 总计 on both
    sides: ``income_total`` on the income side, ``expenditure_total`` on the other).
    """
    wanted = normalise_name(name)
    if not wanted:
        return None
    own = "".join(unit.split())
    found = [
        role
        for role, words in wordings.items()
        if any(word == wanted or (word == UNIT_NAME and own and wanted.endswith(own)) for word in words)
    ]
    own_side = [role for role in found if side and role.startswith(f"{side}_")]
    chosen = own_side or found
    return chosen[0] if chosen else None


def tag_roles(tables: Iterable[Table], profile: Profile | None, unit: str = "") -> None:
    """Set ``Row.role`` on every row of ``tables`` from its printed name (None when it has none).

    Called once, at the end of reading a document and of deriving one; rules read the roles.
    """
    for table in tables:
        wordings = table_roles(table.id, profile)
        for row in table.rows:
            row.role = role_of(row.name, wordings, unit, row.side)
