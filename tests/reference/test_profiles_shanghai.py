"""The Shanghai profiles as data: same semantic ids and keys as Shanxi, split code columns, 三公 in 万元."""

from __future__ import annotations

import pytest

from yusuan.model import Unit
from yusuan.reference.profiles import load_profile

SHARED_IDS = {
    "overview",
    "income",
    "expenditure",
    "fiscal_overview",
    "general_expenditure",
    "general_basic_economic",
    "three_public",
}


@pytest.mark.parametrize("profile_id", ["shanghai", "shanghai_department"])
def test_nine_tables_in_yuan_with_three_public_in_wan(profile_id: str) -> None:
    profile = load_profile(profile_id)
    assert profile.currency_unit is Unit.YUAN
    assert len(profile.tables) == 9
    assert {t.number for t in profile.tables} == set(range(1, 10))
    assert SHARED_IDS | {"fund_expenditure", "capital_budget"} == {t.id for t in profile.tables}
    three_public = profile.table("three_public")
    assert three_public is not None and three_public.unit is Unit.WAN
    assert {t.id for t in profile.tables if t.unit is not None} == {"three_public"}


@pytest.mark.parametrize("profile_id", ["shanghai", "shanghai_department"])
def test_column_keys_shared_with_shanxi_where_the_meaning_is_the_same(profile_id: str) -> None:
    shanghai, shanxi = load_profile(profile_id), load_profile("shanxi")
    for table_id in ("expenditure", "general_expenditure", "fiscal_overview"):
        ours, theirs = shanghai.table(table_id), shanxi.table(table_id)
        assert ours is not None and theirs is not None
        assert [c.key for c in ours.columns] == [c.key for c in theirs.columns]
    economic = shanghai.table("general_basic_economic")
    assert economic is not None
    assert [c.key for c in economic.columns] == ["total", "personnel", "public"]


def test_split_code_columns_are_data() -> None:
    profile = load_profile("shanghai")
    codes = {t.id: t.code_columns for t in profile.tables}
    assert codes["income"] == codes["expenditure"] == codes["general_expenditure"] == 3
    assert codes["general_basic_economic"] == 2
    assert {t.code_columns for t in load_profile("shanxi").tables} == {1}


def test_unit_and_department_versions_differ_where_print_differs() -> None:
    unit, department = load_profile("shanghai"), load_profile("shanghai_department")
    assert (unit.scope, department.scope) == ("unit", "department")
    unit_overview, department_overview = unit.table("overview"), department.table("overview")
    assert unit_overview is not None and department_overview is not None
    assert [c.key for c in unit_overview.columns] == [
        "income_amount",
        "total",
        "personnel",
        "public",
        "project",
    ]
    assert [c.key for c in department_overview.columns] == ["income_amount", "total"]
    assert unit.section("project_overview") is None
    project = department.section("project_overview")
    assert project is not None and project.part == "项目经费情况说明"
    assert project.titles == ("项目概况", "项目概述")


def test_title_patterns_tell_the_tables_apart() -> None:
    profile = load_profile("shanghai_department")
    titles = {
        "2025年部门财务收支预算总表": "overview",
        "2025年部门收入预算总表": "income",
        "2025年部门支出预算总表": "expenditure",
        "2025年部门财政拨款收支预算总表": "fiscal_overview",
        "2025年部门一般公共预算支出功能分类预算表": "general_expenditure",
        "2025年部门政府性基金预算支出功能分类预算表": "fund_expenditure",
        "2025年部门国有资本经营预算支出功能分类预算表": "capital_budget",
        "2025年部门一般公共预算基本支出部门预算经济分类预算表": "general_basic_economic",
        "2025年部门“三公”经费和机关运行经费预算表": "three_public",
    }
    for title, table_id in titles.items():
        matches = [t.id for t in profile.tables if t.title_pattern.search(title)]
        assert matches == [table_id], title
