"""National procurement policies (data/procurement/national/): dated values with dated patches.

OpenFisca style: a policy has a ``base`` in force from a date and ``patches`` from later dates,
applied object by object; ``values_on(day)`` answers for one day, and a day before the base has no
value (None), which is an answer, not an error. ``clauses`` are the law's articles the engine cites.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from yusuan.reference.paths import ReferenceError, load_yaml
from yusuan.reference.procurement import (
    Statement,
    iso_date,
    load_document,
    procurement_dir,
    statement_of,
)
from yusuan.reference.purchase_words import purchase_words as purchase_words  # re-exported


@dataclass(frozen=True)
class PolicyValues:
    """A policy's values on one day: the base with every patch in force applied."""

    policy_id: str
    day: dt.date
    values: dict[str, Any]
    documents: tuple[str, ...]  # base first, then the patches applied


@dataclass(frozen=True)
class Policy:
    id: str
    title: str
    clauses: dict[str, Statement | None]
    base: dict[str, Any] | None
    patches: tuple[dict[str, Any], ...]

    def clause(self, key: str) -> Statement:
        found = self.clauses.get(key)
        if found is None:
            raise ReferenceError(f"{self.id}: 没有条款 {key!r} / no clause {key!r}")
        return found

    def values_on(self, day: dt.date) -> PolicyValues | None:
        """The values in force on ``day``, or None before the policy began (no value is an answer)."""
        if self.base is None or not _in_force(self.base, day):
            return None
        values = {k: v for k, v in self.base["values"].items()}
        documents = [self.base["document"]]
        for patch in self.patches:
            if not _in_force(patch, day):
                continue
            documents.append(patch["document"])
            for key, new in patch["values"].items():
                values[key] = _patch_value(values.get(key), new)
        return PolicyValues(self.id, day, values, tuple(documents))


def _in_force(dated: dict[str, Any], day: dt.date) -> bool:
    start = iso_date(dated["from"])
    end = iso_date(dated["to"]) if dated.get("to") else None
    return start <= day and (end is None or day <= end)


def _patch_value(old: Any, new: Any) -> Any:
    """Lists of per-object entries are patched object by object; anything else is replaced."""
    if isinstance(old, list) and isinstance(new, list):
        replaced = {entry.get("object") for entry in new if isinstance(entry, dict)}
        kept = [e for e in old if not (isinstance(e, dict) and e.get("object") in replaced)]
        return kept + new
    return new


def _policy(raw: dict[str, Any]) -> Policy:
    clauses = {key: statement_of(value) for key, value in raw.get("clauses", {}).items()}
    return Policy(
        id=raw["id"],
        title=raw["title"],
        clauses=clauses,
        base=raw.get("base"),
        patches=tuple(raw.get("patches", ())),
    )


@cache
def policies() -> dict[str, Policy]:
    out: dict[str, Policy] = {}
    for path in sorted((procurement_dir() / "national").glob("*.yaml")):
        document = load_document(path)
        out[document["id"]] = _policy(document)
    return out


def policy(policy_id: str) -> Policy:
    try:
        return policies()[policy_id]
    except KeyError:
        raise ReferenceError(f"没有全国政策 {policy_id!r} / no national policy {policy_id!r}") from None


@dataclass(frozen=True)
class Method:
    key: str
    tender: bool  # public tender: left out of the splitting count (实施条例 第二十八条)
    names: tuple[str, ...]


@cache
def procurement_methods() -> tuple[tuple[Method, ...], int]:
    """The closed list of methods and the 2022 level taken as a 类别 (data/procurement/methods.yaml)."""
    path = procurement_dir() / "methods.yaml"
    raw = load_yaml(path.read_text(encoding="utf-8"))
    methods = tuple(
        Method(m["key"], bool(m["tender"]), tuple(str(n) for n in m["names"])) for m in raw["methods"]
    )
    return methods, int(raw["category_level"])
