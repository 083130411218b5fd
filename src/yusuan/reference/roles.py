"""Row roles (data/roles.yaml and a profile's ``roles:``): which printed row is the total, the
carry-over, the 三公 car line … Tagged once on every table by :func:`tag_roles`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
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
    """The roles of one table: shared ``any``, then the table's shared entry, then the profile's.

    Made once per profile, table and reading of data/roles.yaml, then shared: do not change it.
    """
    shared = shared_roles()
    key = (id(profile), table_id)
    kept = _TABLE_ROLES.get(key)
    # The entry keeps its profile and the shared data alive, so an id here is never reused.
    if kept is not None and kept[0] is profile and kept[1] is shared:
        return kept[2]
    result = _table_roles(table_id, profile, shared)
    if len(_TABLE_ROLES) >= _KEPT:
        _TABLE_ROLES.clear()
        _LOOKUPS.clear()
    _TABLE_ROLES[key] = (profile, shared, result)
    _LOOKUPS[id(result)] = (result, _turned_around(result))  # keeps result alive: the id stays its
    return result


_KEPT = 1024  # profiles x tables remembered; far more than a process loads
_TABLE_ROLES: dict[tuple[int, str], tuple[Profile | None, dict[str, Wordings], Wordings]] = {}
_LOOKUPS: dict[int, tuple[Wordings, _Lookup]] = {}  # by id of table_roles' results


def _table_roles(table_id: str, profile: Profile | None, shared: dict[str, Wordings]) -> Wordings:
    result: Wordings = {**shared.get(ANY_TABLE, {}), **shared.get(table_id, {})}
    if profile is not None:
        for entry in profile.raw.get("tables", []):
            if isinstance(entry, Mapping) and entry.get("id") == table_id and "roles" in entry:
                where = f"profile {profile.id}: table {table_id}: roles"
                result.update(_wordings(entry["roles"], where))
    return result


@dataclass(frozen=True)
class _Lookup:
    """Wordings turned around: each wording's roles, and the roles that take the unit's name."""

    roles: dict[str, tuple[str, ...]]  # wording as written -> roles, in declared order
    unit_roles: tuple[str, ...]  # roles with the {unit} wording, in declared order
    order: dict[str, int]  # role -> its place among the declared roles


def _lookup(wordings: Wordings) -> _Lookup:
    """The lookup made with a table's wordings by :func:`table_roles`; made anew for others."""
    kept = _LOOKUPS.get(id(wordings))
    if kept is not None and kept[0] is wordings:
        return kept[1]
    return _turned_around(wordings)


def _turned_around(wordings: Wordings) -> _Lookup:
    roles: dict[str, list[str]] = {}
    for role, words in wordings.items():
        for word in words:
            if role not in roles.setdefault(word, []):
                roles[word].append(role)
    return _Lookup(
        roles={word: tuple(names) for word, names in roles.items()},
        unit_roles=tuple(role for role, words in wordings.items() if UNIT_NAME in words),
        order={role: i for i, role in enumerate(wordings)},
    )


def role_of(name: str, wordings: Wordings, unit: str = "", side: str | None = None) -> str | None:
    """The role whose wordings include ``name`` (the first declared), or None.

    On a side of a side-by-side table a role of that side wins (the 决算 prints 总计 on both
    sides: ``income_total`` on the income side, ``expenditure_total`` on the other).
    Looked up in the wordings turned around once (:func:`_lookup`); a table's wordings are
    not changed after :func:`table_roles` makes them.
    """
    wanted = normalise_name(name)
    if not wanted:
        return None
    lookup = _lookup(wordings)
    found = lookup.roles.get(wanted, ())
    if lookup.unit_roles:
        own = "".join(unit.split())
        if own and wanted.endswith(own):
            merged = set(found).union(lookup.unit_roles)
            found = tuple(sorted(merged, key=lookup.order.__getitem__))
    if side:
        own_side = [role for role in found if role.startswith(f"{side}_")]
        if own_side:
            return own_side[0]
    return found[0] if found else None


def tag_roles(tables: Iterable[Table], profile: Profile | None, unit: str = "") -> None:
    """Set ``Row.role`` on every row of ``tables`` from its printed name (None when it has none).

    Called once, at the end of reading a document and of deriving one; rules read the roles.
    """
    for table in tables:
        wordings = table_roles(table.id, profile)
        for row in table.rows:
            row.role = role_of(row.name, wordings, unit, row.side)
