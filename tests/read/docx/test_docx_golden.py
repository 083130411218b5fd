"""The seed written as a Word document (python-docx, merged headers) reads back to the golden."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from seed_layout import Block, Grid, Paragraph

from yusuan.model import Disclosure
from yusuan.model.serialize import disclosure_to_json
from yusuan.read import read_document


def write_docx(blocks: list[Block], path: Path) -> Path:
    document = docx.Document()
    for block in blocks:
        if isinstance(block, Paragraph):
            document.add_paragraph(block.text)
            continue
        assert isinstance(block, Grid)
        table = document.add_table(rows=len(block.rows), cols=len(block.rows[0]))
        table.style = "Table Grid"
        for r0, c0, r1, c1 in block.merges:
            table.cell(r0, c0).merge(table.cell(r1, c1))
        covered = block.covered()
        for r, (row, row_cells) in enumerate(zip(block.rows, table.rows, strict=True)):
            cells = row_cells.cells  # once per row: table.cell() lays out the whole grid each call
            for c, text in enumerate(row):
                if text and (r, c) not in covered:
                    cells[c].text = text
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def seed_docx(seed_layout: list[Block], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_docx(seed_layout, tmp_path_factory.mktemp("docx") / "seed.docx")


@pytest.fixture(scope="module")
def read(seed_docx: Path) -> Disclosure:
    return read_document(seed_docx)


def test_the_file_has_merged_headers(seed_docx: Path, seed_layout: list[Block]) -> None:
    body = docx.Document(str(seed_docx)).element.body.xml
    merges = [m for b in seed_layout if isinstance(b, Grid) for m in b.merges]
    vertical = [m for m in merges if m[0] != m[2]]
    assert len(merges) > 40 and len(vertical) > 5
    assert body.count("w:gridSpan") >= len(merges) - len(vertical)
    assert 'w:vMerge w:val="restart"' in body


def test_tables_cell_by_cell(
    read: Disclosure,
    golden: dict[str, Any],
    compare_tables: Callable[[Disclosure, dict[str, Any], bool], int],
) -> None:
    # Lines are numbered by their index: one per paragraph and per row, so they are the seed's lines
    assert compare_tables(read, golden, True) == 714


def test_same_disclosure_as_the_text(
    read: Disclosure, seed_as_text: Disclosure, plain: Callable[[Any], Any]
) -> None:
    assert plain(disclosure_to_json(read)) == plain(disclosure_to_json(seed_as_text))


def test_facts_and_sources(read: Disclosure, seed_docx: Path) -> None:
    assert read.facts.unit == "朔州市朔城区数字政府服务中心"
    assert read.facts.year == 2025
    assert read.source_file == str(seed_docx)
    row = read.tables["expenditure"].rows[0]
    assert row.source is not None and row.source.page is None and row.source.file == str(seed_docx)


def test_a_macro_enabled_copy_reads_the_same(
    seed_docx: Path,
    tmp_path: Path,
    golden: dict[str, Any],
    compare_tables: Callable[[Disclosure, dict[str, Any], bool], int],
) -> None:
    """python-docx opens only plain documents; the reader takes the main part of a .docm too."""
    path = tmp_path / "seed.docm"
    with zipfile.ZipFile(seed_docx) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            data = old.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    b"application/vnd.ms-word.document.macroEnabled.main+xml",
                )
                assert b"macroEnabled" in data
            new.writestr(name, data)
    assert compare_tables(read_document(path), golden, True) == 714
