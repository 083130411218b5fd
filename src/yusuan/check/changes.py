"""The narrative's changes on the previous year, with the figure each refers to."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from yusuan.check.claims import SectionClaim
from yusuan.model import Amount, Evidence, quantize
from yusuan.reference.narrative import NarrativePatterns


@dataclass(frozen=True)
class Change:
    """A change on the previous year the text states (增加/减少 an amount, a rate) and its figure."""

    item: SectionClaim
    subject: Amount | None  # this year's figure the change refers to
    subject_item: SectionClaim | None
    direction: str | None  # "up" / "down"
    amount: Amount | None
    rate_direction: str | None
    rate: tuple[Decimal, int] | None


def change_claims(claims: Iterable[SectionClaim], patterns: NarrativePatterns) -> list[Change]:
    """Each change claim, bound to the first amount of its clause (its subject)."""
    out: list[Change] = []
    first_in_clause: dict[tuple[str, int], SectionClaim] = {}
    last_amount: dict[str, SectionClaim] = {}  # per section
    opened: set[tuple[str, int]] = set()  # clauses where a claim was read
    for item in claims:
        key = (item.section.id, item.claim.clause)
        opens_clause = key not in opened
        opened.add(key)
        if item.claim.pattern.startswith("amount") or item.claim.pattern == "item":
            first_in_clause.setdefault(key, item)
            last_amount[item.section.id] = item
        if item.claim.pattern not in ("change", "change_with_rate"):
            continue
        subject = first_in_clause.get(key)
        before = last_amount.get(item.section.id)
        if (
            subject is None
            and opens_clause
            and patterns.change_subject == "adjacent"
            and before is not None
            and before.claim.clause == item.claim.clause - 1
        ):
            # "基本支出预算数为15,844.04万元。与上年相比增加1849.73万元，增长13.22%" (江苏): a change
            # that opens its sentence speaks of the amount that closed the one before
            subject = before
        out.append(
            Change(
                item=item,
                subject=subject.claim.amount(patterns.unit) if subject else None,
                subject_item=subject,
                direction=item.claim.direction("direction", patterns.directions),
                amount=item.claim.amount(patterns.unit, "change"),
                rate_direction=item.claim.direction("rate_direction", patterns.directions),
                rate=item.claim.number("rate"),
            )
        )
    return out


def rate_evidence(exact: Decimal, rate: Decimal, places: int, tolerance: Decimal) -> Evidence:
    """A computed rate against the printed one, in percent, to the printed places."""
    return Evidence(
        expected=f"{quantize(exact, places)}%",
        actual=f"{rate}%",
        difference=f"{quantize(rate - exact, places + 1)}%",
        tolerance=f"{quantize(tolerance, places + 2)}%",
    )
