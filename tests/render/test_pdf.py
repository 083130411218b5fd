"""PDF read back with pdfplumber: every glyph extracts, cells in order, headers repeat, fonts embedded."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from yusuan.model import Disclosure

CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")


@pytest.fixture(scope="module")
def pages(rendered: dict[str, Path]) -> list[str]:
    with pdfplumber.open(rendered["pdf"]) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _expected_text(disclosure: Disclosure) -> str:
    parts = [disclosure.facts.title]
    for table in disclosure.tables.values():
        parts += [table.title, table.number or "", *table.notes, *(c.label for c in table.columns)]
        parts += [row.name for row in table.rows] + [v for row in table.rows for v in row.labels.values()]
    parts += [s.title + s.text for s in disclosure.sections]
    parts += [g.term + g.definition for g in disclosure.glossary]
    return "".join(parts)


def test_every_cjk_glyph_extracts(disclosure: Disclosure, pages: list[str]) -> None:
    text = "".join(pages)
    assert "(cid:" not in text and "\ufffd" not in text
    wanted = set(CJK.findall(_expected_text(disclosure)))
    missing = wanted - set(text)
    assert not missing, f"glyphs that do not extract: {''.join(sorted(missing))}"
    assert len(wanted) > 250  # the measure is not empty: 296 distinct CJK characters checked
    flat = _flat(text)
    lines = [line.split() for page in pages for line in page.splitlines()]
    for table in disclosure.tables.values():
        assert _flat(table.title) in flat
        for row in table.rows:
            assert _name_on_its_line(row.name, lines), row.name


def _name_on_its_line(name: str, lines: list[list[str]]) -> bool:
    """The name is a token of a line, or wraps: its head ends a line's token, its tail opens the next."""
    for index, tokens in enumerate(lines):
        for token in tokens:
            if token == name:
                return True
            if len(token) >= 4 and name.startswith(token) and index + 1 < len(lines):
                following = lines[index + 1]
                if following and name == token + following[0]:
                    return True
    return False


def test_cells_in_order_on_their_line(disclosure: Disclosure, pages: list[str]) -> None:
    lines = [line.split() for page in pages for line in page.splitlines()]
    checked = 0
    for table in disclosure.tables.values():
        for row in table.rows:
            amounts = [c.text for c in row.cells if c.text]
            if not amounts:
                continue
            found = any(
                tokens[i : i + len(amounts)] == amounts for tokens in lines for i in range(len(tokens))
            )
            assert found, f"{table.id} {row.name}: {amounts} not on one line in order"
            checked += 1
    assert checked == 90  # rows with an amount: 9 + 17 + 17 + 9 + 17 + 16 + 5 (tables 1-6, 12)


def test_coded_rows_print_code_name_and_amounts(disclosure: Disclosure, pages: list[str]) -> None:
    lines = [line for page in pages for line in page.splitlines()]
    table = disclosure.tables["expenditure"]
    for code in ("2010350", "2101102", "2210201"):
        row = table.row_by_code(code)
        assert row is not None
        assert " ".join([code, row.name, *(c.text for c in row.cells if c.text)]) in lines


def test_header_repeats_on_every_page_of_a_table(pages: list[str]) -> None:
    """The overview runs onto a second page; its header rows are printed there again."""
    first = next(i for i, p in enumerate(pages) if "2025年预算收支总表" in p)
    last = next(i for i, p in enumerate(pages) if "支出总计" in p)
    assert last == first + 1
    for page in (pages[first], pages[last]):
        assert "收入 支出" in page and "项目 2025年 项目" in page
    assert "本年收入合计 341.11 本年支出合计 341.11 341.11" in pages[last]
    assert "一、一般公共预算 341.11 一、一般公共服务支出 293.07 293.07" in pages[first]


def test_page_numbers_and_sizes(rendered: dict[str, Path], pages: list[str]) -> None:
    for number, text in enumerate(pages, start=1):
        assert f"— {number} —" in text
    with pdfplumber.open(rendered["pdf"]) as pdf:
        sizes = {(round(p.width), round(p.height)) for p in pdf.pages}
    assert sizes == {(595, 842), (842, 595)}  # A4 portrait, A4 landscape for wide tables


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) not installed")
def test_fonts_embedded(rendered: dict[str, Path]) -> None:
    out = subprocess.run(
        ["pdffonts", str(rendered["pdf"])], capture_output=True, text=True, check=True
    ).stdout
    fonts = [line.split() for line in out.splitlines()[2:]]
    names = {f[0].split("+")[-1] for f in fonts}
    assert {"Noto-Serif-CJK-SC", "Noto-Sans-CJK-SC"} <= names
    assert all(f[-5:-2] == ["yes", "yes", "yes"] for f in fonts)  # embedded, subset, ToUnicode
