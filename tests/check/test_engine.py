"""The engine: discovery, selection, outcomes of rules that cannot run or that crash."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from yusuan.check.context import CannotEvaluate, Context, issue
from yusuan.check.engine import FAMILIES, Rule, all_rules, rule_by_id, run, select_rules
from yusuan.model import Disclosure, Finding, Severity


def test_rules_discovered_by_family_and_id() -> None:
    rules = all_rules()
    assert len(rules) >= 40
    for rule in rules:
        assert re.fullmatch(r"[A-Z]\d{3}", rule.id)
        assert rule.id[0] == FAMILIES[rule.family][0]
    assert {r.family for r in rules} == set(FAMILIES)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.id)
def test_docstring_is_the_documentation(rule: Rule) -> None:
    for part in ("What:", "Why:", "Legal basis:", "Example:"):
        assert part in rule.doc, f"{rule.id} docstring lacks {part}"


def test_select_and_ignore() -> None:
    assert [r.id for r in select_rules(["A101"])] == ["A101"]
    assert {r.family for r in select_rules(["narrative"])} == {"narrative"}
    assert {r.family for r in select_rules(["p"])} == {"performance"}
    chosen = select_rules(["A"], ["A101"])
    assert "A101" not in [r.id for r in chosen] and "A102" in [r.id for r in chosen]
    with pytest.raises(KeyError):
        select_rules(["Z999"])
    assert rule_by_id("a101") is not None and rule_by_id("Z999") is None


def _crashing(ctx: Context) -> Iterator[Finding]:
    raise ZeroDivisionError("boom")


def _missing(ctx: Context) -> Iterator[Finding]:
    ctx.require_table("no_such_table")
    yield issue(Severity.ERROR, "不会到这里", "never")


def _fine(ctx: Context) -> Iterator[Finding]:
    yield issue(Severity.WARNING, "警告", "warning")


def test_crash_and_cannot_evaluate_do_not_stop_the_run(built_seed: Disclosure) -> None:
    rules = [
        Rule("Z901", "crashing", "reading", "crashes", _crashing),
        Rule("Z902", "missing", "reading", "needs a table", _missing),
        Rule("Z903", "fine", "reading", "warns", _fine),
    ]
    report = run(Context(built_seed), rules)
    reasons = {n.rule: n.reason for n in report.not_evaluated}
    assert "rule raised ZeroDivisionError" in reasons["Z901"]
    # the seed's template (shanxi) has no such table: the rule does not apply, it is no pass
    assert [(n.rule, "no_such_table" in n.reason) for n in report.not_applicable] == [("Z902", True)]
    assert [(f.rule, f.severity) for f in report.findings] == [("Z903", Severity.WARNING)]
    assert report.rules_run == ["Z901", "Z902", "Z903"]


def _reads_projects(ctx: Context) -> Iterator[Finding]:
    yield issue(Severity.INFO, "读到项目表", "read the project table")


def test_declared_tables_and_kinds_decide_applicability(built_seed: Disclosure) -> None:
    import copy

    unread = copy.deepcopy(built_seed)
    del unread.tables["projects"]
    rules = [
        Rule("Z904", "projects", "reading", "needs projects", _reads_projects, tables=("projects",)),
        Rule("Z905", "final", "reading", "final accounts", _reads_projects, kinds=("final_accounts",)),
    ]
    read = run(Context(built_seed), rules)
    assert [f.rule for f in read.findings] == ["Z904"]
    assert [n.rule for n in read.not_applicable] == ["Z905"]
    missing = run(Context(unread), rules)
    assert [(n.rule, "projects" in n.reason) for n in missing.not_evaluated] == [("Z904", True)]
    assert not missing.findings
    shanghai = copy.deepcopy(unread)
    shanghai.facts.profile = "shanghai"  # a template without a project table
    assert [n.rule for n in run(Context(shanghai), rules).not_applicable] == ["Z904", "Z905"]


def test_cannot_evaluate_carries_reason() -> None:
    assert CannotEvaluate("缺少表").reason == "缺少表"


def test_missing_profile_is_not_evaluated(built_seed: Disclosure) -> None:
    import copy

    d = copy.deepcopy(built_seed)
    d.facts.profile = "atlantis"
    report = run(Context(d))
    not_run = {n.rule for n in report.not_evaluated}
    assert {"C101", "C102", "N101"} <= not_run
    assert not [n for n in report.not_evaluated if "rule raised" in n.reason]


def test_unit_type_inferred_from_codes(built_seed: Disclosure) -> None:
    kind, how = Context(built_seed).unit_type()
    assert kind is not None and kind.value == "事业" and "2010350" in how


def test_rules_named_in_data_exist() -> None:
    from yusuan.reference.narrative import load_narrative

    named = {rule for rules in load_narrative("shanxi").checked_elsewhere.values() for rule in rules}
    assert named and all(rule_by_id(rule) is not None for rule in named)
