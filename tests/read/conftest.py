"""Fixtures for the DOCX, XLSX and HTML tests: the seed laid out as a document (seed_layout.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from seed_layout import GOLDEN, SEED, Block, layout, tables_against_golden, without_sources

from yusuan.model import Disclosure
from yusuan.read.text import read_text


@pytest.fixture(scope="session")
def seed_layout() -> list[Block]:
    return layout()


@pytest.fixture(scope="session")
def golden() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="session")
def seed_as_text() -> Disclosure:
    return read_text(str(SEED), SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def compare_tables() -> Callable[[Disclosure, dict[str, Any], bool], int]:
    return tables_against_golden


@pytest.fixture(scope="session")
def plain() -> Callable[[Any], Any]:
    return without_sources


@pytest.fixture
def small_docx(tmp_path: Path) -> Path:
    """A one-paragraph Word document written by python-docx."""
    document = docx.Document()
    document.add_paragraph("2025年预算收支总表")
    path = tmp_path / "small.docx"
    document.save(str(path))
    return path


@pytest.fixture
def small_xlsx(tmp_path: Path) -> Path:
    """A one-cell workbook written by openpyxl."""
    book = openpyxl.Workbook()
    book.active["A1"] = "2025年预算收支总表"
    path = tmp_path / "small.xlsx"
    book.save(path)
    return path
