"""Item search by name over both 品目 schemes, with the crosswalk link of each 2013 code."""

from __future__ import annotations

from typing import Any

from yusuan.reference.procurement_catalogue import links_from_2013, search


def search_items(name: str, limit: int = 50) -> list[dict[str, Any]]:
    """``台式计算机`` -> 2013 A02010104 and 2022 A02010105, exact names first."""
    out: list[dict[str, Any]] = []
    for item in search(name)[:limit]:
        entry: dict[str, Any] = {
            "scheme": item.scheme,
            "code": item.code,
            "name": item.name,
            "object": item.object,
        }
        if item.scheme == "2013":
            entry["crosswalk_2022"] = [
                {"to": list(link.to), "relation": link.relation, "basis": link.basis}
                for link in links_from_2013(item.code)
            ]
        out.append(entry)
    return out
