"""The project table's lines: which are projects, which is the total; the sheets that match."""

from __future__ import annotations

from difflib import SequenceMatcher

from yusuan.check.context import Context
from yusuan.model import PerformanceTarget, Row, Table
from yusuan.reference.narrative import squeeze


def _is_heading(ctx: Context, row: Row) -> bool:
    """A total or heading line: its role is ``total`` (合计, or the unit's own name), or a bare number."""
    return row.role == "total" or squeeze(row.name).isdigit()


def project_total_row(ctx: Context, table: Table) -> Row | None:
    return next((r for r in table.rows if r.role == "total"), None)


def project_rows(ctx: Context, table: Table) -> list[Row]:
    return [r for r in table.rows if not _is_heading(ctx, r) and r.name.strip()]


def same_project(a: str, b: str) -> bool:
    """Project names as printed in the table and on the sheet, ignoring spaces and brackets."""
    na = squeeze(a).replace("（", "(").replace("）", ")")
    nb = squeeze(b).replace("（", "(").replace("）", ")")
    return na == nb or (
        min(len(na), len(nb)) >= 4 and SequenceMatcher(None, na, nb).ratio() >= SAME_NAME_RATIO
    )


def sheet_for(sheets: list[PerformanceTarget], project: str) -> PerformanceTarget | None:
    """The sheet of a project: the one printed with exactly its name, else the first similar one."""
    exact = squeeze(project)
    return next((s for s in sheets if squeeze(s.project) == exact), None) or next(
        (s for s in sheets if same_project(s.project, project)), None
    )


# Names printed on scanned sheets carry OCR slips ("数字画数字政府服务中心"); two names this
# similar are one name. Another unit's name shares the place prefix but not much more.
SAME_NAME_RATIO = 0.85


def similar(a: str, b: str) -> bool:
    a, b = squeeze(a), squeeze(b)
    return a == b or SequenceMatcher(None, a, b).ratio() >= SAME_NAME_RATIO


def belongs_to_unit(ctx: Context, sheet: PerformanceTarget) -> bool:
    return not sheet.implementing_unit.strip() or similar(sheet.implementing_unit, ctx.unit_name)
