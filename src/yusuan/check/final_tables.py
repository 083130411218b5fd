"""Figures the final_accounts rules combine beyond a plain sum."""

from __future__ import annotations

from yusuan.model import Amount


def negated(amount: Amount | None) -> Amount | None:
    """``-amount`` (for a sum with a subtracted figure), keeping its unit and precision."""
    return None if amount is None else Amount(-amount.value, amount.unit, amount.places)
