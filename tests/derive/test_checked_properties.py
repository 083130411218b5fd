"""Generated budgets -> derive -> the checker finds no error: the derivation is consistent by
construction, tables and narrative alike (hypothesis)."""

from __future__ import annotations

from budget_strategies import budgets
from hypothesis import HealthCheck, given, settings
from seed_budget import NAMES

from yusuan import api
from yusuan.derive import derive_disclosure
from yusuan.model import Severity
from yusuan.model.budget import Budget


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(budgets())
def test_a_derived_disclosure_has_no_error(budget: Budget) -> None:
    disclosure = derive_disclosure(budget, NAMES)
    report = api.check_disclosure(disclosure)
    errors = [(f.rule, f.message) for f in report.findings if f.severity is Severity.ERROR]
    assert errors == []
    assert not [n for n in report.not_evaluated if "rule raised" in n.reason]
