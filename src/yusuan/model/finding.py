"""A finding: one shape for every rule, in every mode (gating, audit, bulk)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from yusuan.model.slots import slot_setter


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True, init=False)
class Location:
    """A place a person can open: table + row + column, or section + sentence; page/line."""

    table: str | None = None
    row: str | None = None  # row code, or name when the row has no code
    column: str | None = None
    section: str | None = None
    sentence: str | None = None
    page: int | None = None
    line: int | None = None

    def __init__(
        self,
        table: str | None = None,
        row: str | None = None,
        column: str | None = None,
        section: str | None = None,
        sentence: str | None = None,
        page: int | None = None,
        line: int | None = None,
    ) -> None:
        # The dataclass __init__'s work through the slots' setters, in half the time: rules
        # locate thousands of cells a document.
        _set_table(self, table)
        _set_row(self, row)
        _set_column(self, column)
        _set_section(self, section)
        _set_sentence(self, sentence)
        _set_page(self, page)
        _set_line(self, line)

    def __str__(self) -> str:
        parts: list[str] = []
        if self.table:
            parts.append(self.table)
        if self.row:
            parts.append(self.row)
        if self.column:
            parts.append(self.column)
        if self.section:
            parts.append(self.section)
        where = "/".join(parts)
        if self.page is not None:
            where += f" p{self.page}"
        if self.line is not None:
            where = f"{self.line}:{where}" if where else str(self.line)
        return where


_set_table = slot_setter(Location, "table")
_set_row = slot_setter(Location, "row")
_set_column = slot_setter(Location, "column")
_set_section = slot_setter(Location, "section")
_set_sentence = slot_setter(Location, "sentence")
_set_page = slot_setter(Location, "page")
_set_line = slot_setter(Location, "line")


@dataclass(frozen=True, slots=True)
class Evidence:
    """The figures behind a finding: expected, printed, their difference, the tolerance."""

    expected: str | None = None
    actual: str | None = None
    difference: str | None = None
    tolerance: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a rule found: severity, message (Chinese, English), places, evidence, hint."""

    rule: str
    severity: Severity
    message: str  # Chinese
    message_en: str
    locations: tuple[Location, ...] = field(default_factory=tuple)
    evidence: Evidence = field(default_factory=Evidence)
    hint: str = ""

    @property
    def location(self) -> Location:
        return self.locations[0] if self.locations else Location()


@dataclass(frozen=True, slots=True)
class NotEvaluated:
    """A rule that could not be evaluated, and why: never a silent pass."""

    rule: str
    reason: str
