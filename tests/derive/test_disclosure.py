"""Budget -> Disclosure on the seed's figures: every printed figure of its tables comes out."""

from __future__ import annotations

from decimal import Decimal

import pytest
from seed_budget import NAMES, UNIT, seed_budget

from yusuan.derive import DeriveError, derive_disclosure
from yusuan.model import Code, CodeKind, Disclosure, Table, Unit
from yusuan.model.budget import Funding, LineItem, Nature, UnitType
from yusuan.reference.profiles import load_profile

# The seed's 支出总表 (table 3), as printed: code -> (合计, 基本支出, 项目支出)
EXPENDITURE = {
    None: ("341.11", "194.21", "146.90"),
    "201": ("293.07", "146.17", "146.90"),
    "20103": ("293.07", "146.17", "146.90"),
    "2010303": ("146.90", "", "146.90"),
    "2010350": ("146.17", "146.17", ""),
    "208": ("21.26", "21.26", ""),
    "20805": ("21.26", "21.26", ""),
    "2080502": ("0.83", "0.83", ""),
    "2080505": ("20.42", "20.42", ""),
    "210": ("8.42", "8.42", ""),
    "21007": ("0.12", "0.12", ""),
    "2100799": ("0.12", "0.12", ""),
    "21011": ("8.30", "8.30", ""),
    "2101102": ("8.30", "8.30", ""),
    "221": ("18.36", "18.36", ""),
    "22102": ("18.36", "18.36", ""),
    "2210201": ("18.36", "18.36", ""),
}

# The seed's 基本支出分经济科目表 (table 6): name -> (政府经济科目, 合计, 人员经费, 公用经费)
ECONOMIC = [
    ("合计", "", "194.21", "188.51", "5.70"),
    ("工资福利支出", "", "187.56", "187.56", ""),
    ("基本工资", "工资福利支出", "75.38", "75.38", ""),
    ("津贴补贴", "工资福利支出", "12.08", "12.08", ""),
    ("绩效工资", "工资福利支出", "50.99", "50.99", ""),
    ("机关事业单位基本养老保险缴费", "工资福利支出", "20.42", "20.42", ""),
    ("职工基本医疗保险缴费", "工资福利支出", "8.30", "8.30", ""),
    ("其他社会保障缴费", "工资福利支出", "2.03", "2.03", ""),
    ("住房公积金", "工资福利支出", "18.36", "18.36", ""),
    ("商品和服务支出", "", "5.70", "", "5.70"),
    ("办公费", "商品和服务支出", "4.90", "", "4.90"),
    ("邮电费", "商品和服务支出", "0.50", "", "0.50"),
    ("差旅费", "商品和服务支出", "0.30", "", "0.30"),
    ("对个人和家庭的补助", "", "0.95", "0.95", ""),
    ("退休费", "离退休费", "0.83", "0.83", ""),
    ("奖励金", "社会福利和救助", "0.12", "0.12", ""),
]

PROJECTS = [
    (UNIT, "146.90"),
    ("办公用房租赁费", "120.00"),
    ("网络通讯费", "7.00"),
    ("24小时服务大厅免费服务费", "10.00"),
    ("好差评系统购置费及维护费", "9.90"),
]


def texts(table: Table, *keys: str) -> dict[str | None, tuple[str, ...]]:
    return {row.code: tuple(row.cell(table, k).text for k in keys) for row in table.rows}  # type: ignore[union-attr]


def test_every_table_of_the_profile_in_its_order(seed_disclosure: Disclosure) -> None:
    profile = load_profile("shanxi")
    assert list(seed_disclosure.tables) == [spec.id for spec in profile.tables]
    for number, table in enumerate(seed_disclosure.tables.values(), start=1):
        assert table.number == f"预算公开表{number}"
        assert table.unit is Unit.WAN
        assert table.unit_name == UNIT
        assert "{year}" not in table.title and table.title.startswith("2025年")


@pytest.mark.parametrize("table_id", ["expenditure", "general_expenditure"])
def test_coded_tables_match_the_seed(seed_disclosure: Disclosure, table_id: str) -> None:
    table = seed_disclosure.tables[table_id]
    assert texts(table, "total", "basic", "project") == EXPENDITURE
    assert table.rows[0].name == "合计"
    assert table.row_by_code("2010350").name == "事业运行"  # type: ignore[union-attr]


def test_income_table_by_funding(seed_disclosure: Disclosure) -> None:
    table = seed_disclosure.tables["income"]
    got = texts(table, "total", "general_budget", "government_fund", "unit_funds", "carryover")
    assert got == {code: (total, total, "", "", "") for code, (total, _b, _p) in EXPENDITURE.items()}


def test_economic_table_matches_the_seed(seed_disclosure: Disclosure) -> None:
    table = seed_disclosure.tables["general_basic_economic"]
    got = [
        (
            row.name,
            row.labels.get("government_economic", ""),
            *(row.cell(table, k).text for k in ("total", "personnel", "public")),  # type: ignore[union-attr]
        )
        for row in table.rows
    ]
    assert got == ECONOMIC


def test_overview_sides(seed_disclosure: Disclosure) -> None:
    table = seed_disclosure.tables["overview"]
    income = [(r.name, r.cell(table, "income_amount").text) for r in table.iter_rows("income")]  # type: ignore[union-attr]
    assert income == [
        ("一、一般公共预算", "341.11"),
        ("二、政府性基金预算", ""),
        ("三、国有资本经营预算", ""),
        ("四、财政专户管理资金", ""),
        ("五、单位资金", ""),
        ("本年收入合计", "341.11"),
        ("上年结转", ""),
        ("收入总计", "341.11"),
    ]
    spending = list(table.iter_rows("expenditure"))
    assert len(spending) == 30 + 3  # every 类 of the code list, then the three totals
    assert spending[7].name == "八、社会保障和就业支出" and spending[7].code == "208"
    assert spending[7].cell(table, "total").text == "21.26"  # type: ignore[union-attr]
    assert spending[-1].name == "支出总计"
    assert [spending[-1].cell(table, k).text for k in ("total", "current", "carryover")] == [  # type: ignore[union-attr]
        "341.11",
        "341.11",
        "",
    ]
    assert all(c.text == "" for r in table.iter_rows("income") for c in r.cells[1:])


def test_fiscal_overview_totals(seed_disclosure: Disclosure) -> None:
    table = seed_disclosure.tables["fiscal_overview"]
    names = [r.name for r in table.iter_rows("income")]
    assert names[3:] == [
        "本年收入合计",
        "上年财政拨款结转",
        "一、一般公共预算",
        "二、政府性基金预算",
        "三、国有资本经营预算",
        "收入总计",
    ]
    total = table.row_by_name("支出总计", "expenditure")
    assert [total.cell(table, k).text for k in ("total", "general_budget", "government_fund")] == [  # type: ignore[union-attr]
        "341.11",
        "341.11",
        "",
    ]


@pytest.mark.parametrize(
    "table_id", ["fund_income", "fund_expenditure", "capital_budget", "three_public", "admin_running"]
)
def test_empty_tables_keep_their_form_and_say_so(seed_disclosure: Disclosure, table_id: str) -> None:
    table = seed_disclosure.tables[table_id]
    assert table.is_empty and table.rows
    assert table.notes == ["注：本表无数据"]


def test_three_public_rows_are_the_templates(seed_disclosure: Disclosure) -> None:
    assert [r.name for r in seed_disclosure.tables["three_public"].rows] == list(
        load_profile("shanxi").table("three_public").rows  # type: ignore[union-attr]
    )


def test_projects_table(seed_disclosure: Disclosure) -> None:
    table = seed_disclosure.tables["projects"]
    assert [(r.name, r.cell(table, "total").text) for r in table.rows] == PROJECTS  # type: ignore[union-attr]
    assert seed_disclosure.tables["projects_carryover"].rows == []


def test_procurement_and_facts(seed_disclosure: Disclosure) -> None:
    statement = seed_disclosure.procurement
    assert statement is not None
    assert [
        a.normalised() for a in (statement.total, statement.goods, statement.works, statement.services)
    ] == [  # type: ignore[union-attr]
        "3.93",
        "3.93",
        "0.00",
        "0.00",
    ]
    assert seed_disclosure.facts.unit == UNIT and seed_disclosure.facts.year == 2025
    assert seed_disclosure.facts.title == f"{UNIT}2025年度单位预算公开"
    # the budget's own entries, then the rest of the profile's (data/templates/shanxi/authoring.yaml)
    assert [g.term for g in seed_disclosure.glossary] == [
        "基本支出",
        "项目支出",
        "上年结转",
        "财政拨款收入",
        "人员经费",
        "公用经费",
        "“三公”经费",
        "机关运行经费",
    ]


def _item(funding: Funding, functional: str, economic: str, yuan: str, **kw: object) -> LineItem:
    nature = Nature.PROJECT if "project" in kw else Nature.BASIC
    return LineItem(funding, Code(functional), nature, Code(economic, CodeKind.ECONOMIC), Decimal(yuan), **kw)  # type: ignore[arg-type]


def test_admin_unit_three_public_carryover_and_funds() -> None:
    budget = seed_budget()
    budget.unit_type = UnitType.ADMINISTRATIVE
    budget.reasons["three_public"] = "新增公务接待和公务用车运行"
    budget.items += [
        _item(Funding.GENERAL, "2010350", "30217", "12345"),  # 公务接待费 1.2345万 -> 1.23
        _item(Funding.GENERAL, "2010350", "30231", "20000"),  # 公务用车运行维护费
        _item(Funding.FUND, "2010303", "30227", "50000", project="基金项目"),
        _item(Funding.GENERAL, "2010303", "30227", "30000", project="结转项目", carryover=True),
        _item(Funding.UNIT_FUNDS, "2010350", "30201", "10000"),
    ]
    disclosure = derive_disclosure(budget, NAMES)
    three = disclosure.tables["three_public"]
    assert three.row_by_name("公务接待费").cell(three, "total").text == "1.23"  # type: ignore[union-attr]
    assert three.row_by_name("②公务用车运行维护费").cell(three, "general_budget").text == "2.00"  # type: ignore[union-attr]
    assert three.row_by_name("合计").cell(three, "total").text == "3.23"  # type: ignore[union-attr]
    # 机关运行经费: fiscal basic 公用经费 = 5.70 + 1.2345 + 2.00 (not the 单位资金 办公费)
    running = disclosure.tables["admin_running"]
    assert running.rows[0].cell(running, "total").text == "8.93"  # type: ignore[union-attr]
    assert running.notes == []
    income = disclosure.tables["income"]
    assert texts(income, "total", "government_fund", "unit_funds", "carryover")[None] == (
        "353.34",  # all: 341.11 + 1.2345 + 2 + 5 + 1 this year's + 3 上年结转 = 353.3445
        "5.00",
        "1.00",
        "3.00",
    )
    carried = disclosure.tables["projects_carryover"]
    assert [(r.name, r.cell(carried, "total").text) for r in carried.rows] == [  # type: ignore[union-attr]
        (UNIT, "3.00"),
        ("结转项目", "3.00"),
    ]
    overview = disclosure.tables["overview"]
    assert overview.row_by_name("上年结转", "income").cell(overview, "income_amount").text == "3.00"  # type: ignore[union-attr]
    assert overview.row_by_name("收入总计", "income").cell(overview, "income_amount").text == "353.34"  # type: ignore[union-attr]
    fund = disclosure.tables["fund_expenditure"]
    assert texts(fund, "total", "basic", "project")["2010303"] == ("5.00", "", "5.00")
    assert fund.notes == []


def test_a_code_without_a_name_is_named() -> None:
    budget = seed_budget()
    budget.items.append(_item(Funding.GENERAL, "2130101", "30201", "100"))
    with pytest.raises(DeriveError, match="支出功能分类科目 21301 "):
        derive_disclosure(budget, NAMES)


def test_unknown_procurement_kind() -> None:
    budget = seed_budget()
    budget.procurement_yuan["furniture"] = Decimal(1)
    with pytest.raises(DeriveError, match="furniture"):
        derive_disclosure(budget, NAMES)


def test_unknown_profile() -> None:
    with pytest.raises(DeriveError, match="nowhere"):
        derive_disclosure(seed_budget(), NAMES, profile_id="nowhere")
