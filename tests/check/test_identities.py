"""The identities of data/identities/*.yaml and their one interpreter (check/identities.py)."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
from check_mutations import mutate

from yusuan.check.context import Context
from yusuan.check.engine import all_rules, rule_by_id, run
from yusuan.check.identities import evaluate
from yusuan.model import Disclosure, Kind, NotEvaluated, Severity
from yusuan.reference.identities import load_identities
from yusuan.reference.paths import ReferenceError, data_dir
from yusuan.reference.profiles import load_profile, profile_ids
from yusuan.reference.roles import shared_roles, tag_roles

IDENTITY_RULES = {"A102", "A103", "A104", "S101", "X101"}


@pytest.mark.parametrize("kind", [k.value for k in Kind])
def test_every_identity_names_a_rule_roles_and_columns_that_exist(kind: str) -> None:
    """A role or column no template has would make an identity silently never apply."""
    identities = load_identities(kind)
    assert identities
    assert all(rule_by_id(i.rule) is not None for i in identities)
    profiles = [load_profile(pid) for pid in profile_ids()]
    roles = {role for table in shared_roles().values() for role in table} | {"code", "class"}
    roles |= {role for p in profiles for t in p.raw["tables"] for role in t.get("roles", {})}
    columns = {c.key for p in profiles for t in p.tables for c in t.columns}
    for identity in identities:
        for term in (identity.head, *identity.parts):
            if term.rows is not None and term.function is None:
                assert term.rows in roles, f"{identity.text}: unknown role {term.rows}"
            if term.column is not None:
                assert term.column in columns, f"{identity.text}: no profile has column {term.column}"


def test_the_budget_identities_report_under_the_rules_that_read_them() -> None:
    assert {i.rule for i in load_identities("budget")} == IDENTITY_RULES


def _data_with(tmp_path: Path, budget_yaml: str) -> Path:
    """A copy of data/ whose budget identities are ``budget_yaml``."""
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    (target / "identities" / "budget.yaml").write_text(budget_yaml, encoding="utf-8")
    return target


@pytest.mark.parametrize(
    "text",
    [
        "identities:\n  - {rule: A102, columns: total = basic * project}",
        "identities:\n  - {rule: A103, lines: income_total = income_subtotal - carried(income)}",
        "identities:\n  - {rule: A102, columns: total - basic = project}",
        "identities:\n  - {rule: X101, figures: overview.total = expenditure[total].total}",
        "identities:\n  - {rule: A103, lines: income_total = after(income)}",
        "identities:\n  - {rule: X101, figures: 'income[code].total = expenditure[total].total'}",
        "identities:\n  - {columns: total = basic + project}",
    ],
)
def test_a_malformed_identity_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    monkeypatch.setenv("YUSUAN_DATA", str(_data_with(tmp_path, text)))
    load_identities.cache_clear()
    try:
        with pytest.raises(ReferenceError, match=r"budget\.yaml"):
            load_identities("budget")
    finally:
        monkeypatch.delenv("YUSUAN_DATA")
        load_identities.cache_clear()


def test_an_identity_added_as_data_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built_seed: Disclosure
) -> None:
    # 支出总表 合计 项目支出 = 一般公共预算支出表 合计 项目支出 holds in the seed; 基本支出 does not
    added = (
        "identities:\n"
        "  - {rule: X101, figures: 'expenditure[total].project = general_expenditure[total].project'}\n"
        "  - rule: X101\n"
        "    what: 基本支出 / basic\n"
        "    figures: expenditure[total].basic = projects[total].total\n"
        "  - {rule: X101, table: expenditure, columns: basic = total - project}\n"
        "  - {rule: X101, table: expenditure, what: 减 / minus, columns: project = basic - total}\n"
    )
    monkeypatch.setenv("YUSUAN_DATA", str(_data_with(tmp_path, added)))
    load_identities.cache_clear()
    try:
        found = list(evaluate(Context(built_seed), "X101"))
    finally:
        monkeypatch.delenv("YUSUAN_DATA")
        load_identities.cache_clear()
    messages = {(f.severity, f.message.split("：")[0]) for f in found}  # type: ignore[union-attr]
    assert messages == {(Severity.ERROR, "基本支出"), (Severity.ERROR, "减")}  # basic = total - project holds
    basic = next(f for f in found if f.message.startswith("基本支出"))  # type: ignore[union-attr]
    assert {loc.table for loc in basic.locations} == {"expenditure", "projects"}  # type: ignore[union-attr]


def test_a_row_the_reader_did_not_recognise_is_not_evaluated(built_seed: Disclosure) -> None:
    renamed = mutate(
        built_seed, {"rename_row": {"table": "overview", "row": "本年收入合计", "name": "本年收入"}}
    )
    outcomes = list(evaluate(Context(renamed), "A103"))
    missing = [o for o in outcomes if isinstance(o, NotEvaluated)]
    assert len(missing) == 2 and all("income_subtotal" in o.reason for o in missing)
    assert not [o for o in outcomes if not isinstance(o, NotEvaluated) and o.severity is Severity.ERROR]


def test_a_table_the_reader_did_not_find_is_not_evaluated(built_seed: Disclosure) -> None:
    unread = mutate(built_seed, {"remove_table": {"table": "general_basic_economic"}})
    report = run(Context(unread), [r for r in all_rules() if r.id == "X101"])
    assert [n.rule for n in report.not_evaluated] == ["X101"]
    assert "general_basic_economic" in report.not_evaluated[0].reason
    assert not report.findings


def test_rows_a_template_does_not_print_are_not_asked_for(built_seed: Disclosure) -> None:
    shanghai = copy.deepcopy(built_seed)
    shanghai.facts.profile = "shanghai"  # whose overview has no 本年收入合计 and no 结转 lines
    overview = shanghai.tables["overview"]
    overview.rows = [r for r in overview.rows if r.name not in ("本年收入合计", "本年支出合计")]
    tag_roles(shanghai.tables.values(), load_profile("shanghai"), shanghai.facts.unit)
    assert not [o for o in evaluate(Context(shanghai), "A103") if isinstance(o, NotEvaluated)]


def test_a_kind_without_identities_data_is_not_evaluated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built_seed: Disclosure
) -> None:
    target = _data_with(tmp_path, "identities: []\n")
    (target / "identities" / "final_accounts.yaml").unlink()
    final = copy.deepcopy(built_seed)
    final.facts.kind = Kind.FINAL_ACCOUNTS
    monkeypatch.setenv("YUSUAN_DATA", str(target))
    load_identities.cache_clear()
    try:
        report = run(Context(final), [r for r in all_rules() if r.id in IDENTITY_RULES])
    finally:
        monkeypatch.delenv("YUSUAN_DATA")
        load_identities.cache_clear()
    assert {n.rule for n in report.not_evaluated} == IDENTITY_RULES
    assert all("final_accounts" in n.reason for n in report.not_evaluated)


FINAL = Path(__file__).resolve().parents[1] / "corpus" / "final"


@pytest.mark.parametrize("table_id", ["final_income", "final_expenditure", "final_fiscal_overview"])
def test_final_accounts_identities_catch_a_planted_defect(table_id: str) -> None:
    from yusuan.api import read_document
    from yusuan.model import Amount, Cell, CellStatus

    disclosure = read_document(FINAL / "shanghai-putuo-planning-bureau-2024-dept-final-accounts.pdf")
    assert disclosure.facts.kind is Kind.FINAL_ACCOUNTS
    clean = run(Context(disclosure), [r for r in all_rules() if r.id == "A102"])
    assert not [f for f in clean.findings if f.severity is Severity.ERROR]
    table = disclosure.tables[table_id]
    index = table.column_index("total")
    assert index is not None
    row = next(r for r in table.rows if r.cells[index].amount is not None and r.cells[index].amount.value)
    old = row.cells[index]
    assert old.amount is not None
    changed = Amount(old.amount.value + 1, old.amount.unit, old.amount.places)
    row.cells[index] = Cell(changed.normalised(), changed, CellStatus.VALUE, old.source)
    report = run(Context(disclosure), [r for r in all_rules() if r.id in IDENTITY_RULES])
    errors = [f for f in report.findings if f.severity is Severity.ERROR]
    assert [(f.rule, f.location.table) for f in errors] == [("A102", table_id)]
    assert {n.rule for n in report.not_applicable} == IDENTITY_RULES - {"A102"}  # F101–F103 do those


def test_a_table_without_the_row_does_not_stop_the_others(built_seed: Disclosure) -> None:
    """A template whose 收支总表 prints no 本年收入合计 still has A103 checked on its 财政拨款收支总表."""
    from dataclasses import replace

    from yusuan.model import Amount, Cell, CellStatus

    profile = load_profile("shanxi")
    tables = [
        {**t, "roles": {"income_subtotal": []}} if t["id"] == "overview" else t for t in profile.raw["tables"]
    ]
    ctx = Context(mutate(built_seed, []))
    ctx.__dict__["profile"] = replace(profile, raw={**profile.raw, "tables": tables})
    fiscal = ctx.disclosure.tables["fiscal_overview"]
    row = next(r for r in fiscal.rows if r.role == "income_subtotal")
    index = fiscal.column_index("income_amount")
    assert index is not None and row.cells[index].amount is not None
    wrong = Amount(row.cells[index].amount.value + 1, row.cells[index].amount.unit, 2)
    row.cells[index] = Cell(wrong.normalised(), wrong, CellStatus.VALUE, row.cells[index].source)
    errors = [
        (o.location.table, o.location.row)
        for o in evaluate(ctx, "A103")
        if not isinstance(o, NotEvaluated) and o.severity is Severity.ERROR
    ]
    assert ("fiscal_overview", "本年收入合计") in errors
    assert not [t for t, _ in errors if t == "overview"]
