"""The parts of a disclosure other than tables: narrative, performance sheets, statements."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from yusuan.model.amount import Amount
from yusuan.model.source import Source


@dataclass(slots=True)
class Section:
    """A narrative section (情况说明 一、…; 概况 一、…) with its text as printed."""

    id: str
    title: str
    text: str
    part: str = ""  # "概况", "情况说明", "名词解释" …
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Indicator:
    """One line of a performance sheet: 一级/二级/三级指标 and 指标值, for a period."""

    period: str  # "implementation" (实施期) or "annual" (年度)
    level1: str
    level2: str
    level3: str
    value: str
    source: Source | None = None


@dataclass(slots=True)
class PerformanceTarget:
    """A 项目支出绩效目标表 as printed; amounts in 元."""

    project: str
    department: str  # 主管部门 as printed, e.g. "033-朔州市朔城区行政审批服务管理局"
    implementing_unit: str
    amount_yuan: Amount | None  # 实施期资金总额
    annual_amount_yuan: Amount | None = None  # 年度资金总额
    project_kind: str = ""  # 项目属性
    period: str = ""  # 项目期
    goals: dict[str, str] = field(default_factory=dict)  # period -> 总体目标
    indicators: list[Indicator] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # fields printed but not readable
    source: Source | None = None


@dataclass(slots=True)
class ProcurementStatement:
    """政府采购情况: the total and its split into 货物/工程/服务."""

    total: Amount | None
    goods: Amount | None
    works: Amount | None
    services: Amount | None
    text: str = ""
    source: Source | None = None


@dataclass(slots=True)
class AssetStatement:
    """国有资产占有使用情况: vehicles by category, office space, large equipment."""

    text: str
    vehicles: dict[str, int] = field(default_factory=dict)  # "实有" -> 0, "领导用车" -> 0 …
    figures: dict[str, str] = field(default_factory=dict)  # other stated figures, as printed
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """One term of the 名词解释 and its definition, as printed."""

    term: str
    definition: str
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class ContentsEntry:
    """A line of the 目录 as printed, and what it names in the template: a table (its semantic
    id), a section (its id), or neither (a part heading, a wrapped line)."""

    text: str  # the entry's title, its numbering and page number taken off
    source: Source
    table: str | None = None
    section: str | None = None


@dataclass(slots=True)
class Attachment:
    """Material attached to the disclosure that is not part of it (a forwarded notice …)."""

    title: str
    text: str
    source: Source | None = None  # where it starts
    end_line: int | None = None  # the last line it covers, when read from lines


class ReadProblemKind(Enum):
    UNREADABLE = "unreadable"
    MISSING = "missing"
    UNRECOGNISED = "unrecognised"


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """Something the reader saw but could not read; the checker reports each one."""

    kind: ReadProblemKind
    what: str  # "table income row 201 column total", "performance sheet 2 amount" …
    text: str  # as printed
    source: Source | None = None
