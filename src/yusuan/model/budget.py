"""The authoring model: a unit's approved budget as line items, consistent by construction.

A line item is one amount at the crossing of funding source × functional code ×
basic/project × economic code × project. Tables are derived from line items; nothing
builds a table by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from yusuan.model.codes import Code
from yusuan.model.document import GlossaryEntry, PerformanceTarget, Section


class Funding(Enum):
    GENERAL = "general_budget"  # 一般公共预算
    FUND = "government_fund"  # 政府性基金预算
    STATE_CAPITAL = "state_capital"  # 国有资本经营预算
    SPECIAL_ACCOUNT = "special_account"  # 财政专户管理资金
    UNIT_FUNDS = "unit_funds"  # 单位资金


class Nature(Enum):
    BASIC = "basic"  # 基本支出
    PROJECT = "project"  # 项目支出


class UnitType(Enum):
    ADMINISTRATIVE = "行政"
    CIVIL_SERVICE_MANAGED = "参公"
    PUBLIC_INSTITUTION = "事业"


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

    def total_yuan(self) -> Decimal:
        return sum((item.amount_yuan for item in self.items), Decimal(0))
