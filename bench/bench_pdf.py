"""Text-PDF reading speed: yusuan's fast reader against pdfplumber's extract_tables.

Both run on the same corpus files in the same process; each document is read ``--repeat``
times by each reader, alternating, and each reader's best time is kept (its least
disturbed run). Printed per document and in
total: pages, our whole-document read time (glyphs, rulings, lattice, lines, stitched
tables, profile detection), pdfplumber's open + ``extract_tables`` on every page, pages
per second, the ratio, and the peak of Python memory during our read (tracemalloc:
Python allocations only, PDFium's own C heap is not seen by it).

Usage: .venv/bin/python bench/bench_pdf.py [--repeat N] [files…]    (not a timed test)
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from yusuan.read.pdf import read_pdf

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"


def _ours(path: Path, data: bytes) -> int:
    return read_pdf(path, data).page_count


def _pdfplumber(path: Path, data: bytes) -> int:
    del data
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
        return len(pdf.pages)


def _timed(run: Callable[[Path, bytes], int], path: Path, data: bytes) -> tuple[float, int]:
    start = time.perf_counter()
    pages = run(path, data)
    return time.perf_counter() - start, pages


def _best_of(path: Path, data: bytes, repeat: int) -> tuple[float, float, int]:
    """Best time of each reader; the runs alternate so that a busy machine slows both alike."""
    ours = theirs = float("inf")
    pages = 0
    for _ in range(repeat):
        elapsed, pages = _timed(_ours, path, data)
        ours = min(ours, elapsed)
        theirs = min(theirs, _timed(_pdfplumber, path, data)[0])
    return ours, theirs, pages


def _peak(path: Path, data: bytes) -> int:
    tracemalloc.start()
    try:
        _ours(path, data)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description="yusuan 文本 PDF 读取速度 / text-PDF reading speed")
    parser.add_argument("files", nargs="*", type=Path, help="PDF 文件；缺省为语料库 / default: the corpus")
    parser.add_argument("--repeat", type=int, default=5, help="每个文件重复次数 / runs per file")
    args = parser.parse_args()
    files = args.files or sorted(CORPUS.glob("*.pdf"))
    for path in files:  # warm both paths (imports, font caches) before timing
        data = path.read_bytes()
        _ours(path, data)
        _pdfplumber(path, data)
    header = (
        f"{'document':<52} {'pages':>5} {'yusuan s':>9} {'pdfplumber s':>12} "
        f"{'p/s':>7} {'ratio':>6} {'peak MiB':>8}"
    )
    print(header)
    print("-" * len(header))
    total_ours = total_theirs = 0.0
    total_pages = 0
    for path in files:
        data = path.read_bytes()
        ours, theirs, pages = _best_of(path, data, args.repeat)
        peak = _peak(path, data) / 2**20
        total_ours += ours
        total_theirs += theirs
        total_pages += pages
        print(
            f"{path.stem[:52]:<52} {pages:>5} {ours:>9.3f} {theirs:>12.3f} "
            f"{pages / ours:>7.0f} {theirs / ours:>5.1f}x {peak:>8.1f}"
        )
    print("-" * len(header))
    print(
        f"{'total':<52} {total_pages:>5} {total_ours:>9.3f} {total_theirs:>12.3f} "
        f"{total_pages / total_ours:>7.0f} {total_theirs / total_ours:>5.1f}x"
    )
    print(
        f"\nyusuan 比 pdfplumber extract_tables 快 {total_theirs / total_ours:.1f} 倍 / faster by this ratio"
    )


if __name__ == "__main__":
    main()
