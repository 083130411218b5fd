from yusuan.model import CellStatus, ReadProblemKind, Unit
from yusuan.read.assemble.blocks import TableBlock
from yusuan.read.assemble.spec import ReadingSpec
from yusuan.read.assemble.tables import extend_table, read_table, table_columns
from yusuan.read.text import split_lines
from yusuan.reference.profiles import Profile


def block(profile: Profile, table_id: str, text: str, label: str | None = None) -> TableBlock:
    spec = profile.table(table_id)
    assert spec is not None
    lines = split_lines("snippet.txt", text.strip("\n").replace("|", "\t"))
    return TableBlock(spec=spec, title=lines[0], label=label, lines=lines[1:])


EXPENDITURE = """
2025年预算支出总表
单位名称: 某单位
单位:万元
|项目|2025年预算数|||||
科目编码|科目名称|合计|基本支出|项目支出|||
|合计|341. 11|194. 21|146. 90|||
201|一般公共服务支出|293. 07|146. 17|146. 90|||
科目编码|科目名称|合计|基本支出|项目支出|||
2010350|事业运行|146. 17|146. 17||||
"""


def test_header_meta_and_repeated_header(shanxi: Profile, reading: ReadingSpec) -> None:
    table, problems = read_table(
        block(shanxi, "expenditure", EXPENDITURE, "预算公开表3"), reading, Unit.WAN, 2025
    )
    assert problems == []
    assert table.title == "2025年预算支出总表" and table.number == "预算公开表3"
    assert table.unit_name == "某单位" and table.unit is Unit.WAN
    assert [(r.code, r.name) for r in table.rows] == [
        (None, "合计"),
        ("201", "一般公共服务支出"),
        ("2010350", "事业运行"),
    ]
    assert [r.source.line if r.source else None for r in table.rows] == [6, 7, 9]


def test_unit_line_changes_the_table_unit(shanxi: Profile, reading: ReadingSpec) -> None:
    text = "2025年预算支出总表\n单位:元\n201|一般公共服务支出|1,200|1,200|"
    table, _ = read_table(block(shanxi, "expenditure", text), reading, Unit.WAN, 2025)
    assert table.unit is Unit.YUAN
    amount = table.rows[0].cells[0].amount
    assert amount is not None and amount.unit is Unit.YUAN and amount.value == 1200


def test_unit_line_after_rows_is_reported_not_applied(shanxi: Profile, reading: ReadingSpec) -> None:
    text = "2025年预算支出总表\n201|一般公共服务支出|1.00|1.00|\n单位:元"
    table, problems = read_table(block(shanxi, "expenditure", text), reading, Unit.WAN, 2025)
    assert table.unit is Unit.WAN
    assert [(p.kind, p.text) for p in problems] == [(ReadProblemKind.UNRECOGNISED, "单位:元")]


def test_page_furniture_is_not_a_row(shanxi: Profile, reading: ReadingSpec) -> None:
    text = """
2025年预算支出总表
科目编码|科目名称|合计|基本支出|项目支出
201|一般公共服务支出|1.00|1.00|
- 7 -
续表
科目编码|科目名称|合计|基本支出|项目支出
208|社会保障和就业支出|2.00|2.00|
第8页共9页
"""
    table, problems = read_table(block(shanxi, "expenditure", text), reading, Unit.WAN, 2025)
    assert [r.code for r in table.rows] == ["201", "208"]
    assert problems == []


def test_year_in_column_labels(shanxi: Profile) -> None:
    spec = shanxi.table("overview")
    assert spec is not None
    assert table_columns(spec, 2026)[0].label == "2026年"
    assert table_columns(spec, None)[0].label == "{year}年"


def test_names_lose_whitespace_and_rows_without_values_are_kept(
    shanxi: Profile, reading: ReadingSpec
) -> None:
    text = """
2025年预算收支总表
收入|||支出||
项目|2025年|项目|2025年合计|当年预算安排|上年结 转安排
一、一般公共预算|341. 11|一、一般公共服务支出|293. 07|293. 07|
||七、文化旅游体育与传媒 支出|||
上年结转||年终结转|||
"""
    table, problems = read_table(block(shanxi, "overview", text), reading, Unit.WAN, 2025)
    assert problems == []
    assert [(r.name, r.side) for r in table.rows] == [
        ("一、一般公共预算", "income"),
        ("一、一般公共服务支出", "expenditure"),
        ("七、文化旅游体育与传媒支出", "expenditure"),
        ("上年结转", "income"),
        ("年终结转", "expenditure"),
    ]


def test_garbage_header_line_is_skipped(shanxi: Profile, reading: ReadingSpec) -> None:
    text = """
2025年财政拨款收支总表
收入||支出||||||
-00° FT|A weer||金额|||||
项目|金额|项目|小计|一般公共预算|政府性基金 预算|国有资本经营 预算||
一、一般公共预算|341.11|一、一般公共服务支出|293. 07|293. 07||||
"""
    table, _ = read_table(block(shanxi, "fiscal_overview", text), reading, Unit.WAN, 2025)
    assert [r.name for r in table.rows] == ["一、一般公共预算", "一、一般公共服务支出"]


def test_column_number_line_is_not_a_row(shanxi: Profile, reading: ReadingSpec) -> None:
    text = """
2025年项目支出预算表(本年预算)
项目名称|合计|一般公共预算|政府性 基金预 算|国有资本经营 预算|財政专户管理 资金|单位资金
1|2|3|4|5|6|7
办公用房租赁费|120.00|120.00||||
"""
    table, _ = read_table(block(shanxi, "projects", text), reading, Unit.WAN, 2025)
    assert [r.name for r in table.rows] == ["办公用房租赁费"]


def test_unreadable_cell_and_garbage_row(shanxi: Profile, reading: ReadingSpec) -> None:
    text = """
2025年预算支出总表
科目编码|科目名称|合计|基本支出|项目支出
201|一般公共服务支出|29З.07|1.00|
|ХШ|||
"""
    table, problems = read_table(block(shanxi, "expenditure", text), reading, Unit.WAN, 2025)
    first = table.rows[0]
    assert first.cells[0].status is CellStatus.UNREADABLE and first.cells[0].text == "29З.07"
    assert first.cells[1].status is CellStatus.VALUE
    assert [(p.kind, p.what, p.text) for p in problems] == [
        (ReadProblemKind.UNREADABLE, "table expenditure row 201 column total", "29З.07"),
        (
            ReadProblemKind.UNRECOGNISED,
            "table expenditure row ХШ: 不是可识别的行，按原样保留 / not a recognisable row, kept",
            "ХШ",
        ),
    ]
    assert table.rows[1].name == "ХШ"


def test_notes(shanxi: Profile, reading: ReadingSpec) -> None:
    text = "2025年政府性基金预算支出表(不含上年结转)\n科目编码|科目名称|合计|基本支出|项目支出\n|合计|||\n"
    text += "注: 本表无数据"
    table, _ = read_table(block(shanxi, "fund_expenditure", text), reading, Unit.WAN, 2025)
    assert table.notes == ["注: 本表无数据"]
    assert [r.name for r in table.rows] == ["合计"]


def test_continuation_block_adds_rows(shanxi: Profile, reading: ReadingSpec) -> None:
    first = "2025年预算支出总表\n科目编码|科目名称|合计|基本支出|项目支出\n201|一般公共服务支出|1.00|1.00|"
    more = "2025年预算支出总表\n科目编码|科目名称|合计|基本支出|项目支出\n208|社会保障和就业支出|2.00|2.00|"
    table, _ = read_table(block(shanxi, "expenditure", first), reading, Unit.WAN, 2025)
    problems = extend_table(table, block(shanxi, "expenditure", more), reading)
    assert problems == []
    assert [r.code for r in table.rows] == ["201", "208"]


def test_text_beyond_the_columns_is_reported(shanxi: Profile, reading: ReadingSpec) -> None:
    text = "2025年预算支出总表\n201|一般公共服务支出|1.00|1.00||||页脚"
    table, problems = read_table(block(shanxi, "expenditure", text), reading, Unit.WAN, 2025)
    assert len(table.rows) == 1
    assert [(p.kind, p.text) for p in problems] == [(ReadProblemKind.UNRECOGNISED, "页脚")]


def test_unit_name_and_unit_run_together_are_both_read(shanxi: Profile, reading: ReadingSpec) -> None:
    # a web page with <span>单位名称：…</span><span>单位：元</span> and no gap gives one line
    text = "2025年预算支出总表\n单位名称：某某服务中心单位：元\n201|一般公共服务支出|1,200|1,200|"
    table, problems = read_table(block(shanxi, "expenditure", text), reading, Unit.WAN, 2025)
    assert problems == []
    assert table.unit_name == "某某服务中心" and table.unit is Unit.YUAN


def test_a_unit_name_ending_in_danwei_is_kept_whole(shanxi: Profile, reading: ReadingSpec) -> None:
    text = "2025年预算支出总表\n单位名称：某某预算单位\n201|一般公共服务支出|1.00|1.00|"
    table, _ = read_table(block(shanxi, "expenditure", text), reading, Unit.WAN, 2025)
    assert table.unit_name == "某某预算单位" and table.unit is Unit.WAN
