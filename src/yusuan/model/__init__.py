"""Pure domain types: no I/O, no knowledge of formats or regions."""

from yusuan.model.amount import Amount, AmountError, Unit, quantize, rounding_tolerance
from yusuan.model.codes import Code, CodeError, CodeKind, looks_like_code
from yusuan.model.disclosure import Disclosure, DocumentFacts, Kind, Scope
from yusuan.model.document import (
    AssetStatement,
    Attachment,
    ContentsEntry,
    GlossaryEntry,
    Indicator,
    PerformanceTarget,
    ProcurementStatement,
    ReadProblem,
    ReadProblemKind,
    Section,
)
from yusuan.model.finding import Evidence, Finding, Location, NotEvaluated, Severity
from yusuan.model.source import Source
from yusuan.model.table import Cell, CellStatus, Column, Row, Table

__all__ = [
    "Amount",
    "AmountError",
    "AssetStatement",
    "Attachment",
    "Cell",
    "CellStatus",
    "Code",
    "CodeError",
    "CodeKind",
    "Column",
    "ContentsEntry",
    "Disclosure",
    "DocumentFacts",
    "Evidence",
    "Finding",
    "GlossaryEntry",
    "Indicator",
    "Kind",
    "Location",
    "NotEvaluated",
    "PerformanceTarget",
    "ProcurementStatement",
    "ReadProblem",
    "ReadProblemKind",
    "Row",
    "Scope",
    "Section",
    "Severity",
    "Source",
    "Table",
    "Unit",
    "looks_like_code",
    "quantize",
    "rounding_tolerance",
]
