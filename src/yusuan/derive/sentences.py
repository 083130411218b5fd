"""Writing figures with the narrative's sentence patterns: amounts, shares and changes.

Every figure of the 情况说明 is written by a :class:`SentencePattern` of
data/templates/<profile>/narrative.yaml (the same pattern the checker parses), computed here from exact
amounts in 元 and rounded 四舍五入 only when printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from yusuan.derive.cells import amount
from yusuan.derive.errors import DeriveError
from yusuan.model import Amount, Unit, quantize
from yusuan.reference.authoring import AuthoringTexts
from yusuan.reference.narrative import NarrativePatterns

SHARE_PLACES = 2  # shares and rates print to 0.01%


def share(part: Decimal, whole: Decimal) -> Decimal:
    """part / whole as a percentage, 四舍五入 to 0.01."""
    return quantize(part / whole * 100, SHARE_PLACES)


@dataclass(frozen=True)
class Writer:
    patterns: NarrativePatterns
    texts: AuthoringTexts
    reasons: dict[str, str]

    @property
    def unit(self) -> Unit:
        return self.patterns.unit

    def money(self, yuan: Decimal) -> Amount:
        return amount(yuan, self.unit)

    def amount(self, label: str, yuan: Decimal) -> str:
        """ "{label}{amount}万元"."""
        return self.patterns.pattern("amount").format(label=label, amount=self.money(yuan))

    def amount_share(self, label: str, yuan: Decimal, whole: Decimal) -> str:
        """ "{label}{amount}万元，占{share}%" (the amount alone when the whole is zero)."""
        if whole == 0:
            return self.amount(label, yuan)
        return self.patterns.pattern("amount_share").format(
            label=label, amount=self.money(yuan), share=share(yuan, whole)
        )

    def count_amount(self, label: str, count: int, intro: str, yuan: Decimal) -> str:
        return self.patterns.pattern("count_amount").format(
            label=label, count=count, intro=intro, amount=self.money(yuan)
        )

    def coverage(self, phrase: str, part: Decimal, whole: Decimal) -> str:
        return self.patterns.pattern("coverage").format(phrase=phrase, share=share(part, whole))

    def change(self, key: str, current: Decimal, prior: Decimal | None) -> str:
        """ "比上年增加X万元，增长Y%，主要原因是…" — or "" without a prior-year figure.

        A change that prints as non-zero needs the user's reason (``reasons[key]``); without it
        the input is incomplete, and the error names where the reason is entered.
        """
        if prior is None:
            return ""
        difference = current - prior
        printed = self.money(abs(difference))
        if printed.value == 0:
            return self.texts.text("unchanged")
        direction = "up" if difference > 0 else "down"
        if prior == 0:
            text = self.patterns.pattern("change").format(direction=direction, change=printed)
        else:
            rate = share(abs(difference), prior)
            text = self.patterns.pattern("change_with_rate").format(
                direction=direction, change=printed, rate_direction=direction, rate=rate
            )
        reason = self.reasons.get(key, "").strip().rstrip("。；;，,")
        if not reason:
            raise DeriveError(
                f"{self.texts.reason_place(key)}：{text}，须写明变动原因"
                f" / a change on last year needs its reason ({key})"
            )
        return f"{text}，{self.texts.text('reason').format(reason=reason)}"
