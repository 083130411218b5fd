"""Assertions shared by the format tests: a table read back holds the Disclosure's cells."""

from __future__ import annotations

from html.parser import HTMLParser

from yusuan.check.readback import compare_table
from yusuan.model import Disclosure, Table
from yusuan.reference.profiles import load_profile


def assert_rows_read_back(table: Table, matrix: list[list[str]]) -> int:
    """Every row of ``table`` is in ``matrix``: its name, then its labels and amounts in column order.

    Returns the number of amount cells compared.
    """
    spec = load_profile("shanxi").table(table.id)
    assert spec is not None
    label_keys = [c.key for c in spec.labels]
    compared = 0
    for row in table.rows:
        keys = [c.key for c in table.columns if c.side == row.side]
        expected = [row.name, *(row.labels.get(k, "") for k in label_keys if row.side is None)]
        expected += [row.cell(table, k).text for k in keys]  # type: ignore[union-attr]
        hits = [
            line[start : start + len(expected)]
            for line in matrix
            for start in range(len(line))
            if line[start] == row.name
        ]
        assert expected in hits, f"{table.id}: row {row.name!r} expected {expected}, found {hits}"
        if row.code is not None and spec.layout in ("coded", "side_by_side_coded"):
            assert any(
                line[i] == row.code and line[i + 1] == row.name
                for line in matrix
                for i in range(len(line) - 1)
            ), f"{table.id}: code {row.code} not before {row.name}"
        compared += len(keys)
    return compared


def tables_in_order(disclosure: Disclosure) -> list[Table]:
    return list(disclosure.tables.values())


class HtmlTables(HTMLParser):
    """Tables as matrices (spans expanded), with their header rows and <caption>."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict[str, object]] = []
        self.lang = ""
        self._cell: list[str] | None = None
        self._section = ""
        self._spans: list[tuple[int, int]] = []
        self._id: str | None = None
        self.ids: dict[str, str] = {}  # element id -> its text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang") or ""
        elif tag == "table":
            self.tables.append({"head": [], "body": [], "merged": 0})
        elif tag in ("thead", "tbody"):
            self._section = tag
        elif tag == "tr":
            key = "head" if self._section == "thead" else "body"
            self.tables[-1][key].append([])  # type: ignore[union-attr]
            self._spans = []
        elif tag in ("td", "th"):
            self._cell = []
            span = (int(a.get("colspan") or 1), int(a.get("rowspan") or 1))
            if span != (1, 1):
                self.tables[-1]["merged"] += 1  # type: ignore[operator]
            self._spans.append(span)
        if tag == "table":
            self.tables[-1]["labelled_by"] = a.get("aria-labelledby") or ""
        if a.get("id"):
            self._id = a["id"]
            self.ids[self._id] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            key = "head" if self._section == "thead" else "body"
            colspan = self._spans[-1][0]
            self.tables[-1][key][-1].extend(["".join(self._cell)] * colspan)  # type: ignore[index]
            self._cell = None
        elif self._id is not None:
            self._id = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._id is not None:
            self.ids[self._id] += data


def parse_html_tables(text: str) -> HtmlTables:
    parser = HtmlTables()
    parser.feed(text)
    return parser


def same_cells(expected: Table, got: Table) -> tuple[int, list[str]]:
    """Cells compared, and every difference (amounts as exact values; blank is None)."""
    return compare_table(expected, got)
