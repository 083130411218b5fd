"""The authoring input's layout: sheets of the workbook, keys of the YAML, and what each field holds.

One description serves the workbook reader, the YAML reader, the empty template and the YAML
writer, so the four cannot drift apart. A sheet is either a table (one entry per row, a header
row naming the fields) or a list of pairs (one field per row: key, name, value).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class FieldKind(Enum):
    TEXT = "text"
    MONEY = "money"  # in the input's currency unit (元 or 万元)
    FUNCTIONAL = "functional"  # 支出功能分类科目编码, 7 digits (项)
    ECONOMIC = "economic"  # 部门预算支出经济分类科目编码, 5 digits (款)
    CODE = "code"  # any classification code: 3/5/7 digits, its kind in another field
    CHOICE = "choice"
    INT = "int"
    DECIMAL = "decimal"  # a plain quantity (m²), not money
    FLAG = "flag"  # 是/否


@dataclass(frozen=True)
class Field:
    key: str  # YAML key and the English half of the header
    zh: str  # the Chinese header
    kind: FieldKind = FieldKind.TEXT
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (Chinese label, value); either is accepted
    help: str = ""  # 填写说明, shown in the template as the header's comment
    example: str = ""

    @property
    def header(self) -> str:
        return f"{self.zh}\n{self.key}"

    def choice_value(self, text: str) -> str | None:
        """The value a choice stands for, given its Chinese label or its value; None if unknown."""
        for label, value in self.choices:
            if text in (label, value):
                return value
        return None


class SheetForm(Enum):
    TABLE = "table"
    PAIRS = "pairs"


@dataclass(frozen=True)
class SheetSpec:
    key: str  # YAML key
    name: str  # sheet name in the workbook
    en: str
    form: SheetForm
    fields: tuple[Field, ...]
    help: str

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)


FUNDING_CHOICES = (
    ("一般公共预算", "general_budget"),
    ("政府性基金预算", "government_fund"),
    ("国有资本经营预算", "state_capital"),
    ("财政专户管理资金", "special_account"),
    ("单位资金", "unit_funds"),
)
NATURE_CHOICES = (("基本支出", "basic"), ("项目支出", "project"))
UNIT_TYPE_CHOICES = (("行政", "行政"), ("参公", "参公"), ("事业", "事业"))
CURRENCY_CHOICES = (("元", "元"), ("万元", "万元"))
CATEGORY_CHOICES = (("货物", "goods"), ("工程", "works"), ("服务", "services"))
PERIOD_CHOICES = (("实施期", "implementation"), ("年度", "annual"))
CODE_KIND_CHOICES = (("功能分类", "functional"), ("经济分类", "economic"))
FLAG_CHOICES = (("是", "true"), ("否", "false"))
VEHICLE_KINDS = (  # (YAML key, 车辆类别 as the disclosure names it)
    ("vehicles_quota", "编制"),
    ("vehicles_actual", "实有"),
    ("vehicles_leaders", "领导用车"),
    ("vehicles_confidential", "机要通信用车"),
    ("vehicles_emergency", "应急保障用车"),
    ("vehicles_law_enforcement", "执法执勤用车"),
    ("vehicles_special", "特种专业技术用车"),
    ("vehicles_institution", "事业单位业务用车"),
    ("vehicles_other", "其他公务用车"),
)

T, M, C = FieldKind.TEXT, FieldKind.MONEY, FieldKind.CHOICE

FACTS = SheetSpec(
    "facts",
    "单位信息",
    "unit facts",
    SheetForm.PAIRS,
    (
        Field(
            "unit", "单位名称", T, True, help="公开文件上的单位全称", example="朔州市朔城区数字政府服务中心"
        ),
        Field("year", "预算年度", FieldKind.INT, True, help="四位年份", example="2025"),
        Field("unit_type", "单位类型", C, True, UNIT_TYPE_CHOICES, "行政、参公（参照公务员法管理）或事业"),
        Field("currency_unit", "金额单位", C, True, CURRENCY_CHOICES, "本工作簿所有金额的单位：元或万元"),
        Field(
            "department",
            "主管部门",
            T,
            help="编码-名称，如绩效目标表所印",
            example="033-朔州市朔城区行政审批服务管理局",
        ),
        Field("profile", "地区模板", T, help="公开模板（data/templates/ 下的编号）", example="shanxi"),
        Field(
            "structure_note",
            "机构设置概述",
            T,
            help="内设机构的总述",
            example="我单位内设股室2个，办公室和监督股",
        ),
    ),
    "单位的基本情况。每行一项，只填“值”一列。 / The unit's facts: fill the value column only.",
)

DUTIES = SheetSpec(
    "duties",
    "单位职责",
    "duties",
    SheetForm.TABLE,
    (Field("duty", "职责", T, True, help="每行一条职责，不写序号", example="负责提供本区政务咨询服务"),),
    "本单位职责，每行一条，按公开顺序。 / The unit's duties, one per row.",
)

DIVISIONS = SheetSpec(
    "divisions",
    "内设机构",
    "internal divisions",
    SheetForm.TABLE,
    (
        Field("name", "机构名称", T, True, example="办公室"),
        Field(
            "duty", "职责", T, help="每行一条；同一机构的多条职责各占一行", example="负责预决算编制及执行工作"
        ),
    ),
    "内设机构及其职责：一个机构有几条职责就写几行。 / Internal divisions, one row per duty.",
)

PRIOR_YEAR_KEYS = ("total", "general_expenditure", "three_public", "admin_running")
PRIOR_YEAR = SheetSpec(
    "prior_year",
    "上年数",
    "prior-year totals",
    SheetForm.PAIRS,
    (
        Field("total", "上年收支总计", M, help="上年预算收支总计，用于计算增减", example="337.19"),
        Field("general_expenditure", "上年一般公共预算当年拨款支出", M, example="337.19"),
        Field("three_public", "上年“三公”经费预算", M, example="0"),
        Field("admin_running", "上年机关运行经费预算", M, example="0"),
    ),
    "上年预算数（金额单位同“单位信息”）；空白表示没有可比数。 / Last year's totals; blank = none.",
)

REASON_KEYS = ("changes", "general_expenditure", "three_public", "admin_running")
REASONS = SheetSpec(
    "reasons",
    "变动原因",
    "reasons for changes",
    SheetForm.PAIRS,
    (
        Field(
            "changes",
            "收支总计变动原因",
            T,
            help="说明中“主要原因是”之后的话",
            example="较上年增加好差评系统购置及维护费",
        ),
        Field("general_expenditure", "一般公共预算支出变动原因", T),
        Field("three_public", "“三公”经费变动原因", T),
        Field("admin_running", "机关运行经费变动原因", T),
    ),
    "与上年相比有增减时必须写明原因。 / A change from last year needs its reason.",
)

ITEMS = SheetSpec(
    "items",
    "预算明细",
    "budget line items",
    SheetForm.TABLE,
    (
        Field("funding", "资金来源", C, True, FUNDING_CHOICES, "一般公共预算、政府性基金预算……"),
        Field(
            "functional",
            "功能科目编码",
            FieldKind.FUNCTIONAL,
            True,
            help="支出功能分类科目（项），7位",
            example="2010350",
        ),
        Field("nature", "支出类型", C, True, NATURE_CHOICES, "基本支出或项目支出"),
        Field(
            "economic",
            "经济科目编码",
            FieldKind.ECONOMIC,
            True,
            help="部门预算支出经济分类科目（款），5位",
            example="30101",
        ),
        Field(
            "project",
            "项目名称",
            T,
            help="项目支出必填，须与“项目”表一致；基本支出留空",
            example="办公用房租赁费",
        ),
        Field(
            "carryover",
            "上年结转",
            FieldKind.FLAG,
            choices=FLAG_CHOICES,
            help="上年结转资金填“是”，当年预算留空",
        ),
        Field(
            "amount", "金额", M, True, help="单位见“单位信息”；元最多2位小数，万元最多6位", example="75.384"
        ),
    ),
    "每行一笔：资金来源 × 功能科目 × 基本/项目 × 经济科目 × 项目。 / One amount per crossing.",
)

CODE_NAMES = SheetSpec(
    "code_names",
    "科目名称",
    "code names",
    SheetForm.TABLE,
    (
        Field("kind", "科目类别", C, True, CODE_KIND_CHOICES, "功能分类或经济分类"),
        Field("code", "编码", FieldKind.CODE, True, help="功能分类3/5/7位，经济分类3/5位", example="20103"),
        Field("name", "名称", T, True, example="政府办公厅(室)及相关机构事务"),
    ),
    "用到的科目（含类、款）的名称。 / Names of the codes used, with their 类 and 款.",
)

PROJECTS = SheetSpec(
    "projects",
    "项目",
    "projects",
    SheetForm.TABLE,
    (
        Field("name", "项目名称", T, True, example="办公用房租赁费"),
        Field("category", "项目类别", T, help="其他运转类或特定目标类", example="其他运转类"),
        Field("kind", "项目属性", T, example="一次性项目（1年结束）"),
        Field("period", "项目期", T, example="1年"),
        Field("department", "主管部门", T, example="033-朔州市朔城区行政审批服务管理局"),
        Field("implementing_unit", "实施单位", T, example="朔州市朔城区数字政府服务中心"),
        Field("period_total", "实施期资金总额", M, help="多年项目填写；留空即等于本年金额"),
        Field("overview", "项目概况", T),
        Field("basis", "立项依据", T),
        Field("necessity", "项目设立必要性", T),
        Field("measures", "保证项目实施的制度、措施", T),
        Field("plan", "项目实施计划", T),
        Field("goal_implementation", "实施期总体目标", T),
        Field("goal_annual", "年度总体目标", T),
    ),
    "本单位的每个项目一行；金额来自“预算明细”。 / One row per project; money is in the line items.",
)

INDICATORS = SheetSpec(
    "indicators",
    "绩效指标",
    "performance indicators",
    SheetForm.TABLE,
    (
        Field("project", "项目名称", T, True, example="办公用房租赁费"),
        Field("period", "期间", C, True, PERIOD_CHOICES, "实施期或年度"),
        Field("level1", "一级指标", T, True, example="产出指标"),
        Field("level2", "二级指标", T, True, example="数量指标"),
        Field("level3", "三级指标", T, True, example="楼房层数"),
        Field("value", "指标值", T, True, example="5层"),
    ),
    "项目绩效目标表的指标，每行一条。 / Performance indicators, one per row.",
)

PROCUREMENT = SheetSpec(
    "procurement",
    "政府采购",
    "government procurement",
    SheetForm.TABLE,
    (
        Field("name", "采购项目", T, True, example="好差评系统设备"),
        Field("category", "采购类别", C, True, CATEGORY_CHOICES, "货物、工程或服务"),
        Field("amount", "采购预算", M, True, example="3.93"),
        Field("project", "所属项目", T, help="由哪个项目支付；须与“项目”表一致"),
        Field("catalogue_code", "品目编码", T, help="政府采购品目分类目录编码", example="A02010104"),
    ),
    "政府采购预算，每个采购项目一行。 / Planned purchases, one per row.",
)

ASSETS = SheetSpec(
    "assets",
    "国有资产",
    "state assets",
    SheetForm.PAIRS,
    (
        Field("as_of", "统计截止日期", T, example="2024年12月31日"),
        *(Field(key, f"公务用车{kind}（辆）", FieldKind.INT) for key, kind in VEHICLE_KINDS),
        Field("office_area_m2", "办公用房建筑总面积（平方米）", FieldKind.DECIMAL),
        Field("equipment_over_500k", "单价50万元以上通用设备（台/套）", FieldKind.INT),
        Field("equipment_over_1m", "单价100万元以上专用设备（台/套）", FieldKind.INT),
        Field("note", "其他说明", T),
    ),
    "国有资产占有使用情况。 / State assets held and used.",
)

NOTES = SheetSpec(
    "notes",
    "其他说明",
    "other notes",
    SheetForm.TABLE,
    (
        Field("title", "标题", T, True, example="政府购买服务指导性目录"),
        Field("text", "内容", T, True, example="详见附件。"),
    ),
    "情况说明“其他说明”各条。 / The items of 其他说明.",
)

SHEETS: tuple[SheetSpec, ...] = (
    FACTS,
    DUTIES,
    DIVISIONS,
    PRIOR_YEAR,
    REASONS,
    ITEMS,
    CODE_NAMES,
    PROJECTS,
    INDICATORS,
    PROCUREMENT,
    ASSETS,
    NOTES,
)

INSTRUCTIONS_SHEET = "填写说明"
MAX_ERRORS = 50  # errors listed in one message; the rest are counted
