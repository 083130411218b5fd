"""The corpus PDFs, read once per test session by each path."""

from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.read.pdf import PdfReading, read_pdf

ROOT = Path(__file__).resolve().parents[3]
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.pdf"))
GOLDEN = ROOT / "tests" / "golden" / "corpus"

_cache: dict[tuple[str, str], PdfReading] = {}


def corpus_reading(path: Path, backend: str = "fast") -> PdfReading:
    key = (str(path), backend)
    if key not in _cache:
        _cache[key] = read_pdf(path, backend=backend)
    return _cache[key]


@pytest.fixture(params=CORPUS, ids=lambda p: p.stem)
def corpus_pdf(request: pytest.FixtureRequest) -> Path:
    return request.param  # type: ignore[no-any-return]
