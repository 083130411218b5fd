"""Breakdowns of the narrative: a whole, then its parts with their shares (占X%)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from yusuan.check.claims import SectionClaim
from yusuan.model import Amount, Unit


@dataclass
class ShareGroup:
    """A whole and the parts the text gives shares of (占X%)."""

    base: SectionClaim | None
    base_amount: Amount | None
    parts: list[tuple[SectionClaim, Amount | None]] = field(default_factory=list)


def share_groups(claims: Iterable[SectionClaim], unit: Unit) -> list[ShareGroup]:
    """Per section: the whole is the last amount stated without a share before the shares."""
    groups: list[ShareGroup] = []
    base: SectionClaim | None = None
    current: ShareGroup | None = None
    section_id: str | None = None
    for item in claims:
        if item.section.id != section_id:
            section_id, base, current = item.section.id, None, None
        pattern = item.claim.pattern
        if pattern in ("amount", "amount_yuan"):
            base, current = item, None
        elif pattern in ("amount_share", "amount_share_yuan"):
            if current is None:
                current = ShareGroup(base, base.claim.amount(unit) if base else None)
                groups.append(current)
            current.parts.append((item, item.claim.amount(unit)))
    return groups
