"""Deep merge of a profile over the one it ``extends``.

- mappings merge key by key, recursively;
- lists whose items are all mappings with an ``id`` (tables, sections) merge by id: an item
  with a known id is merged into the parent's item in place, a new id is appended, and an
  item ``{id: x, drop: true}`` removes the parent's item;
- anything else (scalars, lists of words, column lists) is replaced by the child's value.
"""

from __future__ import annotations

from typing import Any


def _keyed(items: list[Any]) -> bool:
    return all(isinstance(item, dict) and "id" in item for item in items)


def _merge_lists(base: list[Any], over: list[Any]) -> list[Any]:
    merged: dict[Any, Any] = {item["id"]: item for item in base}
    for item in over:
        if item.get("drop"):
            merged.pop(item["id"], None)
        elif item["id"] in merged:
            merged[item["id"]] = merge_profiles(merged[item["id"]], item)
        else:
            merged[item["id"]] = item
    return list(merged.values())


def merge_profiles(base: Any, over: Any) -> Any:
    """``over`` merged onto ``base`` (neither is changed)."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            out[key] = merge_profiles(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(over, list) and base and _keyed(base) and _keyed(over):
        return _merge_lists(base, over)
    return over
