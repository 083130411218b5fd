"""The authoring model: a unit's approved budget as line items, consistent by construction.

A line item is one amount at the crossing of funding source × functional code ×
basic/project × economic code × project. Tables are derived from line items; nothing
builds a table by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from yusuan.model.amount import Unit
from yusuan.model.codes import Code
from yusuan.model.document import GlossaryEntry, PerformanceTarget, Section
from yusuan.model.unit_type import UnitType as UnitType  # re-exported: the budget's unit type


class Funding(Enum):
    GENERAL = "general_budget"  # 一般公共预算
    FUND = "government_fund"  # 政府性基金预算
    STATE_CAPITAL = "state_capital"  # 国有资本经营预算
    SPECIAL_ACCOUNT = "special_account"  # 财政专户管理资金
    UNIT_FUNDS = "unit_funds"  # 单位资金


class Nature(Enum):
    BASIC = "basic"  # 基本支出
    PROJECT = "project"  # 项目支出


@dataclass(frozen=True, slots=True)
class LineItem:
    funding: Funding
    functional: Code
    nature: Nature
    economic: Code
    amount_yuan: Decimal
    project: str | None = None  # required when nature is PROJECT
    carryover: bool = False  # 上年结转

    def __post_init__(self) -> None:
        if (self.nature is Nature.PROJECT) != (self.project is not None):
            raise ValueError("项目支出必须写明项目，基本支出不写项目 / project items name a project")


class ProcurementCategory(Enum):
    GOODS = "goods"  # 货物
    WORKS = "works"  # 工程
    SERVICES = "services"  # 服务


@dataclass(frozen=True, slots=True)
class Division:
    """One internal division (内设机构 / 股室) and its duties, in the order the unit lists them."""

    name: str
    duties: tuple[str, ...] = ()


@dataclass(slots=True)
class Project:
    """A project (项目) as the unit describes it; its money is in the line items that name it."""

    name: str
    category: str = ""  # 项目类别: 其他运转类 / 特定目标类
    kind: str = ""  # 项目属性: 一次性项目 / 经常性项目 …
    period: str = ""  # 项目期: "1年"
    department: str = ""  # 主管部门 as it is printed, "033-朔州市朔城区行政审批服务管理局"
    implementing_unit: str = ""  # 实施单位
    period_total_yuan: Decimal | None = None  # 实施期资金总额 when it differs from this year's amount
    overview: str = ""  # 项目概况
    basis: str = ""  # 立项依据
    necessity: str = ""  # 项目设立必要性
    measures: str = ""  # 保证项目实施的制度、措施
    plan: str = ""  # 项目实施计划


@dataclass(frozen=True, slots=True)
class ProcurementItem:
    """One planned government purchase (政府采购预算) in 元."""

    name: str
    category: ProcurementCategory
    amount_yuan: Decimal
    project: str | None = None  # the project that pays for it, if any
    catalogue_code: str = ""  # 政府采购品目分类编码, "A02010104"


@dataclass(slots=True)
class AssetFacts:
    """国有资产占有使用情况 as the unit states it."""

    as_of: str = ""  # "2024年12月31日"
    vehicles: dict[str, int] = field(default_factory=dict)  # "编制" / "实有" / "领导用车" … -> count
    office_area_m2: Decimal | None = None  # 办公用房建筑总面积
    equipment_over_500k: int | None = None  # 单价50万元以上通用设备（台/套）
    equipment_over_1m: int | None = None  # 单价100万元以上专用设备（台/套）
    note: str = ""


@dataclass(slots=True)
class Budget:
    unit: str
    year: int
    unit_type: UnitType
    items: list[LineItem] = field(default_factory=list)
    prior_year_totals: dict[str, Decimal] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    # 政府采购预算 in 元 by category: "goods" 货物, "works" 工程, "services" 服务
    procurement_yuan: dict[str, Decimal] = field(default_factory=dict)
    performance_targets: list[PerformanceTarget] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)  # texts the user writes (职责, 机构设置 …)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    # the unit's facts and the rest of the authoring input (read.budget fills them)
    department: str = ""  # 主管部门, "033-朔州市朔城区行政审批服务管理局"
    profile: str = "shanxi"  # regional template id (data/templates/<id>/template.yaml)
    entry_unit: Unit = Unit.YUAN  # the unit the input was written in; amounts here are always 元
    duties: list[str] = field(default_factory=list)  # 本单位职责, one per entry
    structure_note: str = ""  # 机构设置概述, "我单位内设股室2个，办公室和监督股"
    divisions: list[Division] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    procurement: list[ProcurementItem] = field(default_factory=list)
    assets: AssetFacts | None = None
    functional_names: dict[str, str] = field(default_factory=dict)  # code -> name, as the user gives
    economic_names: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)  # 其他说明: title -> text

    def total_yuan(self) -> Decimal:
        return sum((item.amount_yuan for item in self.items), Decimal(0))

    def project_yuan(self, name: str) -> Decimal:
        """This year's amount of one project: the sum of the line items that name it."""
        return sum((item.amount_yuan for item in self.items if item.project == name), Decimal(0))
