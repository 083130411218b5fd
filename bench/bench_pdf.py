"""Text-PDF reading speed: yusuan's fast reader against pdfplumber's extract_tables.

Both run on the same corpus files in the same process. Each document is read
``--repeat`` times by each reader, the two alternating, and each reader's best run is
kept. Time is measured twice: CPU time of this process (``time.process_time``: steady
when other work shares the machine) and wall-clock time (``time.perf_counter``).

``--stage`` chooses what of yusuan is timed: ``check`` (the default, what a reviewer runs:
the whole document read into a Disclosure — glyphs, rulings, lattice, lines in reading
order, stitched tables, profile, narrative, statements — and every rule of the checker),
``document`` (the Disclosure without the checker) or ``read`` (the PDF reading alone).

Printed per document and in total: pages, yusuan's time for the stage, pdfplumber's open
+ ``extract_tables`` on every page, pages per second, the ratio, and the peak of Python
memory during our read (tracemalloc: Python allocations only; PDFium's C heap is not
seen by it, and is freed page by page).

Usage: .venv/bin/python bench/bench_pdf.py [--repeat N] [files…]    (not a timed test)
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from yusuan import api
from yusuan.read import read_document
from yusuan.read.pdf import read_pdf

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"

Reader = Callable[[Path, bytes], int]


def _read(path: Path, data: bytes) -> int:
    return read_pdf(path, data).page_count


def _document(path: Path, data: bytes) -> int:
    del data
    disclosure = read_document(path)
    return max((t.source.page or 0 for t in disclosure.tables.values() if t.source), default=0)


def _check(path: Path, data: bytes) -> int:
    del data
    api.check_disclosure(read_document(path))
    return 0


STAGES: dict[str, Reader] = {"read": _read, "document": _document, "check": _check}
_ours: Reader = _check


def _pdfplumber(path: Path, data: bytes) -> int:
    del data
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
        return len(pdf.pages)


@dataclass
class Best:
    cpu: float = float("inf")
    wall: float = float("inf")

    def run(self, reader: Reader, path: Path, data: bytes) -> int:
        cpu, wall = time.process_time(), time.perf_counter()
        pages = reader(path, data)
        self.cpu = min(self.cpu, time.process_time() - cpu)
        self.wall = min(self.wall, time.perf_counter() - wall)
        return pages


def _peak(path: Path, data: bytes) -> int:
    tracemalloc.start()
    try:
        _ours(path, data)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _line(name: str, pages: int, ours: Best, theirs: Best, peak: str) -> str:
    return (
        f"{name[:50]:<50} {pages:>5} {ours.cpu:>8.3f} {theirs.cpu:>8.3f} {pages / ours.cpu:>6.0f} "
        f"{theirs.cpu / ours.cpu:>6.1f}x {theirs.wall / ours.wall:>6.1f}x {peak:>8}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="yusuan 文本 PDF 读取速度 / text-PDF reading speed")
    parser.add_argument("files", nargs="*", type=Path, help="PDF 文件；缺省为语料库 / default: the corpus")
    parser.add_argument("--repeat", type=int, default=5, help="每个文件重复次数 / runs per file")
    parser.add_argument(
        "--stage",
        choices=sorted(STAGES),
        default="check",
        help="计时的阶段：读取+审核（默认）、读为 Disclosure、仅读 PDF / what to time",
    )
    args = parser.parse_args()
    global _ours
    _ours = STAGES[args.stage]
    files = args.files or sorted(CORPUS.glob("*.pdf"))
    for path in files:  # warm both readers (imports, caches) before timing
        data = path.read_bytes()
        _ours(path, data)
        _pdfplumber(path, data)
    header = (
        f"{'document':<50} {'pages':>5} {'yusuan':>8} {'plumber':>8} {'p/s':>6} "
        f"{'ratio':>7} {'wall':>7} {'peak MiB':>8}"
    )
    print(f"stage: {args.stage}; CPU seconds (best of {args.repeat} runs); ratio = pdfplumber / yusuan")
    print(header)
    print("-" * len(header))
    total_ours, total_theirs, total_pages = Best(0.0, 0.0), Best(0.0, 0.0), 0
    for path in files:
        data = path.read_bytes()
        ours, theirs = Best(), Best()
        pages = 0
        for _ in range(args.repeat):  # alternate, so that a busy machine slows both alike
            ours.run(_ours, path, data)
            pages = theirs.run(_pdfplumber, path, data)
        peak = _peak(path, data) / 2**20
        print(_line(path.stem, pages, ours, theirs, f"{peak:.1f}"))
        total_pages += pages
        total_ours.cpu += ours.cpu
        total_ours.wall += ours.wall
        total_theirs.cpu += theirs.cpu
        total_theirs.wall += theirs.wall
    print("-" * len(header))
    print(_line("total", total_pages, total_ours, total_theirs, ""))
    ratio = total_theirs.cpu / total_ours.cpu
    what = {"check": "读取并审核", "document": "读为 Disclosure", "read": "读取"}[args.stage]
    print(f"\nyusuan {what}比 pdfplumber extract_tables 快 {ratio:.1f} 倍（CPU 时间）")
    print(f"yusuan ({args.stage}) is {ratio:.1f}x faster than pdfplumber extract_tables (CPU time)")


if __name__ == "__main__":
    main()
