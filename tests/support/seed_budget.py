"""The seed unit's 2025 budget: examples/shuozhou-2025-budget.yaml, read with read_budget.

One source of truth: the example's line items reproduce every figure the seed prints in 万元 by
四舍五入 (341.11 total, 194.21 basic, 146.90 project, 21.26 for 208 …; examples/README.md). NAMES
are the names the tests print: every 类 of the overview tables, the example's own names, and the
economic codes some tests add (公务接待费, 委托业务费, 公务用车运行维护费).
"""

from __future__ import annotations

from pathlib import Path

from yusuan.derive import CodeNames
from yusuan.model import GlossaryEntry
from yusuan.model.budget import Budget
from yusuan.read.budget import read_budget

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "shuozhou-2025-budget.yaml"

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

_NAMED = read_budget(EXAMPLE)  # the example's own code names

FUNCTIONAL = {**CLASSES, **_NAMED.functional_names}

ECONOMIC = {
    **_NAMED.economic_names,
    "30217": "公务接待费",
    "30227": "委托业务费",
    "30231": "公务用车运行维护费",
}

GOVERNMENT_ECONOMIC = {
    **{code: "工资福利支出" for code in ECONOMIC if code.startswith("301") and len(code) == 5},
    **{code: "商品和服务支出" for code in ECONOMIC if code.startswith("302") and len(code) == 5},
    "30302": "离退休费",
    "30309": "社会福利和救助",
}

NAMES = CodeNames(functional=FUNCTIONAL, economic=ECONOMIC, government_economic=GOVERNMENT_ECONOMIC)

GLOSSARY = [
    GlossaryEntry("基本支出", "指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"),
    GlossaryEntry("项目支出", "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"),
    GlossaryEntry("上年结转", "指以前年度预算安排、结转到本年仍按原规定用途继续使用的资金。"),
]


def seed_budget() -> Budget:
    """The example budget as read from its YAML (a fresh copy each call), with the glossary entries
    the render tests print first."""
    budget = read_budget(EXAMPLE)
    budget.glossary = list(GLOSSARY)
    return budget
