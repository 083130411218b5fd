"""Editions of one template: Shanghai 2026 beside 2025, Jiangsu 2018 beside 2019, chosen by year."""

from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.read import read_document
from yusuan.reference.profiles import detect_profile, load_profile, raw_profile

ROOT = Path(__file__).resolve().parents[2]
WORKBOOKS = ROOT / "tests" / "corpus" / "shanghai-2026"  # the Putuo district's own 2026 workbooks

SHANGHAI_IDS = [
    "overview",
    "income",
    "expenditure",
    "fiscal_overview",
    "general_expenditure",
    "fund_expenditure",
    "capital_budget",
    "general_basic_economic",
    "three_public",
]


def test_the_2026_editions_are_small_extends_of_2025() -> None:
    for edition, base in (("shanghai_2026", "shanghai"), ("shanghai_department_2026", "shanghai_department")):
        own = (ROOT / "data" / "templates" / edition / "template.yaml").read_text(encoding="utf-8")
        assert len(own.splitlines()) < 15
        merged, parent = raw_profile(edition), raw_profile(base)
        assert merged["tables"] == parent["tables"] and merged["sections"] == parent["sections"]
        assert (load_profile(edition).years, load_profile(base).years) == ((2026, None), (None, 2025))


@pytest.mark.parametrize(
    ("workbook", "profile", "scope"),
    [
        ("shanghai-putuo-2026-unit-budget-template.xlsx", "shanghai_2026", "unit"),
        ("shanghai-putuo-2026-dept-budget-template.xlsx", "shanghai_department_2026", "department"),
    ],
)
def test_the_district_2026_workbooks_read_as_the_2026_edition(
    workbook: str, profile: str, scope: str
) -> None:
    facts = (disclosure := read_document(WORKBOOKS / workbook)).facts
    assert (facts.profile, facts.year, facts.scope.value) == (profile, 2026, scope)
    assert facts.kind.value == "budget"
    assert list(disclosure.tables) == SHANGHAI_IDS  # every table of the workbook identified
    assert disclosure.tables["three_public"].unit.value == "万元"


@pytest.mark.parametrize(
    ("title", "table_id"),
    [
        ("2024年预算单位财政拨款收支预算总表", "fiscal_overview"),
        ("2024年预算单位财政拨款收支总表", "fiscal_overview"),  # without 预算
        ("财政拨款收支总表", "fiscal_overview"),  # without unit word or year
        ("表4 2024年财政拨款收支预算总表", "fiscal_overview"),  # with a table number
        ("2024年部门财务收支总表", "overview"),
        ("2024年收入总表", "income"),
        ("2024年单位支出总表", "expenditure"),
        ("2024年一般公共预算支出表", "general_expenditure"),
        ("2024年一般公共预算拨款支出功能分类预算表", "general_expenditure"),
        ("2024年政府性基金支出预算表", "fund_expenditure"),
        ("2024年国有资本经营预算支出预算表", "capital_budget"),
        ("2024年一般公共预算基本支出经济分类表", "general_basic_economic"),
        ("一般公共预算拨款基本支出明细表", "general_basic_economic"),
        ("2024年单位“三公”经费和机关运行费预算表", "three_public"),
    ],
)
def test_shanghai_titles_match_with_or_without_unit_word_year_and_number(title: str, table_id: str) -> None:
    for profile_id in ("shanghai", "shanghai_department", "shanghai_2026"):
        profile = load_profile(profile_id)
        assert [t.id for t in profile.tables if t.title_pattern.search(title)] == [table_id], profile_id


def _titles(profile_id: str, year: int) -> str:
    return "\n".join(t.title_for(year) for t in load_profile(profile_id).tables)


def test_detection_picks_the_edition_covering_the_year() -> None:
    found = detect_profile(f"上海市2026年市级单位预算\n{_titles('shanghai', 2026)}")
    assert found is not None and found.id == "shanghai_2026"
    found = detect_profile(f"上海市2025年市级单位预算\n{_titles('shanghai', 2025)}")
    assert found is not None and found.id == "shanghai"
    found = detect_profile(f"上海市普陀区2027年区级部门预算\n{_titles('shanghai_department', 2027)}")
    assert found is not None and found.id == "shanghai_department_2026"
    found = detect_profile(f"2018 年度江苏省高级人民法院预算公开\n{_titles('jiangsu', 2018)}")
    assert found is not None and found.id == "jiangsu_2018"
    found = detect_profile(f"江苏省人民检察院\n2019年度部门预算公开\n{_titles('jiangsu', 2019)}")
    assert found is not None and found.id == "jiangsu"
