"""An HTML element tree -> Lines, in document order.

Text outside tables becomes one Line per block (heading, paragraph, list item, division, or
a piece of one separated by <br>), white space collapsed as a browser shows it; text in
<pre> keeps its lines and is split at tabs, as the text reader does. Each <table> row gives one
Line with one cell per grid column: a cell spanning columns or rows (colspan/rowspan) keeps its
text in its first column of its first row and leaves empty strings in the rest; a blank Line
follows the table, the gap extracted text shows after a table. A table that
holds another table in a cell is a layout table: its cells are read as blocks, in order.
Source: the file and the line of the element in the HTML source.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from yusuan.model import Source
from yusuan.read.html.tree import Node
from yusuan.read.limits import Deadline, SizeTally
from yusuan.read.lines import Line

SKIP = frozenset(
    {"head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "select"}
)
BLOCK = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset"
    " figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p"
    " section summary ul".split()
)
_WHITESPACE = re.compile(r"\s+")
MAX_ROWSPAN = 65_534


_NOT_DISPLAYED = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def skipped(node: Node) -> bool:
    """True for what a browser does not show: scripts, styles, the head, hidden elements."""
    return (
        node.tag in SKIP or "hidden" in node.attrs or bool(_NOT_DISPLAYED.search(node.attrs.get("style", "")))
    )


def _collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def _span(value: str | None, limit: int) -> int:
    try:
        number = int((value or "1").strip())
    except ValueError:
        return 1
    return min(max(number, 1), limit)


def _text_under(node: Node, separator: Callable[[Node], str]) -> str:
    """The text under ``node`` in document order (scripts and styles left out); each element
    contributes ``separator(element)`` before its children."""
    parts: list[str] = []
    stack: list[Node | str] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
        elif not skipped(item):
            parts.append(separator(item))
            stack.extend(reversed(item.children))
    return "".join(parts)


def _space_between_blocks(item: Node) -> str:
    return " " if item.tag == "br" or item.tag in BLOCK or item.tag in ("td", "th", "tr") else ""


def inline_text(node: Node) -> str:
    """All the text under ``node`` (scripts and styles left out), blocks and <br> as spaces."""
    return _collapse(_text_under(node, _space_between_blocks))


def _rows(table: Node) -> list[Node]:
    """The table's own rows, as a browser shows them: header rows, body rows, footer rows last."""
    head: list[Node] = []
    body: list[Node] = []
    foot: list[Node] = []
    for child in table.children:
        if isinstance(child, str) or skipped(child):
            continue
        if child.tag == "tr":
            body.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows = [r for r in child.children if isinstance(r, Node) and r.tag == "tr" and not skipped(r)]
            {"thead": head, "tbody": body, "tfoot": foot}[child.tag].extend(rows)
    return head + body + foot


def _cells(row: Node) -> list[Node]:
    return [c for c in row.children if isinstance(c, Node) and c.tag in ("td", "th") and not skipped(c)]


def _has_table(node: Node) -> bool:
    stack: list[Node | str] = list(node.children)
    while stack:
        item = stack.pop()
        if isinstance(item, Node):
            if item.tag == "table":
                return True
            stack.extend(item.children)
    return False


class _Walker:
    def __init__(self, path: str, tally: SizeTally, deadline: Deadline) -> None:
        self.path = path
        self.tally = tally
        self.deadline = deadline
        self.lines: list[Line] = []
        self.buffer: list[str] = []
        self.buffer_line = 1

    def emit(self, cells: tuple[str, ...], line: int) -> None:
        self.lines.append(Line(cells=cells, source=Source(file=self.path, line=line)))

    def flush(self) -> None:
        text = _collapse("".join(self.buffer))
        self.buffer = []
        if text:
            self.tally.add(1, 1)
            self.emit((text,), self.buffer_line)

    def text(self, data: str, line: int) -> None:
        if not self.buffer:
            self.buffer_line = line
        self.buffer.append(data)

    def walk(self, node: Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.text(child, node.line)
                continue
            tag = child.tag
            if skipped(child):
                continue
            if tag == "br":
                self.flush()
            elif tag == "pre":
                self.flush()
                self.pre(child)
            elif tag == "table":
                self.flush()
                self.table(child)
            elif tag in BLOCK:
                self.flush()
                self.buffer_line = child.line
                self.walk(child)
                self.flush()
            else:
                self.walk(child)

    def pre(self, node: Node) -> None:
        text = inline_text_keep(node)
        for offset, raw in enumerate(text.strip("\n").split("\n")):
            if raw.strip():
                self.tally.add(1, 1)
                self.emit(tuple(raw.rstrip("\r").split("\t")), node.line + offset)

    def table(self, node: Node) -> None:
        rows = _rows(node)
        if any(_has_table(cell) for row in rows for cell in _cells(row)):
            for row in rows:  # a layout table: its cells are blocks of the page
                for cell in _cells(row):
                    self.flush()
                    self.walk(cell)
                    self.flush()
            return
        for child in node.children:
            if isinstance(child, Node) and child.tag == "caption":
                self.buffer_line = child.line
                self.walk(child)
                self.flush()
        grid: list[list[str]] = []
        taken: set[tuple[int, int]] = set()
        limit = self.tally.limits.max_columns
        for r, row in enumerate(rows):
            self.deadline.check()
            while len(grid) <= r:
                grid.append([])
            c = 0
            for cell in _cells(row):
                while (r, c) in taken:
                    c += 1
                colspan = _span(cell.attrs.get("colspan"), limit)
                rowspan = min(_span(cell.attrs.get("rowspan"), MAX_ROWSPAN), len(rows) - r)
                self.tally.columns(c + colspan)
                self.tally.add(0, colspan * rowspan)
                for dr in range(rowspan):
                    for dc in range(colspan):
                        taken.add((r + dr, c + dc))
                        while len(grid) <= r + dr:
                            grid.append([])
                        target = grid[r + dr]
                        target.extend([""] * (c + dc + 1 - len(target)))
                        target[c + dc] = inline_text(cell) if dr == dc == 0 else ""
                c += colspan
        width = max((len(row) for row in grid), default=0)
        self.tally.add(len(rows), 0)
        for row_node, cells in zip(rows, grid, strict=False):
            self.emit(tuple(cells + [""] * (width - len(cells))), row_node.line)
        if rows:
            self.emit(("",), node.line)  # the gap after a table: the assembly ends a block of rows there


def inline_text_keep(node: Node) -> str:
    """The text under a <pre>, white space as written (a <br> is a new line)."""
    return _text_under(node, lambda item: "\n" if item.tag == "br" else "")


def tree_lines(path: str, root: Node, tally: SizeTally, deadline: Deadline) -> list[Line]:
    """The Lines of a parsed HTML page, in document order."""
    walker = _Walker(path, tally, deadline)
    walker.walk(root)
    walker.flush()
    return walker.lines
