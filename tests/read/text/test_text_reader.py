"""The whole seed read into a Disclosure: concrete values as printed in the text."""

from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.model import CellStatus, Disclosure, Kind, ReadProblemKind, Scope, Unit
from yusuan.read import read_document
from yusuan.read.errors import InputError
from yusuan.read.text import read_text

TABLE_IDS = [
    "overview",
    "income",
    "expenditure",
    "fiscal_overview",
    "general_expenditure",
    "general_basic_economic",
    "fund_income",
    "fund_expenditure",
    "capital_budget",
    "three_public",
    "admin_running",
    "projects",
    "projects_carryover",
]


def cells(disclosure: Disclosure, table_id: str, code: str) -> list[str | None]:
    table = disclosure.tables[table_id]
    row = table.row_by_code(code)
    assert row is not None, f"{table_id} has no row {code}"
    return [cell.normalised for cell in row.cells]


def test_facts(seed: Disclosure) -> None:
    facts = seed.facts
    assert facts.unit == "朔州市朔城区数字政府服务中心"
    assert facts.year == 2025
    assert facts.kind is Kind.BUDGET
    assert facts.scope is Scope.UNIT
    assert facts.profile == "shanxi"
    assert facts.currency_unit is Unit.WAN
    assert facts.title == "朔州市朔城区数字政府服务中心 2025年度单位预算公开"
    assert facts.source is not None and facts.source.line == 1


def test_all_thirteen_tables_in_profile_order(seed: Disclosure) -> None:
    assert list(seed.tables) == TABLE_IDS
    assert all(t.unit_name == "朔州市朔城区数字政府服务中心" for t in seed.tables.values())
    assert [len(t.rows) for t in seed.tables.values()] == [41, 17, 17, 43, 17, 16, 1, 1, 1, 6, 1, 5, 0]


def test_table_numbers_titles_and_notes(seed: Disclosure) -> None:
    assert seed.tables["overview"].number == "预算公开表1"
    assert seed.tables["capital_budget"].number == "部门公开表9"
    assert seed.tables["three_public"].number == "预算公开表10"
    assert seed.tables["income"].number is None
    assert seed.tables["capital_budget"].notes == ["注: 本表无数据"]
    assert seed.tables["general_expenditure"].title == "2025年一般公共预算支出预算表(不含上年结转)"
    overview = seed.tables["overview"]
    assert overview.source is not None and overview.source.line == 145
    assert [c.label for c in overview.columns] == ["2025年", "2025年合计", "当年预算安排", "上年结转安排"]


def test_coded_rows(seed: Disclosure) -> None:
    assert cells(seed, "expenditure", "2010350") == ["146.17", "146.17", None]
    assert cells(seed, "expenditure", "2010303") == ["146.90", None, "146.90"]
    assert cells(seed, "income", "2080502") == ["0.83", "0.83", None, None, None, None, None]
    assert cells(seed, "general_expenditure", "21011") == ["8.30", "8.30", None]
    income = seed.tables["income"]
    assert [r.code for r in income.rows][:3] == [None, "201", "20103"]
    total = income.rows[0]
    assert total.name == "合计"
    # printed one column to the right of 合计: kept where printed
    assert [c.normalised for c in total.cells][:2] == [None, "341.11"]
    row = income.row_by_code("20103")
    assert row is not None and row.name == "政府办公厅(室)及相关机构事务"
    assert row.source is not None and row.source.line == 194


def test_cells_keep_text_and_unit(seed: Disclosure) -> None:
    row = seed.tables["expenditure"].row_by_code("2010350")
    assert row is not None
    cell = row.cells[0]
    assert cell.text == "146. 17"
    assert cell.status is CellStatus.VALUE
    assert cell.amount is not None and cell.amount.value == Decimal("146.17") and cell.amount.unit is Unit.WAN
    assert row.cells[2].status is CellStatus.BLANK


def test_side_by_side_overview(seed: Disclosure) -> None:
    overview = seed.tables["overview"]
    first, second = overview.rows[0], overview.rows[1]
    assert (first.name, first.side) == ("一、一般公共预算", "income")
    assert [c.normalised for c in first.cells] == ["341.11", None, None, None]
    assert (second.name, second.side) == ("一、一般公共服务支出", "expenditure")
    assert [c.normalised for c in second.cells] == [None, "293.07", "293.07", None]
    assert first.source == second.source
    foreign = overview.row_by_name("二、外交支出", side="expenditure")
    assert foreign is not None and all(c.amount is None for c in foreign.cells)
    culture = overview.row_by_name("七、文化旅游体育与传媒支出")
    assert culture is not None and culture.side == "expenditure"
    assert len(list(overview.iter_rows("income"))) == 8
    assert len(list(overview.iter_rows("expenditure"))) == 33
    names = [r.name for r in overview.rows]
    # the printed order: totals before 二十二 … 三十 (the extraction put them there)
    assert names.index("本年支出合计") < names.index("三十、抗疫特别国债安排的支出")


def test_fiscal_overview_garbage_row_kept_and_reported(seed: Disclosure) -> None:
    fiscal = seed.tables["fiscal_overview"]
    garbage = fiscal.row_by_name("ХШ")
    assert garbage is not None and garbage.side == "expenditure"
    reported = [p for p in seed.problems if p.text == "ХШ"]
    assert len(reported) == 1
    assert reported[0].kind is ReadProblemKind.UNRECOGNISED
    assert reported[0].source is not None and reported[0].source.line == 271
    assert "fiscal_overview" in reported[0].what
    carry = fiscal.row_by_name("上年财政拨款结转", side="income")
    assert carry is not None
    total = fiscal.row_by_name("支出总计", side="expenditure")
    assert total is not None
    assert [c.normalised for c in total.cells] == [None, "341.11", "341.11", None, None]


def test_economic_table_labels(seed: Disclosure) -> None:
    table = seed.tables["general_basic_economic"]
    wages = table.row_by_name("基本工资")
    assert wages is not None
    assert wages.labels == {"government_economic": "工资福利支出"}
    assert [c.normalised for c in wages.cells] == ["75.38", "75.38", None]
    category = table.row_by_name("工资福利支出")
    assert category is not None and category.labels == {}
    retired = table.row_by_name("退休费")
    assert retired is not None and retired.labels["government_economic"] == "离退休费"


def test_empty_and_named_tables(seed: Disclosure) -> None:
    three = seed.tables["three_public"]
    assert [r.name for r in three.rows] == [
        "因公出国(境)费",
        "公务接待费",
        "公务用车购置及运行费",
        "①公务用车购置费",
        "②公务用车运行维护费",
        "合计",
    ]
    assert three.is_empty
    assert [r.name for r in seed.tables["admin_running"].rows] == ["部门合计"]
    capital = seed.tables["capital_budget"]
    assert [(r.name, r.side) for r in capital.rows] == [("合计", "income")]
    assert seed.tables["projects_carryover"].rows == []


def test_projects_without_column_number_line(seed: Disclosure) -> None:
    projects = seed.tables["projects"]
    assert [r.name for r in projects.rows] == [
        "朔州市朔城区数字政府服务中心",
        "办公用房租赁费",
        "网络通讯费",
        "24小时服务大厅免费服务费",
        "好差评系统购置费及维护费",
    ]
    row = projects.row_by_name("网络通讯费")
    assert row is not None
    assert [c.normalised for c in row.cells] == ["7.00", "7.00", None, None, None, None]


def test_no_table_cell_is_unreadable(seed: Disclosure) -> None:
    statuses = {c.status for t in seed.tables.values() for r in t.rows for c in r.cells}
    assert CellStatus.UNREADABLE not in statuses


def test_sections(seed: Disclosure) -> None:
    assert [s.id for s in seed.sections] == [
        "duties",
        "structure",
        "changes",
        "income",
        "expenditure",
        "fiscal",
        "general_expenditure",
        "general_basic",
        "three_public",
        "admin_running",
        "procurement",
        "performance",
        "assets",
        "other",
    ]
    duties = seed.section("duties")
    assert duties is not None and duties.part == "概况" and duties.title == "本单位职责"
    assert duties.source is not None and duties.source.line == 44
    assert duties.text.startswith("- 1、拟定全区政务公开工作")
    assert duties.text.count("\n") == 5
    structure = seed.section("structure")
    assert structure is not None and "三、考核工作:" in structure.text  # a lead-in, not a heading
    expenditure = seed.section("expenditure")
    assert expenditure is not None
    assert expenditure.text == (
        "2025年度朔州市朔城区数字政府服务中心支出预算341.11万元,其中:基本支出194.21万元,"
        "占56.93%;项目支出146.9万元,占43.07%。"
    )
    three = seed.section("three_public")
    assert three is not None and three.title == '"三公"经费增减变动原因说明' and three.part == "情况说明"
    performance = seed.section("performance")
    assert performance is not None
    assert performance.text.endswith("(项目绩效目标表公开情况见附件)")  # the sheets are not text
    other = seed.section("other")
    assert other is not None and other.text == "(一) 政府购买服务指导性目录\n详见附件。\n(二) 其他\n无。"


def test_contents_are_not_sections_or_tables(seed: Disclosure) -> None:
    lines = [s.source.line for s in seed.sections if s.source is not None]
    assert min(lines) > 41
    assert all(t.source is not None and t.source.line > 41 for t in seed.tables.values())


def test_performance_sheets(seed: Disclosure) -> None:
    sheets = seed.performance_targets
    assert [t.project for t in sheets[:3]] == ["24小时服务大厅免费服务费", "网络通讯费", "办公用房租赁费"]
    assert [t.amount_yuan.value if t.amount_yuan else None for t in sheets] == [
        Decimal(100000),
        Decimal(70000),
        Decimal(1200000),
        Decimal(6036),
    ]
    assert [t.annual_amount_yuan.value if t.annual_amount_yuan else None for t in sheets] == [
        Decimal(100000),
        Decimal(70000),
        Decimal(1200000),
        Decimal(6036),
    ]
    assert all(t.amount_yuan is not None and t.amount_yuan.unit is Unit.YUAN for t in sheets)
    assert [t.source.line if t.source else None for t in sheets] == [481, 531, 566, 598]
    first = sheets[0]
    assert first.department == "033-朔州市朔城区往亍政审批服务管理局"  # as printed (OCR)
    assert first.implementing_unit == "朔州市朔城区数字政府服务中心"
    assert first.project_kind == "·次性项目(1年结束)"
    assert first.period == "1年"
    assert first.goals == {"implementation": "按要求保质保量完成", "annual": "按要求完成"}
    assert sheets[1].department == "033-朔州市朔城区行政审批服务管理局"
    assert sheets[1].project_kind == "一次性項目(1年结束)"


def test_other_units_sheet_read_as_printed(seed: Disclosure) -> None:
    survivors = seed.performance_targets[3]
    assert survivors.department == "042-朔州市朔城区住房和城乡建设局"
    assert survivors.implementing_unit == "朔州市朔城区成镇发展服务中心"
    assert "遗属补" in survivors.project
    assert any(u.startswith("project:") for u in survivors.unreadable)  # not a project of this unit
    assert survivors.goals == {"implementation": "按要求保质保量实施", "annual": "按要求保质保量完成"}


def test_indicators_as_printed(seed: Disclosure) -> None:
    second = seed.performance_targets[1]
    assert len(second.indicators) == 14  # 经济效益 and 可持续影响 print no 三级指标 or value
    assert [i.level1 for i in second.indicators].count("效益指标") == 4
    satisfaction = [i for i in second.indicators if i.level2 == "服务对象满意度"]
    assert [(i.period, i.level3, i.value) for i in satisfaction] == [
        ("implementation", "办事群众满意度", "≥×5%"),  # OCR damage kept, never corrected
        ("annual", "办事群众满意度", "≥85%"),
    ]
    first = seed.performance_targets[0]
    quantity = first.indicators[0]
    assert (quantity.period, quantity.level2, quantity.level3, quantity.value) == (
        "implementation",
        "数量指标",
        "项目数量",
        "顶",
    )
    assert quantity.source is not None and quantity.source.line == 501
    survivors = seed.performance_targets[3]
    assert survivors.indicators[0].value == "1Å"


def test_indicator_counts_per_period(seed: Disclosure) -> None:
    counts = [
        tuple(sum(1 for i in t.indicators if i.period == period) for period in ("implementation", "annual"))
        for t in seed.performance_targets
    ]
    # sheet 1's 满意度 lines are scattered over 509-529 without their grid: unreadable, not placed
    assert counts == [(5, 6), (7, 7), (8, 8), (6, 6)]
    first = seed.performance_targets[0]
    timely = [i for i in first.indicators if i.level2 == "时效指标"]
    assert [(i.period, i.level3, i.value) for i in timely] == [("annual", "按时完成率", "≥90%")]
    quality = [i for i in first.indicators if i.level2 == "质量指标"]
    assert [(i.period, i.level3, i.value) for i in quality] == [
        ("implementation", "标验收介格率", "≥85%"),
        ("annual", "验收合格率", "≥85%"),
    ]
    assert {i.level1 for t in seed.performance_targets for i in t.indicators} == {
        "产出指标",
        "效益指标",
        "满意度指标",
    }


def test_unreadable_sheet_parts_are_reported(seed: Disclosure) -> None:
    first = seed.performance_targets[0]
    assert any("满意度指标 服务对象满意度 办事群众满意度" in u for u in first.unreadable)
    sheet_problems = [p for p in seed.problems if p.what.startswith("performance sheet")]
    assert len(sheet_problems) == sum(len(t.unreadable) for t in seed.performance_targets)
    assert all(p.kind is ReadProblemKind.UNREADABLE and p.source is not None for p in sheet_problems)
    assert seed.performance_targets[2].unreadable == []


def test_procurement_statement(seed: Disclosure) -> None:
    procurement = seed.procurement
    assert procurement is not None
    assert procurement.total is not None and procurement.total.value == Decimal("3.93")
    assert procurement.total.unit is Unit.WAN
    assert procurement.goods is not None and procurement.goods.value == Decimal("3.93")
    assert procurement.works is not None and procurement.works.value == 0
    assert procurement.services is not None and procurement.services.value == 0
    assert procurement.source is not None and procurement.source.line == 465


def test_asset_statement(seed: Disclosure) -> None:
    assets = seed.assets
    assert assets is not None
    assert assets.vehicles == {
        "编制": 0,
        "实有": 0,
        "领导用车": 0,
        "机要通信用车": 0,
        "应急保障用车": 0,
        "执法执勤用车": 0,
        "特种专业技术用车": 0,
        "事业单位业务用车": 0,
        "其他公务用车": 0,
    }
    assert assets.figures == {
        "办公用房建筑总面积": "0平方米",
        "价值50万元(原值)以上的通用设备": "0台(套)",
        "价值100万元(原值)以上的通用设备": "0台(套)",
    }


def test_glossary(seed: Disclosure) -> None:
    terms = [g.term for g in seed.glossary]
    # the printed glossary numbers 一 … 十二; 六 is printed without the list dash
    assert terms == [
        "基本支出",
        "项目支出",
        '"三公"经费',
        "机关运行经费",
        "政府购买服务",
        "财政专户管理资金",
        "单位资金",
        "上年结转",
        "一般公共预算",
        "政府性基金预算",
        "国有资本经营预算",
        "财政拨款",
    ]
    by_term = {g.term: g for g in seed.glossary}
    assert by_term["上年结转"].definition == "指以前年度预算安排、结转到本年仍按原规定用途继续使用的资金。"
    assert by_term["国有资本经营预算"].definition == "是对国有资本收益作出支出安排的收支预算。"
    assert by_term["财政专户管理资金"].definition.startswith("专指教育收费")
    assert all("**" not in g.term + g.definition for g in seed.glossary)


def test_forwarded_notices_are_attachments(seed: Disclosure) -> None:
    attachments = seed.attachments
    assert [(a.source.line if a.source else None, a.end_line) for a in attachments] == [
        (659, 679),
        (681, 708),
        (710, 822),
    ]
    assert attachments[0].title.startswith("朔州市朔城区财政局关于转发")
    assert attachments[2].title.startswith("山西省财政厅关于印发")
    assert "A02010103\t服务器" in attachments[2].text  # the 编码/品目名称 table is the attachment's
    other = seed.section("other")
    assert other is not None and "财政局文件" not in other.text


def test_problems_name_their_place(seed: Disclosure) -> None:
    assert seed.problems
    assert all(p.source is not None for p in seed.problems)
    assert not [p for p in seed.problems if p.kind is ReadProblemKind.MISSING]


def test_read_document_takes_the_text_path() -> None:
    seed_path = Path(__file__).resolve().parents[3] / "examples" / "000_6562e89d941fc7ec.txt"
    disclosure = read_document(seed_path)
    assert disclosure.facts.unit == "朔州市朔城区数字政府服务中心"
    assert disclosure.source_file == str(seed_path)
    assert len(disclosure.tables) == 13


def test_not_a_disclosure() -> None:
    with pytest.raises(InputError) as error:
        read_text("notes.txt", "今天天气很好。\n明天也好。\n")
    assert error.value.path == "notes.txt"


def test_profile_but_no_table() -> None:
    text = "预算收支总表 预算收入总表 预算支出总表 财政拨款收支总表 都在这一句话里，但没有表。\n"
    with pytest.raises(InputError, match="no budget table"):
        read_text("prose.txt", text)


def test_unknown_profile_named() -> None:
    with pytest.raises(InputError, match="nowhere"):
        read_text("x.txt", "2025年预算收支总表\n", profile="nowhere")


def test_profile_can_be_given() -> None:
    text = (
        "2025年预算支出总表\n"
        "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        "201\t一般公共服务支出\t1.00\t1.00\t\n"
    )
    disclosure = read_text("small.txt", text, profile="shanxi")
    assert disclosure.facts.profile == "shanxi"
    assert disclosure.facts.year == 2025
    assert cells(disclosure, "expenditure", "201") == ["1.00", "1.00", None]
