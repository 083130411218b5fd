"""The disclosure: document facts plus every part of the standard document."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from yusuan.model.amount import Unit
from yusuan.model.document import (
    AssetStatement,
    Attachment,
    ContentsEntry,
    GlossaryEntry,
    PerformanceTarget,
    ProcurementStatement,
    ReadProblem,
    Section,
)
from yusuan.model.source import Source
from yusuan.model.table import Table


class Kind(Enum):
    BUDGET = "budget"  # 预算
    FINAL_ACCOUNTS = "final_accounts"  # 决算


class Scope(Enum):
    UNIT = "unit"  # 单位
    DEPARTMENT = "department"  # 部门


@dataclass(slots=True)
class DocumentFacts:
    """What the document is: unit, year, kind, scope, template and currency unit."""

    unit: str
    year: int | None
    kind: Kind
    scope: Scope
    profile: str
    currency_unit: Unit
    title: str = ""
    source: Source | None = None
    # The template was guessed from the tables' titles (no template's own words were found):
    # the part of its tables the document prints, 0..1. None: the template was recognised.
    profile_confidence: float | None = None


@dataclass(slots=True)
class Disclosure:
    """A disclosure as published (or as derived): it may contradict itself; checks say where."""

    facts: DocumentFacts
    tables: dict[str, Table] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    performance_targets: list[PerformanceTarget] = field(default_factory=list)
    procurement: ProcurementStatement | None = None
    assets: AssetStatement | None = None
    glossary: list[GlossaryEntry] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    contents: list[ContentsEntry] = field(default_factory=list)  # the 目录 as printed; [] when none
    problems: list[ReadProblem] = field(default_factory=list)
    source_file: str = ""

    def table(self, table_id: str) -> Table | None:
        return self.tables.get(table_id)

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)
