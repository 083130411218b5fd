"""Every decision case file passes: input -> expected decision and cited clauses."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from procurement_cases import load_cases

from yusuan.procurement import build_request, decide
from yusuan.reference.procurement import rulesets
from yusuan.reference.procurement_policies import policy

CASES = load_cases()
PLAIN_KEYS = (
    "route",
    "in_scope",
    "mode",
    "second_stage",
    "public_tender_required",
    "approval_needed_for_other_method",
    "item",
)


@pytest.mark.parametrize(("name", "given", "expect"), CASES, ids=[c[0] for c in CASES])
def test_case(name: str, given: dict[str, Any], expect: dict[str, Any]) -> None:
    decision = decide(build_request(**given))
    result = decision.to_json()
    for key in PLAIN_KEYS:
        if key in expect:
            assert result[key] == expect[key], f"{name}: {key}"
    if "ruleset" in expect:
        assert result["ruleset"] == expect["ruleset"]
    if "obligations" in expect:
        assert [o["kind"] for o in result["obligations"]] == expect["obligations"]
    for kind, details in expect.get("details", {}).items():
        found = [o for o in result["obligations"] if o["kind"] == kind]
        assert found, f"{name}: no obligation {kind}"
        for key, value in details.items():
            assert found[0][key] == value, f"{name}: {kind}.{key}"
    for cite in expect.get("cites", []):
        assert any(c.startswith(cite) for c in decision.cited), f"{name}: {cite} not in {decision.cited}"
    for fragment in expect.get("review_contains", []):
        assert result["review_reason"] and fragment in result["review_reason"], f"{name}: {fragment}"
    if "reason_contains" in expect:
        assert any(expect["reason_contains"] in r["text"] for r in result["reasons"])
    if result["route"] == "review_required":
        assert result["review_reason"], "a review always says why"
        assert result["in_scope"] is None and result["mode"] is None
    else:
        assert result["review_reason"] is None
        assert all(r["text"] for r in result["reasons"])


def _object_of(given: dict[str, Any]) -> str | None:
    if given.get("object"):
        return str(given["object"])
    code = given.get("code") or ""
    return {"A": "goods", "B": "works", "C": "services"}.get(code[:1])


def test_every_threshold_is_tried_at_below_and_above() -> None:
    """The case files hold, for every threshold of every ruleset, the amount at it, 0.01 below, 0.01 above."""
    tried = {(_object_of(g), g.get("level"), Decimal(str(g["amount"]))) for _, g, _ in CASES}
    missing: list[str] = []
    for ruleset in rulesets():
        lines = [
            *ruleset.decentralized_limits,
            *ruleset.framework_ceilings,
            *ruleset.second_stage,
            *ruleset.public_tender,
        ]
        for threshold in lines:
            levels = threshold.levels or ("province", "prefecture", "county")
            for delta in (Decimal("-0.01"), Decimal(0), Decimal("0.01")):
                amount = threshold.amount + delta
                if not any((threshold.object, level, amount) in tried for level in levels):
                    missing.append(f"{ruleset.id} {threshold.object} {threshold.wording} {amount}")
    for policy_id, key in (("cn-works-tender", "public_tender"), ("cn-sme", "whole_reservation")):
        values = policy(policy_id).values_on(dt.date(2023, 5, 1))
        assert values is not None
        for entry in values.values[key]:
            for delta in (Decimal("-0.01"), Decimal(0), Decimal("0.01")):
                amount = Decimal(entry["amount"]) + delta
                if not any(o == entry["object"] and a == amount for o, _, a in tried):
                    missing.append(f"{policy_id} {entry['object']} {entry['wording']} {amount}")
    assert not missing, missing


def test_each_level_object_and_scheme_is_covered() -> None:
    levels = {g.get("level") for _, g, _ in CASES}
    objects = {_object_of(g) for _, g, _ in CASES}
    schemes = {g.get("scheme") for _, g, _ in CASES}
    routes = {e.get("route") for _, _, e in CASES}
    assert {"province", "prefecture", "county"} <= levels
    assert {"goods", "works", "services"} <= objects
    assert {"2013", "2022", None} <= schemes
    assert {
        "centralized_agency",
        "department_centralized",
        "decentralized",
        "outside_law",
        "review_required",
    } <= routes
    assert len(CASES) >= 100
