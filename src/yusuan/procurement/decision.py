"""What the engine answers: a route, a mode, obligations, and the clause behind each of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from yusuan.reference.procurement import ClauseSource

ROUTES = ("centralized_agency", "department_centralized", "decentralized", "outside_law", "review_required")
MODES = ("framework_agreement", "project")


@dataclass(frozen=True)
class Reason:
    text: str
    source: ClauseSource | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "source": self.source.cite() if self.source else None,
            "verified": self.source.verified if self.source else None,
        }


@dataclass(frozen=True)
class Obligation:
    kind: (
        str  # sme_reservation | sme_price_deduction | sme_check | intention_disclosure | import_approval | …
    )
    text: str
    source: ClauseSource
    details: dict[str, str] = field(default_factory=dict)
    also: tuple[ClauseSource, ...] = ()  # every other layer that asks the same (composition)

    @property
    def sources(self) -> tuple[ClauseSource, ...]:
        return (self.source, *self.also)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "source": self.source.cite(),
            "verified": self.source.verified,
            "sources": [s.cite() for s in self.sources],
            **self.details,
        }


@dataclass(frozen=True)
class Decision:
    route: str
    in_scope: bool | None = None
    mode: str | None = None
    second_stage: bool | None = None
    public_tender_required: bool | None = None
    approval_needed_for_other_method: bool | None = None
    obligations: tuple[Obligation, ...] = ()
    reasons: tuple[Reason, ...] = ()
    review_reason: str | None = None
    ruleset: tuple[str, ...] = ()
    item: dict[str, str | None] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "in_scope": self.in_scope,
            "route": self.route,
            "mode": self.mode,
            "second_stage": self.second_stage,
            "public_tender_required": self.public_tender_required,
            "approval_needed_for_other_method": self.approval_needed_for_other_method,
            "obligations": [o.to_json() for o in self.obligations],
            "reasons": [r.to_json() for r in self.reasons],
            "review_reason": self.review_reason,
            "ruleset": list(self.ruleset),
            "item": self.item,
        }

    @property
    def cited(self) -> list[str]:
        """Every source cited, reasons first then obligations (for tests and reports)."""
        return [r.source.cite() for r in self.reasons if r.source] + [
            s.cite() for o in self.obligations for s in o.sources
        ]


def review(reason: str, reasons: list[Reason] | None = None, ruleset: tuple[str, ...] = ()) -> Decision:
    """The data cannot decide: say so and why; never a guess."""
    return Decision(
        route="review_required",
        reasons=(*(reasons or []), Reason(reason)),
        review_reason=reason,
        ruleset=ruleset,
    )
