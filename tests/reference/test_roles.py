"""Row roles: the shared vocabulary, a profile's override, and the tagging of real tables."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from yusuan.model import Cell, Row, Table, Unit
from yusuan.reference.paths import ReferenceError
from yusuan.reference.profiles import load_profile
from yusuan.reference.roles import normalise_name, role_of, shared_roles, table_roles, tag_roles

CONTRACT_ROLES = {
    "total", "income_total", "expenditure_total", "income_subtotal", "expenditure_subtotal",
    "income_carryover", "expenditure_carryover", "opening_balance", "closing_balance", "abroad",
    "reception", "vehicle", "vehicle_purchase", "vehicle_running", "admin_running", "meeting", "training",
}  # fmt: skip


def _table(table_id: str, *names: str) -> Table:
    return Table(table_id, "", Unit.YUAN, [], [Row(name=n, cells=[Cell("")]) for n in names])


def test_vocabulary_names_every_contract_role() -> None:
    declared = {role for roles in shared_roles().values() for role in roles}
    assert CONTRACT_ROLES <= declared


def test_names_are_compared_without_spaces_numbers_or_wide_brackets() -> None:
    assert normalise_name(" 一、 本年 收入合计 ") == "本年收入合计"
    assert normalise_name("①公务用车购置费") == "公务用车购置费"
    assert normalise_name("因公出国（境）费") == "因公出国(境)费"


def test_tagging_the_overview_and_the_three_public_lines() -> None:
    overview = _table("overview", "一、一般公共服务支出", "本年收入合计", "上年结转", "收入总计", "年终结转")
    three = _table("three_public", "因公出国（境）费", "②公务用车运行维护费", "合 计")
    tag_roles([overview, three], None)
    assert [r.role for r in overview.rows] == [
        None, "income_subtotal", "income_carryover", "income_total", "expenditure_carryover"
    ]  # fmt: skip
    assert [r.role for r in three.rows] == ["abroad", "vehicle_running", "total"]


def test_the_unit_heading_is_the_total_of_a_project_table() -> None:
    projects = _table("projects", "朔州市朔城区数字政府服务中心", "办公用房租赁费")
    tag_roles([projects], None, unit="朔州市朔城区数字政府服务中心")
    assert [r.role for r in projects.rows] == ["total", None]
    assert role_of("数字政府服务中心", table_roles("overview", None), unit="数字政府服务中心") is None


def test_a_profile_entry_overrides_the_shared_wordings_of_a_role() -> None:
    profile = load_profile("shanghai")
    raw = {**profile.raw, "tables": [{"id": "overview", "roles": {"income_total": ["收入合计"]}}]}
    patched = replace(profile, raw=raw)
    roles = table_roles("overview", patched)
    assert roles["income_total"] == ("收入合计",)
    assert roles["expenditure_total"] == ("支出总计",)  # untouched roles stay shared
    assert table_roles("income", patched)["total"] == table_roles("income", None)["total"]


def test_a_malformed_vocabulary_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "roles.yaml").write_text(yaml.safe_dump({"any": {"total": "合计"}}), encoding="utf-8")
    monkeypatch.setenv("YUSUAN_DATA", str(tmp_path))
    shared_roles.cache_clear()
    try:
        with pytest.raises(ReferenceError, match=r"roles\.yaml"):
            shared_roles()
    finally:
        monkeypatch.delenv("YUSUAN_DATA")
        shared_roles.cache_clear()


def _role_by_scan(name: str, wordings: dict[str, tuple[str, ...]], unit: str, side: str | None) -> str | None:
    """role_of as it was written before its lookup: every role's wordings scanned in order."""
    wanted = normalise_name(name)
    own = "".join(unit.split())
    found = [
        role
        for role, words in wordings.items()
        if wanted and any(w == wanted or (w == "{unit}" and own and wanted.endswith(own)) for w in words)
    ]
    own_side = [role for role in found if side and role.startswith(f"{side}_")]
    chosen = own_side or found
    return chosen[0] if chosen else None


def test_lookup_gives_the_roles_a_scan_gives() -> None:
    """Every wording of every template's tables (and a unit's own name, and names no wording
    has) gets from role_of's lookup the role a scan of the wordings in order gives, each side."""
    from yusuan.reference.profiles import profile_ids

    unit = "上海市普陀区财政局"
    checked = 0
    for profile_id in profile_ids():
        profile = load_profile(profile_id)
        for spec in profile.tables:
            wordings = table_roles(spec.id, profile)
            names = {w for words in wordings.values() for w in words} | {unit, f"1、{unit}", "其他", ""}
            for name in sorted(names):
                for side in (None, "income", "expenditure"):
                    expected = _role_by_scan(name, wordings, unit, side)
                    assert role_of(name, wordings, unit, side) == expected, (profile_id, spec.id, name, side)
                    assert role_of(name, dict(wordings), unit, side) == expected  # not from the cache
                    checked += 1
    assert checked > 1000
