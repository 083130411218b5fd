"""项目支出绩效目标表 sheets printed inside the performance section, read as printed.

The sheets are usually scans run through OCR: labels arrive damaged ("项目名", "非常部门 从")
and cells split or shifted. Each sheet is anchored on its 实施期资金总额 line; the lines just
above it are the 项目属性, 主管部门/实施单位 and 项目名称 lines. Values are kept as printed
(whitespace removed); what cannot be placed goes to ``unreadable`` and a ReadProblem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from yusuan.model import (
    Amount,
    AmountError,
    Indicator,
    PerformanceTarget,
    ReadProblem,
    ReadProblemKind,
    Unit,
)
from yusuan.read.assemble.spec import PerformanceSpec
from yusuan.read.assemble.text import cjk_only, filled, has_cjk, squeeze
from yusuan.read.lines import Line

_YEAR_LABEL = re.compile(r"[(（]\d{4}年")
_FIGURE_PIECE = re.compile(r"^[\d,，.\s]+$")
# "标 验收介格率 ≥85%": a 三级指标 cell that also holds the 指标值 (its own cell left empty)
_MERGED_VALUE = re.compile(r"^(?P<level3>.*\S)\s+(?P<value>[≥≤<>＜＞=]\s*\d\S*)$")
_TITLE_LOOKBACK = 3  # non-blank title lines ("…绩效目标表", "(2025年度)") above a sheet's first line


def _cells(line: Line) -> list[str]:
    return [c.strip() for c in line.cells]


@dataclass
class _Sheet:
    """Where one performance sheet's parts are among the lines (indexes)."""

    start: int
    project: int
    department: int | None
    kind: int | None
    anchor: int
    end: int


class _SheetReader:
    def __init__(self, spec: PerformanceSpec, lines: list[Line], known: list[str], number: int) -> None:
        self.spec = spec
        self.lines = lines
        self.known = sorted(known, key=len, reverse=True)
        self.number = number
        self.unreadable: list[str] = []
        self.problems: list[ReadProblem] = []

    def fail(self, field: str, text: str, line: Line) -> None:
        self.unreadable.append(f"{field}: {text}")
        self.problems.append(
            ReadProblem(
                ReadProblemKind.UNREADABLE, f"performance sheet {self.number} {field}", text, line.source
            )
        )

    def project(self, line: Line) -> str:
        cells = _cells(line)
        label = next((i for i, c in enumerate(cells) if "项" in c), 0)
        values = [c for c in cells[label + 1 :] if c]
        if values and values[0].startswith("称") and len(values[0]) <= 2:
            values = values[1:]  # the split tail of the label 项目名称 ("称", "称一")
        printed = squeeze("".join(values))
        for name in self.known:
            if name in printed or (cjk_only(name) and cjk_only(name) in cjk_only(printed)):
                return name
        self.fail("project", printed, line)
        return printed

    def units(self, line: Line) -> tuple[str, str]:
        """主管部门 and 实施单位 from their shared line."""
        cells = [c for c in _cells(line) if c]
        spec = self.spec
        start = next((i for i, c in enumerate(cells) if spec.department_code.match(squeeze(c))), None)
        if start is None:
            self.fail("department", "\t".join(cells), line)
            return "", ""
        department: list[str] = []
        implementing: list[str] = []
        target = department
        for index, cell in enumerate(cells[start:]):
            labels = list(spec.implementing_label.finditer(cell))
            if labels:
                if target is department:
                    department.append(cell[: labels[0].start()])
                implementing.clear()
                implementing.append(cell[labels[-1].end() :])
                target = implementing
            elif index == 0 or has_cjk(cell):
                target.append(cell)
        if not implementing:
            self.fail("implementing_unit", "\t".join(cells), line)
        return squeeze("".join(department)), squeeze("".join(implementing))

    def kind(self, line: Line) -> tuple[str, str]:
        """项目属性 and 项目期."""
        cells = [c for c in _cells(line) if c]
        spec = self.spec
        start = next((i for i, c in enumerate(cells) if spec.kind_marker.search(squeeze(c))), None)
        period_at = next((i for i, c in enumerate(cells) if spec.period_label in squeeze(c)), None)
        kind = ""
        if start is not None:
            kind = squeeze("".join(cells[start : period_at if period_at and period_at > start else None]))
        else:
            self.fail("project_kind", "\t".join(cells), line)
        period = ""
        if period_at is not None:
            label = squeeze(cells[period_at])
            rest = label.split(spec.period_label, 1)[1]
            period = squeeze(rest + "".join(c for c in cells[period_at + 1 :] if has_cjk(c) or c.isdigit()))
        if not period:
            self.fail("period", "\t".join(cells), line)
        return kind, period

    def amounts(self, line: Line) -> tuple[Amount | None, Amount | None]:
        cells = _cells(line)
        spec = self.spec
        total: Amount | None = None
        annual: Amount | None = None
        at = next((i for i, c in enumerate(cells) if spec.amount_label in squeeze(c)), None)
        if at is not None:
            printed = next((c for c in cells[at + 1 :] if c), "")
            total = self.figure("amount_yuan", printed, line)
        at = next((i for i, c in enumerate(cells) if spec.annual_amount_label in squeeze(c)), None)
        if at is not None:
            rest = [c for c in cells[at + 1 :] if c]
            if rest and not any(ch.isdigit() for ch in rest[0]):
                rest = rest[1:]  # the label's damaged tail, "额:" printed as "M:"
            pieces: list[str] = []
            for cell in rest:
                if not _FIGURE_PIECE.match(cell):
                    break
                pieces.append(cell)  # one figure split across cells: "10" "0,000"
            annual = self.figure("annual_amount_yuan", "".join(pieces), line)
        return total, annual

    def figure(self, field: str, printed: str, line: Line) -> Amount | None:
        try:
            amount = Amount.parse(printed, Unit.YUAN)
        except AmountError:
            amount = None
        if amount is None:
            self.fail(field, printed, line)
        return amount

    def goals(self, line: Line) -> dict[str, str]:
        cells = _cells(line)
        at = next((i for i, c in enumerate(cells) if self.spec.goals_label in squeeze(c)), 0)
        groups: list[list[str]] = []
        previous_empty = True
        for cell in cells[at + 1 :]:
            if cell and previous_empty:
                groups.append([cell])
            elif cell:
                groups[-1].append(cell)
            previous_empty = not cell
        goals = {
            period: squeeze("".join(group))
            for period, group in zip(("implementation", "annual"), groups, strict=False)
        }
        if len(groups) != 2:
            self.fail("goals", "\t".join(c for c in cells if c), line)
        return goals

    def indicators(self, lines: list[Line], header: Line) -> tuple[list[Indicator], int]:
        """The indicator lines after ``header``; returns the indicators and how many lines they took.

        Each printed line holds one indicator per period: 二级指标, 三级指标, 指标值 (the
        implementation side left of the blank separator column, the annual side right of it).
        A side is found by its 二级指标 name, else by the header's column positions; a side
        with neither 三级指标 nor 指标值 printed is no indicator. The 一级指标 is the template's
        for the 二级指标 (the printed cell is merged across lines); values lose whitespace only.
        """
        spec = self.spec
        cells = [squeeze(c) for c in header.cells]
        level1_at = next((i for i, c in enumerate(cells) if spec.indicator_header in c), 1)
        level2_at = [i for i, c in enumerate(cells) if c == spec.level2_header]
        if len(level2_at) != 2:
            self.fail("indicators", "\t".join(c for c in cells if c), header)
            return [], 0
        separator = level2_at[1] - 1
        found: list[Indicator] = []
        taken = 0
        for line in lines:
            text = squeeze(line.text)
            if line.is_blank or any(text.startswith(label) for label in spec.signature_labels):
                break
            taken += 1
            row = _cells(line)
            sides = {
                "implementation": self.side(row, level1_at + 1, separator, level2_at[0]),
                "annual": self.side(row, separator, len(row), level2_at[1]),
            }
            known = {name for name, _, _ in sides.values() if name in spec.level2}
            printed_level1 = squeeze(row[level1_at]) if level1_at < len(row) else ""
            for period, (level2, level3, value) in sides.items():
                if not (level3 or value):
                    continue
                if not level2 and len(known) == 1:
                    level2 = next(iter(known))  # the same printed line: the same 二级指标
                level1 = spec.level2.get(level2, printed_level1 if has_cjk(printed_level1) else "")
                found.append(Indicator(period, level1, level2, level3, value, line.source))
        return found, taken

    def side(self, row: list[str], lo: int, hi: int, default: int) -> tuple[str, str, str]:
        """二级指标, 三级指标, 指标值 of one period on a printed line (whitespace removed)."""
        names = self.spec.level2
        at = next(
            (i for i in range(lo, min(hi, len(row))) if squeeze(row[i]).rstrip(".。") in names), default
        )
        level2, level3, value = (row[i] if i < len(row) else "" for i in (at, at + 1, at + 2))
        merged = _MERGED_VALUE.match(level3)
        if merged and not value:
            level3, value = merged["level3"], merged["value"]
        level2, level3, value = squeeze(level2), squeeze(level3), squeeze(value)
        stripped = level2.rstrip(".。")
        return (stripped if stripped in names else level2), level3, value

    def read(self, sheet: _Sheet) -> PerformanceTarget:
        lines = self.lines
        spec = self.spec
        project = self.project(lines[sheet.project])
        department, implementing = (
            self.units(lines[sheet.department]) if sheet.department is not None else ("", "")
        )
        if sheet.department is None:
            self.fail("department", "", lines[sheet.anchor])
        kind, period = self.kind(lines[sheet.kind]) if sheet.kind is not None else ("", "")
        if sheet.kind is None:
            self.fail("project_kind", "", lines[sheet.anchor])
        total, annual = self.amounts(lines[sheet.anchor])
        goals: dict[str, str] = {}
        indicators: list[Indicator] = []
        rest_from = sheet.anchor + 1
        for index in range(sheet.anchor + 1, sheet.end):
            text = squeeze(lines[index].text)
            if text.startswith(spec.goals_label) and not goals:
                goals = self.goals(lines[index])
            elif spec.indicator_header in text and not indicators:
                indicators, taken = self.indicators(lines[index + 1 : sheet.end], lines[index])
                rest_from = index + 1 + taken
                break
        for line in lines[rest_from : sheet.end]:
            text = squeeze(line.text)
            if not text or text.isdigit() or any(text.startswith(lab) for lab in spec.signature_labels):
                continue
            if any(lab in text for lab in spec.signature_labels) and text.count(":") >= 2:
                continue  # the signature line: 负责人: 经办人: 联系电话: 填报日期:
            self.fail("unplaced text", "\t".join(filled(line)), line)
        return PerformanceTarget(
            project=project,
            department=department,
            implementing_unit=implementing,
            amount_yuan=total,
            annual_amount_yuan=annual,
            project_kind=kind,
            period=period,
            goals=goals,
            indicators=indicators,
            unreadable=self.unreadable,
            source=lines[sheet.start].source,
        )


def _is_title(line: Line, spec: PerformanceSpec) -> bool:
    text = squeeze(line.text)
    return bool(_YEAR_LABEL.search(text)) or (spec.sheet_title in text and not text.startswith(("(", "（")))


def _locate(lines: list[Line], spec: PerformanceSpec) -> list[_Sheet]:
    anchors = [i for i, line in enumerate(lines) if spec.amount_label in squeeze(line.text)]
    sheets: list[_Sheet] = []
    floor = 0
    for anchor in anchors:
        window = range(anchor - 1, max(floor, anchor - 4) - 1, -1)
        department = next(
            (i for i in window if any(spec.department_code.match(squeeze(c)) for c in lines[i].cells)), None
        )
        kind = next((i for i in window if spec.kind_marker.search(squeeze(lines[i].text))), None)
        project = max(floor, (department if department is not None else anchor - 2) - 1)
        start = project
        seen = 0
        for i in range(project - 1, floor - 1, -1):
            if lines[i].is_blank:
                continue
            if seen == _TITLE_LOOKBACK or not _is_title(lines[i], spec):
                break
            seen += 1
            start = i
        if sheets:
            sheets[-1].end = start
        sheets.append(_Sheet(start, project, department, kind, anchor, len(lines)))
        floor = anchor + 1
    return sheets


def read_sheets(
    lines: list[Line], spec: PerformanceSpec, known_projects: list[str]
) -> tuple[int, list[PerformanceTarget], list[ReadProblem]]:
    """Sheets in ``lines``: where the first one starts, the targets, the problems met."""
    sheets = _locate(lines, spec)
    targets: list[PerformanceTarget] = []
    problems: list[ReadProblem] = []
    for number, sheet in enumerate(sheets, start=1):
        reader = _SheetReader(spec, lines, known_projects, number)
        targets.append(reader.read(sheet))
        problems.extend(reader.problems)
    return (sheets[0].start if sheets else len(lines)), targets, problems
