"""The checker gates authoring: a Disclosure derived from the seed's Budget is consistent.

derive builds the tables from line items, so every table, cross-table and code rule passes on
it (differences inside rounding are info at most); what the derived document still lacks
(narrative sections, performance sheets) is reported by the completeness and project rules.
"""

from __future__ import annotations

from seed_budget import NAMES, seed_budget

from yusuan import api
from yusuan.derive.disclosure import derive_disclosure
from yusuan.model import Severity


def test_derived_tables_pass_every_table_rule() -> None:
    disclosure = derive_disclosure(seed_budget(), NAMES, "shanxi")
    report = api.check_disclosure(disclosure, select=["A", "X", "K", "S", "N", "D"])
    serious = [(f.rule, f.message) for f in report.findings if f.severity is not Severity.INFO]
    assert not serious
    assert not [n for n in report.not_evaluated if "rule raised" in n.reason]


def test_what_derive_does_not_yet_write_is_reported() -> None:
    report = api.check_disclosure(derive_disclosure(seed_budget(), NAMES, "shanxi"))
    errors = {f.rule for f in report.findings if f.severity is Severity.ERROR}
    assert errors <= {"C102", "P101"}  # missing 情况说明 sections and performance sheets only
