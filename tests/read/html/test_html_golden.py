"""The seed written as a web page (headings and paragraphs, tables with colspan/rowspan headers)
reads back to the golden, in UTF-8 and in GBK."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from seed_layout import Block, Grid, Paragraph

from yusuan.model import Disclosure
from yusuan.model.serialize import disclosure_to_json
from yusuan.read import read_document


def page(blocks: list[Block], charset: str = "utf-8") -> str:
    out = [
        "<!DOCTYPE html>",
        f'<html lang="zh-CN"><head><meta charset="{charset}"><title>预算公开</title>',
        "<style>td { border: 1px solid }</style></head>",
        "<body>",
    ]
    for block in blocks:
        if isinstance(block, Paragraph):
            if block.text.strip():
                tag = "h2" if block.text.startswith("第") else "p"
                out.append(f"<{tag}>{html.escape(block.text)}</{tag}>")
            continue
        assert isinstance(block, Grid)
        covered = block.covered()
        out.append('<table class="budget">')
        for r, cells in enumerate(block.rows):
            out.append("  <tr>")
            for c, text in enumerate(cells):
                if (r, c) in covered:
                    continue
                rows, columns = block.span(r, c)
                attrs = (f' rowspan="{rows}"' if rows > 1 else "") + (
                    f' colspan="{columns}"' if columns > 1 else ""
                )
                tag = "td" if block.data[r] else "th"
                out.append(f"    <{tag}{attrs}>{html.escape(text)}</{tag}>")
            out.append("  </tr>")
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


@pytest.fixture(scope="module")
def seed_html(seed_layout: list[Block], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "seed.html"
    path.write_text(page(seed_layout), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def read(seed_html: Path) -> Disclosure:
    return read_document(seed_html)


def test_the_page_has_merged_headers(seed_html: Path) -> None:
    text = seed_html.read_text(encoding="utf-8")
    assert text.count("colspan=") > 40 and text.count("rowspan=") > 5


def test_tables_cell_by_cell(
    read: Disclosure,
    golden: dict[str, Any],
    compare_tables: Callable[[Disclosure, dict[str, Any], bool], int],
) -> None:
    assert compare_tables(read, golden, False) == 714


def test_same_disclosure_as_the_text(
    read: Disclosure, seed_as_text: Disclosure, plain: Callable[[Any], Any]
) -> None:
    assert plain(disclosure_to_json(read)) == plain(disclosure_to_json(seed_as_text))


def test_sources_are_lines_of_the_page(read: Disclosure, seed_html: Path) -> None:
    row = read.tables["income"].rows[3]
    assert row.source is not None and row.source.line is not None
    assert (
        "2010303" in seed_html.read_text(encoding="utf-8").split("\n")[row.source.line]
    )  # the <td> after <tr>


def test_a_gbk_page(
    seed_layout: list[Block],
    tmp_path: Path,
    golden: dict[str, Any],
    compare_tables: Callable[[Disclosure, dict[str, Any], bool], int],
) -> None:
    path = tmp_path / "seed-gbk.htm"
    path.write_bytes(page(seed_layout, charset="gb2312").encode("gb18030"))
    assert compare_tables(read_document(path), golden, False) == 714
