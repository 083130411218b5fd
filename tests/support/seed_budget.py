"""The seed unit's 2025 budget (examples/000_6562e89d941fc7ec.txt) as line items, in 元.

The amounts are chosen so that every figure the seed prints in 万元 comes out of the line items
by 四舍五入: 341.11 total, 194.21 basic, 146.90 project, 21.26 for 208 (0.83 + 20.42 printed,
0.834 + 20.424 exact), 187.56 工资福利支出 … The names are the seed's; the code list proper is
built under data/codes/ by another part of the project.
"""

from __future__ import annotations

from decimal import Decimal

from yusuan.derive import CodeNames
from yusuan.model import Code, CodeKind, GlossaryEntry, Section
from yusuan.model.budget import Budget, Funding, LineItem, Nature, UnitType

UNIT = "朔州市朔城区数字政府服务中心"

CLASSES = {
    "201": "一般公共服务支出",
    "202": "外交支出",
    "203": "国防支出",
    "204": "公共安全支出",
    "205": "教育支出",
    "206": "科学技术支出",
    "207": "文化旅游体育与传媒支出",
    "208": "社会保障和就业支出",
    "209": "社会保险基金支出",
    "210": "卫生健康支出",
    "211": "节能环保支出",
    "212": "城乡社区支出",
    "213": "农林水支出",
    "214": "交通运输支出",
    "215": "资源勘探工业信息等支出",
    "216": "商业服务业等支出",
    "217": "金融支出",
    "219": "援助其他地区支出",
    "220": "自然资源海洋气象等支出",
    "221": "住房保障支出",
    "222": "粮油物资储备支出",
    "223": "国有资本经营预算支出",
    "224": "灾害防治及应急管理支出",
    "227": "预备费",
    "229": "其他支出",
    "230": "转移性支出",
    "231": "债务还本支出",
    "232": "债务付息支出",
    "233": "债务发行费用支出",
    "234": "抗疫特别国债安排的支出",
}

FUNCTIONAL = {
    **CLASSES,
    "20103": "政府办公厅(室)及相关机构事务",
    "2010303": "机关服务",
    "2010350": "事业运行",
    "20805": "行政事业单位养老支出",
    "2080502": "事业单位离退休",
    "2080505": "机关事业单位基本养老保险缴费支出",
    "21007": "计划生育事务",
    "2100799": "其他计划生育事务支出",
    "21011": "行政事业单位医疗",
    "2101102": "事业单位医疗",
    "22102": "住房改革支出",
    "2210201": "住房公积金",
}

ECONOMIC = {
    "301": "工资福利支出",
    "30101": "基本工资",
    "30102": "津贴补贴",
    "30107": "绩效工资",
    "30108": "机关事业单位基本养老保险缴费",
    "30110": "职工基本医疗保险缴费",
    "30112": "其他社会保障缴费",
    "30113": "住房公积金",
    "302": "商品和服务支出",
    "30201": "办公费",
    "30207": "邮电费",
    "30211": "差旅费",
    "30214": "租赁费",
    "30217": "公务接待费",
    "30227": "委托业务费",
    "30231": "公务用车运行维护费",
    "303": "对个人和家庭的补助",
    "30302": "退休费",
    "30309": "奖励金",
    "310": "资本性支出",
    "31002": "办公设备购置",
}

GOVERNMENT_ECONOMIC = {
    **{code: "工资福利支出" for code in ECONOMIC if code.startswith("301") and len(code) == 5},
    **{code: "商品和服务支出" for code in ECONOMIC if code.startswith("302") and len(code) == 5},
    "30302": "离退休费",
    "30309": "社会福利和救助",
}

NAMES = CodeNames(functional=FUNCTIONAL, economic=ECONOMIC, government_economic=GOVERNMENT_ECONOMIC)

# (functional, economic, 元) of the basic spending
BASIC = [
    ("2010350", "30101", "753760"),
    ("2010350", "30102", "120800"),
    ("2010350", "30107", "509900"),
    ("2010350", "30112", "20260"),
    ("2010350", "30201", "49000"),
    ("2010350", "30207", "5000"),
    ("2010350", "30211", "3000"),
    ("2080502", "30302", "8340"),
    ("2080505", "30108", "204240"),
    ("2100799", "30309", "1200"),
    ("2101102", "30110", "83010"),
    ("2210201", "30113", "183600"),
]

# (project, economic, 元), all under 2010303 机关服务
PROJECTS = [
    ("办公用房租赁费", "30214", "1200000"),
    ("网络通讯费", "30207", "70000"),
    ("24小时服务大厅免费服务费", "30227", "100000"),
    ("好差评系统购置费及维护费", "31002", "99000"),
]

GLOSSARY = [
    GlossaryEntry("基本支出", "指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"),
    GlossaryEntry("项目支出", "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"),
    GlossaryEntry("上年结转", "指以前年度预算安排、结转到本年仍按原规定用途继续使用的资金。"),
]

SECTIONS = [
    Section(
        id="duties",
        title="本单位职责",
        part="概况",
        text="1、拟定全区政务公开工作和政务服务机构内部建设规划，并组织实施。\n"
        "2、负责提供本区政务咨询服务，协调督办中心政务窗口各类行政许可事项的受理、审批、反馈。",
    ),
    Section(id="structure", title="机构设置情况", part="概况", text="我单位内设股室2个，办公室和监督股。"),
    Section(
        id="general_expenditure",
        title="一般公共预算支出情况说明",
        part="情况说明",
        text="（一）一般公共预算当年支出规模变化情况\n"
        "2025年度朔州市朔城区数字政府服务中心一般公共预算当年支出341.11万元，比上年增加3.92万元，增长1.16%。",
    ),
    Section(
        id="three_public",
        title='"三公"经费增减变动原因说明',
        part="情况说明",
        text='本单位无"三公"经费预算。',
    ),
]


def seed_items() -> list[LineItem]:
    items = [
        LineItem(
            funding=Funding.GENERAL,
            functional=Code(functional),
            nature=Nature.BASIC,
            economic=Code(economic, CodeKind.ECONOMIC),
            amount_yuan=Decimal(yuan),
        )
        for functional, economic, yuan in BASIC
    ]
    items += [
        LineItem(
            funding=Funding.GENERAL,
            functional=Code("2010303"),
            nature=Nature.PROJECT,
            economic=Code(economic, CodeKind.ECONOMIC),
            amount_yuan=Decimal(yuan),
            project=project,
        )
        for project, economic, yuan in PROJECTS
    ]
    return items


def seed_budget() -> Budget:
    return Budget(
        unit=UNIT,
        year=2025,
        unit_type=UnitType.PUBLIC_INSTITUTION,
        items=seed_items(),
        procurement_yuan={"goods": Decimal("39300")},
        sections=list(SECTIONS),
        glossary=list(GLOSSARY),
    )
