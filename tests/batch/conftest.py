"""Fixtures of the batch tests: a folder of corpus PDFs, and the example across two years."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from two_years import build_years

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="session")
def years(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_years(tmp_path_factory.mktemp("years"))


@pytest.fixture
def corpus_folder(tmp_path: Path) -> Path:
    """Two corpus PDFs in nested folders, a README (not a disclosure) and a hidden file."""
    folder = tmp_path / "region"
    (folder / "putuo").mkdir(parents=True)
    shutil.copy(CORPUS / "shanghai-mof-bureau-2025-unit-budget.pdf", folder / "mof.pdf")
    shutil.copy(CORPUS / "shanghai-putuo-finance-bureau-2025-dept-budget.pdf", folder / "putuo" / "finance")
    (folder / "README.md").write_text("# 预算公开文件\n\n| a | b |\n", encoding="utf-8")
    (folder / ".hidden.pdf").write_bytes(b"%PDF-1.4 not really")
    return folder
