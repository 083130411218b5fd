"""A DOCX body -> Lines: paragraphs and table rows in body order.

The body's XML children are walked in order (python-docx lists paragraphs and tables apart,
which loses their order). A paragraph gives one Line per visual line (split at line breaks),
its cells split at tab stops, as the text reader does. A table row gives one Line with one cell
per grid column: a cell spanning columns (gridSpan) keeps its text in its first column and
empty strings after; a cell continuing a vertical merge (vMerge) is empty, the text staying
in the merge's first row. A table is followed by a blank Line (the gap extracted text shows
after a table; the assembly ends a block of rows there) unless an empty paragraph follows it.
A table holding another table in a cell is a layout table: its cells are read as blocks, in order.
Source: the file and the 1-based index of the Line; no page (Word lays out pages only when it
prints).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from yusuan.model import Source
from yusuan.read.errors import InputError
from yusuan.read.limits import Deadline, Limits, SizeTally
from yusuan.read.lines import Line

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P, TBL, TR, TC, SDT, SDT_CONTENT = W + "p", W + "tbl", W + "tr", W + "tc", W + "sdt", W + "sdtContent"
T, TAB, BR, CR = W + "t", W + "tab", W + "br", W + "cr"
# Inside a paragraph: what is not printed text (properties, deleted text, field codes) and the
# fallback copy of alternate content (its text is already in the chosen branch).
_NOT_TEXT = {W + "pPr", W + "rPr", W + "del", W + "delText", W + "instrText", MC + "Fallback", W + "tbl"}
_MAX_ROW_CELLS = 2_000  # a row wider than this (gridBefore/gridSpan/gridAfter) is not a real table


def _val(element: Any, tag: str) -> str | None:
    """The w:val of the child ``tag`` of ``element`` ("" when the child has no value; None when absent)."""
    if element is None:
        return None
    child = element.find(tag)
    if child is None:
        return None
    value: str = child.get(W + "val", "")
    return value


def _int_val(element: Any, tag: str, default: int) -> int:
    value = _val(element, tag)
    try:
        return max(int(value), 0) if value else default
    except ValueError:
        return default


def paragraph_text(paragraph: Any) -> str:
    """The printed text of a w:p: runs, tabs as "\\t", line breaks as "\\n"."""
    parts: list[str] = []
    stack = list(reversed(paragraph))
    while stack:
        element = stack.pop()
        tag = element.tag
        if not isinstance(tag, str) or tag in _NOT_TEXT:
            continue
        if tag == T:
            parts.append(element.text or "")
        elif tag == TAB:
            parts.append("\t")
        elif tag in (BR, CR):
            parts.append("\n")
        elif tag == P:  # a paragraph inside a text box
            parts.append("\n")
            stack.extend(reversed(element))
        else:
            stack.extend(reversed(element))
    return "".join(parts)


def _cell_text(cell: Any) -> str:
    """A table cell's text: its paragraphs joined by a space."""
    texts = (paragraph_text(p).replace("\t", " ").replace("\n", " ") for p in cell.iter(P))
    return " ".join(text for text in texts if text.strip())


def _cells_of(row: Any) -> Iterator[Any]:
    """The w:tc of a row, also those wrapped in content controls."""
    for child in row:
        if child.tag == TC:
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _cells_of(content)


def _pad(cells: list[str], count: int, path: str) -> None:
    """Append ``count`` empty cells, refusing a row wider than any real table first."""
    if len(cells) + count > _MAX_ROW_CELLS:
        raise InputError(path, "表格行的单元格数异常 / a table row with an absurd number of cells")
    cells.extend([""] * count)


def _row_cells(row: Any, path: str) -> list[str]:
    properties = row.find(W + "trPr")
    cells: list[str] = []
    _pad(cells, _int_val(properties, W + "gridBefore", 0), path)
    for cell in _cells_of(row):
        tc_properties = cell.find(W + "tcPr")
        span = _int_val(tc_properties, W + "gridSpan", 1) or 1
        merge = _val(tc_properties, W + "vMerge")
        continued = merge is not None and merge != "restart"
        if _val(tc_properties, W + "hMerge") not in (None, "restart"):
            continued = True  # the legacy horizontal merge: a continuation column
        _pad(cells, 1, path)
        cells[-1] = "" if continued else _cell_text(cell)
        _pad(cells, span - 1, path)
    _pad(cells, _int_val(properties, W + "gridAfter", 0), path)
    return cells


class _Reader:
    def __init__(self, path: str, limits: Limits) -> None:
        self.path = path
        self.lines: list[Line] = []
        self.deadline = Deadline(path, limits)
        self.tally = SizeTally(path, limits)
        self.after_table = False  # the last element read was a table

    def emit(self, cells: tuple[str, ...]) -> None:
        self.lines.append(Line(cells=cells, source=Source(file=self.path, line=len(self.lines) + 1)))

    def paragraph(self, element: Any) -> None:
        for visual_line in paragraph_text(element).split("\n"):
            self.emit(tuple(visual_line.split("\t")))
        self.tally.add(1, 1)

    def table(self, element: Any) -> None:
        if element.find(f".//{TBL}") is not None:  # a layout table: its cells are blocks of the page
            for row in element.iter(TR):
                if _owner(row) is element:
                    for cell in _cells_of(row):
                        self.block(cell)
            return
        grid = element.find(W + "tblGrid")
        width = len(grid.findall(W + "gridCol")) if grid is not None else 0
        rows = [_row_cells(row, self.path) for row in element.iter(TR) if _owner(row) is element]
        width = max([width, *(len(row) for row in rows)])
        self.tally.columns(width)
        self.tally.add(len(rows), len(rows) * width)
        for row in rows:
            self.deadline.check()
            self.emit(tuple(row + [""] * (width - len(row))))

    def block(self, container: Any) -> None:
        for child in container:
            if child.tag == P:
                if self.after_table and paragraph_text(child).strip():
                    self.emit(("",))  # the gap after a table, as extracted text has it
                self.after_table = False
                self.paragraph(child)
            elif child.tag == TBL:
                if self.after_table:
                    self.emit(("",))
                self.table(child)
                self.after_table = True
            elif child.tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self.block(content)
            self.deadline.check()


def _owner(row: Any) -> Any:
    """The w:tbl a w:tr belongs to (rows of nested tables belong to their own table)."""
    parent = row.getparent()
    while parent is not None and parent.tag != TBL:
        parent = parent.getparent()
    return parent


def body_lines(path: str, body: Any, limits: Limits) -> list[Line]:
    """The Lines of a w:body element, in order."""
    reader = _Reader(path, limits)
    reader.block(body)
    return reader.lines
