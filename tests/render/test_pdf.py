"""PDF read back with pdfplumber: every glyph extracts, cells in order, headers repeat, fonts embedded."""

from __future__ import annotations

import copy
import io
import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from yusuan.model import Disclosure
from yusuan.render.document import chinese_quotes
from yusuan.render.files import render_bytes

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
        assert _flat(chinese_quotes(table.title)) in flat
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


def _front_pages(pages: list[str]) -> int:
    """The cover and the 目录: the pages before the first part's heading."""
    return next(i for i, p in enumerate(pages) if p.lstrip().startswith("第一部分"))


def test_long_tables_are_set_close_to_keep_to_one_page(pages: list[str]) -> None:
    """The 收支总表 (33 lines) fits its page: no row spills onto a second one."""
    first = next(i for i, p in enumerate(pages) if "2025年预算收支总表" in p and "收入 支出" in p)
    assert "支出总计" in pages[first]
    assert "本年收入合计 341.11 本年支出合计 341.11 341.11" in pages[first]
    assert "一、一般公共预算 341.11 一、一般公共服务支出 293.07 293.07" in pages[first]


def test_header_repeats_on_every_page_of_a_table(disclosure: Disclosure) -> None:
    """A table longer than a page prints its header rows again on the next page."""
    long = copy.deepcopy(disclosure)
    table = long.tables["expenditure"]
    table.rows = table.rows * 4  # 68 lines: more than a page holds even when set close
    pdf = render_bytes(long, "pdf")
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        pages = [page.extract_text() or "" for page in document.pages]
    on = [p for p in pages if "2010350 事业运行" in p]
    assert len(on) >= 2
    for page in on:
        assert "科目编码 科目名称" in page


def test_page_numbers_and_sizes(rendered: dict[str, Path], pages: list[str]) -> None:
    front = _front_pages(pages)
    assert front == 3  # the cover and a 目录 of two pages
    assert "目 录" in pages[1] or "目录" in pages[1]
    for number, text in enumerate(pages, start=1):
        if number <= front:
            assert "— " not in text  # the cover and the 目录 print no page number
        else:
            assert f"— {number} —" in text
    with pdfplumber.open(rendered["pdf"]) as pdf:
        sizes = {(round(p.width), round(p.height)) for p in pdf.pages}
    assert sizes == {(595, 842), (842, 595)}  # A4 portrait, A4 landscape for wide tables


def test_contents_print_the_pages_the_parts_are_on(pages: list[str]) -> None:
    contents = "\n".join(pages[1 : _front_pages(pages)])
    for part in ("第一部分 概况", "第二部分 2025年单位预算报表", "第四部分 名词解释"):
        line = next(line for line in contents.splitlines() if line.startswith(part))
        page = int(line.rsplit(maxsplit=1)[-1].strip("."))
        assert pages[page - 1].lstrip().startswith(part), f"{part} is not on page {page}"


def test_cover_breaks_the_title_at_sense(pages: list[str]) -> None:
    lines = [line.strip() for line in pages[0].splitlines() if line.strip()]
    assert lines[:3] == [
        "朔州市朔城区数字政府服务中心",
        "2025年度单位预算公开",
        "朔州市朔城区数字政府服务中心",
    ]


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) not installed")
def test_fonts_embedded(rendered: dict[str, Path]) -> None:
    out = subprocess.run(
        ["pdffonts", str(rendered["pdf"])], capture_output=True, text=True, check=True
    ).stdout
    fonts = [line.split() for line in out.splitlines()[2:]]
    names = {f[0].split("+")[-1] for f in fonts}
    assert {"Noto-Serif-CJK-SC", "Noto-Sans-CJK-SC"} <= names
    assert all(f[-5:-2] == ["yes", "yes", "yes"] for f in fonts)  # embedded, subset, ToUnicode
