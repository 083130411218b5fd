"""Item search over both 品目 schemes: names, the catalogue's notes and common names (synonyms as
data), case-insensitive; each hit says whether a province's 集中采购目录 holds it, and a cut list
says how many there were."""

from __future__ import annotations

from typing import Any

from yusuan.procurement.codes import ResolvedCode, match_catalogue
from yusuan.reference.procurement import Ruleset, rulesets
from yusuan.reference.procurement_catalogue import PinmuItem, links_from_2013, search


def _catalogues(item: PinmuItem, provincial: list[Ruleset]) -> list[dict[str, Any]]:
    """The provincial rulesets whose catalogue holds ``item`` (directly or through the crosswalk)."""
    out: list[dict[str, Any]] = []
    for ruleset in provincial:
        match = match_catalogue(ruleset, ResolvedCode(item.scheme, item.code, item.name))
        if match.status != "in":
            continue
        entry: dict[str, Any] = {
            "ruleset": ruleset.id,
            "jurisdiction": ruleset.jurisdiction_name,
            "valid": f"{ruleset.valid_from}—{ruleset.valid_to}",
            "entry": f"{match.entry_code or ''} {match.entry_name}".strip(),
        }
        if match.condition:
            entry["condition"] = match.condition
        out.append(entry)
    return out


def search_items(name: str, limit: int = 50) -> dict[str, Any]:
    """``台式电脑`` -> 2013 A02010104 and 2022 A02010105 台式计算机, each marked when a province's
    catalogue holds it; ``total`` counts every hit, ``items`` holds at most ``limit``."""
    hits = search(name)
    provincial = [r for r in rulesets() if len(r.chain) == 1]
    items: list[dict[str, Any]] = []
    for hit in hits[:limit]:
        item = hit.item
        entry: dict[str, Any] = {
            "scheme": item.scheme,
            "code": item.code,
            "name": item.name,
            "object": item.object,
            "matched": hit.matched,
        }
        if hit.via:
            entry["via"] = hit.via
        if hit.matched == "note":
            entry["note"] = item.note
        if item.scheme == "2013":
            entry["crosswalk_2022"] = [
                {"to": list(link.to), "relation": link.relation, "basis": link.basis}
                for link in links_from_2013(item.code)
            ]
        entry["in_catalogue"] = _catalogues(item, provincial)
        items.append(entry)
    return {
        "query": name,
        "total": len(hits),
        "shown": len(items),
        "truncated": len(hits) > limit,
        "items": items,
    }
