"""Hypothesis strategies for whole budgets (line items, projects with targets, procurement, assets,
prior-year totals with their reasons) that a finance officer could enter."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_DOWN, Decimal

from hypothesis import strategies as st
from seed_budget import NAMES, UNIT

from yusuan.model import Amount, Code, CodeKind, Indicator, PerformanceTarget, Unit
from yusuan.model.budget import AssetFacts, Budget, Funding, LineItem, Nature, Project, UnitType

FUNCTIONAL = [c for c in NAMES.functional if len(c) == 7]
ECONOMIC = [c for c in NAMES.economic if len(c) == 5]
PROJECTS = ["办公用房租赁费", "网络通讯费", "信息系统运维费"]
DEPARTMENT = "033-朔州市朔城区行政审批服务管理局"
# amounts in whole 百元 (0.01万元, the printed step): the tables then print exact sums, and the
# checker's rounding tolerances are not what is tested here (see tests/derive/test_properties.py
# for the rounding of arbitrary amounts); shares and changes still round 四舍五入
yuan = st.integers(min_value=1, max_value=30_000_000).map(lambda n: Decimal(n) * 100)


THIS_YEAR_ONLY = st.just(False)


def cents(max_cents: int) -> st.SearchStrategy[Decimal]:
    """Amounts in 元 to the fen, from 0.01 up to ``max_cents`` fen."""
    return st.integers(min_value=1, max_value=max_cents).map(lambda n: Decimal(n) / 100)


@st.composite
def line_items(
    draw: st.DrawFn,
    amounts: st.SearchStrategy[Decimal] = yuan,
    projects: Sequence[str] = PROJECTS,
    carryover: st.SearchStrategy[bool] = THIS_YEAR_ONLY,
) -> LineItem:
    """One line item. By default this year's money only: with 上年结转 the checker and derive read the
    template differently (X101 ties the 财政拨款收支总表 to tables 不含上年结转 only when no carry-over
    is shown; derive spends the carried-over money there)."""
    nature = draw(st.sampled_from(Nature))
    return LineItem(
        funding=draw(st.sampled_from(Funding)),
        functional=Code(draw(st.sampled_from(FUNCTIONAL))),
        nature=nature,
        economic=Code(draw(st.sampled_from(ECONOMIC)), CodeKind.ECONOMIC),
        amount_yuan=draw(amounts),
        project=draw(st.sampled_from(list(projects))) if nature is Nature.PROJECT else None,
        carryover=draw(carryover),
    )


def _target(budget: Budget, project: str) -> PerformanceTarget:
    # the sheet's 年度资金总额 is this year's money of the project (the 项目支出表(本年预算) row)
    this_year = sum(
        (i.amount_yuan for i in budget.items if i.project == project and not i.carryover), Decimal(0)
    )
    annual = Amount(this_year, Unit.YUAN, 2)
    return PerformanceTarget(
        project=project,
        department=DEPARTMENT,
        implementing_unit=budget.unit,
        amount_yuan=annual,
        annual_amount_yuan=annual,
        project_kind="一次性项目（1年结束）",
        period="1年",
        goals={"implementation": "按要求完成", "annual": "按要求完成"},
        indicators=[
            Indicator(period, level1, level2, level3, value)
            for period in ("implementation", "annual")
            for level1, level2, level3, value in (
                ("产出指标", "数量指标", "项目数量", "1项"),
                ("效益指标", "社会效益", "服务群众", "有效提升"),
                ("满意度指标", "服务对象满意度", "群众满意度", "≥90%"),
            )
        ],
    )


@st.composite
def budgets(draw: st.DrawFn) -> Budget:
    items = draw(st.lists(line_items(), min_size=1, max_size=20))
    budget = Budget(unit=UNIT, year=2025, unit_type=draw(st.sampled_from(UnitType)), items=items)
    budget.department = DEPARTMENT
    budget.duties = ["负责全区政务服务工作。"]
    budget.structure_note = "我单位内设股室1个，办公室。"
    names = list(dict.fromkeys(i.project for i in items if i.project is not None))
    current = list(dict.fromkeys(i.project for i in items if i.project is not None and not i.carryover))
    categories = st.sampled_from(["其他运转类", "特定目标类"])
    budget.projects = [Project(name, category=draw(categories)) for name in names]
    # a sheet for each project of this year (one only carried over is not in the 本年 table)
    budget.performance_targets = [_target(budget, name) for name in current]
    for key, reason in (
        ("total", "changes"),
        ("general_expenditure", "general_expenditure"),
        ("three_public", "three_public"),
        ("admin_running", "admin_running"),
    ):
        prior = draw(st.none() | st.just(Decimal(0)) | yuan)
        if prior is not None:
            budget.prior_year_totals[key] = prior
            budget.reasons[reason] = "人员变动及项目调整"
    # purchases are part of the spending: each kind at most a third of it (whole cents, rounded down)
    total = budget.total_yuan()
    general = sum((i.amount_yuan for i in items if i.funding is Funding.GENERAL), Decimal(0))
    if general == budget.total_yuan() and "total" in budget.prior_year_totals:
        # one figure this year (N105 compares the changes of equal figures): last year's too
        budget.prior_year_totals["general_expenditure"] = budget.prior_year_totals["total"]
        budget.reasons["general_expenditure"] = budget.reasons["changes"]
    budget.procurement_yuan = {
        kind: (total * draw(st.integers(0, 33)) / 100).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
        for kind in ("goods", "works", "services")
    }
    count = draw(st.integers(0, 3))
    budget.assets = AssetFacts(
        as_of="2024年12月31日",
        vehicles={"编制": count, "实有": count, "事业单位业务用车": count},
        office_area_m2=Decimal(draw(st.integers(1, 5000))),
        equipment_over_500k=0,
        equipment_over_1m=0,
    )
    budget.notes = {"其他": "无。"}
    return budget
