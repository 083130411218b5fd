"""The facts a summary or panel row starts with: file, unit, region, year, kind, template."""

from __future__ import annotations

from functools import cache
from typing import Any

from yusuan.reference.paths import ReferenceError
from yusuan.reference.profiles import load_profile


@cache
def region_of(profile_id: str) -> str:
    """The region a template belongs to (its profile's ``region``), or "" when unknown."""
    try:
        return str(load_profile(profile_id).raw.get("region", ""))
    except ReferenceError:
        return ""


def document_facts(file: str, facts: dict[str, Any]) -> dict[str, Any]:
    profile = str(facts.get("profile") or "")
    return {
        "file": file,
        "unit": facts.get("unit") or "",
        "region": region_of(profile) if profile else "",
        "year": facts.get("year") if facts.get("year") is not None else "",
        "kind": facts.get("kind") or "",
        "template": profile,
    }
