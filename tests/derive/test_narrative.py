"""The 情况说明 derived from a budget: figures, shares, changes and reasons, written with the
sentence patterns the checker reads back."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.api import read_budget
from yusuan.derive import DeriveError, derive_disclosure, names_for
from yusuan.derive.sentences import share
from yusuan.model import Code, CodeKind, Disclosure
from yusuan.model.budget import Budget, Funding, LineItem, Nature, UnitType
from yusuan.reference.narrative import load_narrative

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "shuozhou-2025-budget.yaml"
UNIT = "朔州市朔城区数字政府服务中心"


def example() -> Budget:
    return read_budget(EXAMPLE)


def derive(budget: Budget) -> Disclosure:
    return derive_disclosure(budget, names_for(budget), budget.profile)


def text(disclosure: Disclosure, section_id: str) -> str:
    section = disclosure.section(section_id)
    assert section is not None, section_id
    return section.text


def test_shares_round_half_up() -> None:
    assert share(Decimal(1), Decimal(160)) == Decimal("0.63")  # 0.625: 四舍五入, not to even
    assert share(Decimal("1942100"), Decimal("3411100")) == Decimal("56.93")


def test_the_example_restates_the_seeds_figures() -> None:
    d = derive(example())
    assert text(d, "income").startswith(
        f"2025年度{UNIT}预算收入341.11万元，主要包括一般公共预算拨款收入341.11万元，占100.00%；"
    )
    assert text(d, "expenditure") == (
        f"2025年度{UNIT}支出预算341.11万元，其中：基本支出194.21万元，占56.93%；项目支出146.90万元，占43.07%。"
    )
    assert "比上年增加3.92万元，增长1.16%，主要原因是较上年增加好差评系统购置及维护费" in text(d, "changes")
    structure = text(d, "general_expenditure").splitlines()[3]
    assert "一般公共服务支出293.07万元，占85.92%；社会保障和就业支出21.26万元，占6.23%" in structure
    assert "人员经费188.51万元" in text(d, "general_basic") and "公用经费5.70万元" in text(d, "general_basic")
    assert text(d, "three_public") == "本单位无“三公”经费预算，与上年持平。"
    assert text(d, "admin_running") == "本单位无机关运行经费。"
    assert "二级项目4个，共计金额146.90万元" in text(d, "performance")
    assert "占部门（单位）项目支出总额的100.00%" in text(d, "performance")
    assert "政府采购预算总额3.93万元" in text(d, "procurement")
    assert d.procurement is not None and d.procurement.text == text(d, "procurement")
    assert d.assets is not None and d.assets.vehicles["实有"] == 0
    assert "价值100万元（原值）以上的专用设备0台（套）" in d.assets.text


def test_every_figure_parses_back_with_the_checkers_patterns() -> None:
    """Each amount the narrative writes is one claim of the patterns, with the printed value."""
    d = derive(example())
    patterns = load_narrative("shanxi")
    claims = patterns.claims(text(d, "expenditure"))
    assert [(c.pattern, c.label[-4:], c.values["amount"], c.values.get("share")) for c in claims] == [
        ("amount", "支出预算", "341.11", None),
        ("amount_share", "基本支出", "194.21", "56.93"),
        ("amount_share", "项目支出", "146.90", "43.07"),
    ]
    changes = [c for c in patterns.claims(text(d, "changes")) if c.pattern == "change_with_rate"]
    assert [(c.values["change"], c.values["rate"]) for c in changes] == [("3.92", "1.16"), ("3.92", "1.16")]


def test_a_decrease_is_written_with_its_direction_words() -> None:
    budget = example()
    budget.prior_year_totals["total"] = Decimal("4000000")  # 400.00万元 -> 341.11: −58.89, −14.7225%
    assert "比上年减少58.89万元，下降14.72%，主要原因是" in text(derive(budget), "changes")


def test_no_rate_from_a_zero_and_no_change_without_a_prior_figure() -> None:
    budget = example()
    budget.prior_year_totals["total"] = Decimal(0)
    del budget.prior_year_totals["general_expenditure"]
    d = derive(budget)
    assert "比上年增加341.11万元，主要原因是" in text(d, "changes") and "增长" not in text(d, "changes")
    assert "比上年" not in text(d, "general_expenditure")


def test_a_change_without_its_reason_names_where_to_write_it() -> None:
    budget = example()
    del budget.reasons["changes"]
    with pytest.raises(DeriveError, match=r"变动原因!收支总计变动原因 \(reasons\.changes\)"):
        derive(budget)


def test_an_unchanged_total_needs_no_reason() -> None:
    budget = example()
    budget.prior_year_totals["total"] = budget.total_yuan()
    del budget.reasons["changes"]
    assert "与上年持平" in text(derive(budget), "changes")


def test_three_public_and_admin_running_with_money() -> None:
    budget = example()
    budget.unit_type = UnitType.ADMINISTRATIVE
    budget.economic_names["30217"] = "公务接待费"
    budget.items.append(
        LineItem(
            Funding.GENERAL, Code("2010350"), Nature.BASIC, Code("30217", CodeKind.ECONOMIC), Decimal(12345)
        )
    )
    budget.prior_year_totals["admin_running"] = Decimal(57000)
    budget.prior_year_totals["total"] = budget.prior_year_totals["general_expenditure"] = budget.total_yuan()
    budget.reasons["three_public"] = "新增接待任务"
    budget.reasons["admin_running"] = "新增接待任务"
    d = derive(budget)
    three = text(d, "three_public")
    assert three.startswith(
        f"2025年度{UNIT}财政拨款安排三公经费1.23万元，比上年增加1.23万元，主要原因是新增接待任务。"
    )
    assert "公务接待费1.23万元" in three
    # 机关运行经费 = 公用经费 5.70 + 1.2345 = 6.9345 -> 6.93; last year 5.70: +1.2345 -> 1.23, 21.66%
    assert "财政拨款安排机关运行经费6.93万元，比上年增加1.23万元，增长21.66%" in text(d, "admin_running")


def test_glossary_and_overview_from_data_and_input() -> None:
    d = derive(example())
    assert any(g.term == "机关运行经费" for g in d.glossary)
    assert all("省直" not in g.definition for g in d.glossary)
    assert text(d, "duties").startswith("1、拟定全区政务公开工作")
    assert "办公室职责：" in text(d, "structure")
    assert text(d, "other").startswith("（一）政府购买服务指导性目录")
