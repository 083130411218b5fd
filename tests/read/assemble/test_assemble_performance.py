from collections.abc import Callable
from decimal import Decimal

from yusuan.model import ReadProblemKind
from yusuan.read.assemble.performance import read_sheets
from yusuan.read.assemble.spec import ReadingSpec
from yusuan.read.lines import Line

LinesOf = Callable[[str], list[Line]]

SECTION = """
1、整体绩效目标
(项目绩效目标表公开情况见附件)

朔城区县(区)级预算部门(单位)项目支出绩效目标表
(2025年度)
|项目名称||网络通讯费|||||
|主管部门||033-某局|||实施单位|某中心||
|项目属性||一次性项目|(1年结束)||项目期|1年||
|||实施期资金总额:|70,000|年度资金总额:|70,000|||
|||实施期目标||||年度目标|||
总体目标|||按要求完成|||按要求实施|||
|一级指标|二级指标|三级指标|指标值||二级指标|三级指标|指标值||
||数量指标|项目数量|2个||数量指标|项目数量|2个||
|产出指标|时效指标.|支付时限|≤1年||时效指标|支付时限|≤1年||
|满意度指标|服务对象调查度|群众满意度|≥85%||服务对象满意度|群众满意度|≥85%||
||经济效益||||经济效益||||
||质量指标|标 验收介格率 ≥85%||||验收合格率|≥85%||
负责人:||经办人:||联系电话:|||填报日期:|20250309154104
M. So|项 H 名|北 曼||办公用房租赁费||||
120|033-剃州市朔城区行|丁政审批服务管理局|1|施单位|某中心|||
|002300|草|- 次性项目|(1年结束)||项目期|1年|
||40"|实施期资金总额:|1, 200, 000|年度资金总|ŘÚ:|1,2|00, 000|
总体目标|||按要求完成|||
|一级指标|二级指标|三级指标|指标值||二级指标|三级指标|指标值||
||数量指标|楼房层数|5)2!||数量指标|楼房层数|ā) ₂ }||

≥85%
可持续影响
填报日期: 20250309153209
"""


def test_sheets(lines_of: LinesOf, reading: ReadingSpec) -> None:
    assert reading.performance is not None
    lines = lines_of(SECTION)
    first, targets, problems = read_sheets(lines, reading.performance, ["网络通讯费", "办公用房租赁费"])
    assert lines[first].text.startswith("朔城区县(区)级预算部门")  # the section text ends before it
    assert len(targets) == 2
    clean, damaged = targets
    assert clean.project == "网络通讯费"
    assert (clean.department, clean.implementing_unit) == ("033-某局", "某中心")
    assert (clean.project_kind, clean.period) == ("一次性项目(1年结束)", "1年")
    assert clean.amount_yuan is not None and clean.amount_yuan.value == Decimal(70000)
    assert clean.annual_amount_yuan is not None and clean.annual_amount_yuan.value == Decimal(70000)
    assert clean.goals == {"implementation": "按要求完成", "annual": "按要求实施"}
    # 一级指标 from the template's grouping; a 二级指标 damaged past recognition is kept as printed
    assert [(i.period, i.level1, i.level2, i.level3, i.value) for i in clean.indicators] == [
        ("implementation", "产出指标", "数量指标", "项目数量", "2个"),
        ("annual", "产出指标", "数量指标", "项目数量", "2个"),
        ("implementation", "产出指标", "时效指标", "支付时限", "≤1年"),
        ("annual", "产出指标", "时效指标", "支付时限", "≤1年"),
        ("implementation", "满意度指标", "服务对象调查度", "群众满意度", "≥85%"),
        ("annual", "满意度指标", "服务对象满意度", "群众满意度", "≥85%"),
        # a line naming only its 二级指标 is no indicator (经济效益 above); a 指标值 printed in the
        # 三级指标 cell is split off; the annual side's blank 二级指标 is the line's
        ("implementation", "产出指标", "质量指标", "标验收介格率", "≥85%"),
        ("annual", "产出指标", "质量指标", "验收合格率", "≥85%"),
    ]
    assert clean.unreadable == []
    assert clean.source is not None and clean.source.line == 4

    assert damaged.project == "办公用房租赁费"  # printed among noise, matched to the projects table
    assert damaged.department == "033-剃州市朔城区行丁政审批服务管理局"  # as printed, not corrected
    assert damaged.implementing_unit == "某中心"
    assert damaged.annual_amount_yuan is not None and damaged.annual_amount_yuan.value == Decimal(1200000)
    assert damaged.goals == {"implementation": "按要求完成"}
    assert [i.value for i in damaged.indicators] == ["5)2!", "ā)₂}"]  # whitespace removed only
    assert damaged.source is not None and damaged.source.line == 19
    assert damaged.unreadable == [
        "goals: 总体目标\t按要求完成",
        "unplaced text: ≥85%",
        "unplaced text: 可持续影响",
    ]
    assert len(problems) == 3
    assert all(p.kind is ReadProblemKind.UNREADABLE for p in problems)
    assert problems[0].what == "performance sheet 2 goals"


def test_project_not_in_the_tables(lines_of: LinesOf, reading: ReadingSpec) -> None:
    assert reading.performance is not None
    text = """
N. A.|一个项 H名|称一|||遗属补|DJ|||
800|上管部门。|042-某建设局 实施单位||| 定施单位|某服务中心|
|项中属|a d|·次性项目|(1年结束)||项目期|,|1年|
|||实施期资金总额:|6, 036|年度资金总|M:|6|, 036|
"""
    _, targets, problems = read_sheets(lines_of(text), reading.performance, ["网络通讯费"])
    (target,) = targets
    assert target.project == "遗属补DJ"
    assert target.unreadable == ["project: 遗属补DJ"]
    assert (target.department, target.implementing_unit) == ("042-某建设局", "某服务中心")
    assert target.amount_yuan is not None and target.amount_yuan.value == 6036
    assert (target.project_kind, target.period) == ("·次性项目(1年结束)", "1年")
    assert [p.what for p in problems] == ["performance sheet 1 project"]


def test_unreadable_amount(lines_of: LinesOf, reading: ReadingSpec) -> None:
    assert reading.performance is not None
    text = """
|项目名称|网络通讯费
|主管部门|033-某局|实施单位|某中心
|项目属性|一次性项目|项目期|1年
|实施期资金总额:|7O,000|年度资金总额:|70,000
"""
    _, targets, problems = read_sheets(lines_of(text), reading.performance, [])
    assert targets[0].amount_yuan is None
    assert targets[0].annual_amount_yuan is not None
    assert "amount_yuan: 7O,000" in targets[0].unreadable
    assert {p.what for p in problems} == {"performance sheet 1 project", "performance sheet 1 amount_yuan"}


def test_no_sheets(lines_of: LinesOf, reading: ReadingSpec) -> None:
    assert reading.performance is not None
    lines = lines_of("1、整体绩效目标\n涉及资金146.9万元。")
    assert read_sheets(lines, reading.performance, []) == (2, [], [])
