"""Which documents of a batch are the same unit's consecutive years.

Units are matched by name once the name is normalised (spaces, brackets and the 本级/（单位）
additions that templates print differ between years); documents pair when they are of the
same kind (预算 with 预算, 决算 with 决算) and scope and their years are consecutive. The
templates yusuan reads print no unit code, so a renamed unit pairs only through
``--previous``, where the cross-year rules report the rename.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_NOISE = re.compile(r"（单位）|\(单位\)|本级|[\s()（）\[\]【】]")  # the long forms first


def unit_key(name: str) -> str:
    return _NOISE.sub("", name or "")


def _facts(data: dict[str, Any]) -> dict[str, Any]:
    facts = data.get("document", data)
    return facts if isinstance(facts, dict) else {}


def consecutive_years(reports: Iterable[tuple[int, dict[str, Any]]]) -> dict[int, int]:
    """Index of a document -> index of the same unit's document of the year before."""
    by_key: dict[tuple[str, str, str, int], int] = {}
    for index, data in reports:
        facts = _facts(data)
        year = facts.get("year")
        unit = unit_key(str(facts.get("unit") or ""))
        if not isinstance(year, int) or not unit:
            continue
        key = (unit, str(facts.get("kind")), str(facts.get("scope")), year)
        by_key.setdefault(key, index)  # the same unit and year twice: the first one stands
    pairs: dict[int, int] = {}
    for (unit, kind, scope, year), index in by_key.items():
        before = by_key.get((unit, kind, scope, year - 1))
        if before is not None:
            pairs[index] = before
    return pairs
