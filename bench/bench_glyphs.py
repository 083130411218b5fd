"""In-process: yusuan's whole read + check against raw pypdfium2 glyph extraction, same process.

The baseline is the least any text-PDF reader on PDFium must do: open the document and, for every
page, load it and its text page, get the text and every character's loose box through ctypes. yusuan
does that and then everything else: rulings, lattice, lines, stitched tables, profile, narrative,
statements, and every rule of the checker. Runs alternate, best CPU time (``time.process_time``) of
``--repeat`` kept; the summary is the geometric mean of the per-document ratios (yusuan / baseline).

``--split`` prints, per document, where yusuan's CPU goes: the page and text-page loading and the
glyph boxes (what the baseline also does), the rulings, lattice, grids and text lines of the
pages, the reading (lines, stitched tables, profile), the assembling of the Disclosure and the
rules; each stage is timed on its own, best of ``--repeat``, so the stages need not add up to the
whole exactly.

Usage: .venv/bin/python bench/bench_glyphs.py [--repeat N] [--split] [files…]    (not a timed test)
"""

from __future__ import annotations

import argparse
import ctypes
import math
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from yusuan import api
from yusuan.check import engine
from yusuan.check.context import Context
from yusuan.read.limits import DEFAULT_LIMITS
from yusuan.read.pdf import reading_of
from yusuan.read.pdf.disclosure import disclosure_from_reading
from yusuan.read.pdf.fast import open_document, read_layouts
from yusuan.read.pdf.grids import build_grid, outside_grids
from yusuan.read.pdf.lattice import find_tables
from yusuan.read.pdf.pdfium_page import Display, page_edges, page_glyphs
from yusuan.read.pdf.textrows import text_rows

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"


def raw_glyphs(path: Path) -> int:
    """Characters and their boxes of every page, nothing else."""
    document = pdfium.PdfDocument(path.read_bytes())
    count = 0
    rect = pdfium_c.FS_RECTF()
    try:
        for page in document:
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            for index in range(len(text)):
                count += pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, index, ctypes.byref(rect))
            textpage.close()
            page.close()
    finally:
        document.close()
    return count


def read_and_check(path: Path) -> int:
    return len(api.check(path).findings)


def _best(run: Callable[[Path], int], path: Path, best: float) -> float:
    start = time.process_time()
    run(path)
    return min(best, time.process_time() - start)


STAGES = ("pages", "text pages", "glyph boxes", "rulings", "lattice", "grids", "text lines")
LATER = ("reading", "assembling", "rules")


def _page_stages(path: Path, data: bytes) -> dict[str, float]:
    """CPU of each step of ``fast.read_layouts``, the steps taken one by one as it takes them."""
    clock = time.process_time
    spent = dict.fromkeys(STAGES, 0.0)
    document = open_document(str(path), data, DEFAULT_LIMITS)
    try:
        for index in range(len(document)):
            t0 = clock()
            page = document[index]
            display = Display(page)
            t1 = clock()
            page.get_textpage().close()  # timed alone: page_glyphs loads it again
            t2 = clock()
            glyphs = page_glyphs(page, display, DEFAULT_LIMITS)
            t3 = clock()
            edges, _images = page_edges(page, display, DEFAULT_LIMITS)
            t4 = clock()
            tables = find_tables(edges, DEFAULT_LIMITS.max_rulings_per_page)
            t5 = clock()
            grids = tuple(build_grid(index + 1, cells, glyphs) for cells in tables)
            t6 = clock()
            text_rows(outside_grids(glyphs, grids))
            t7 = clock()
            page.close()
            t8 = clock()
            spent["pages"] += (t1 - t0) + (t8 - t7)
            spent["text pages"] += t2 - t1
            spent["glyph boxes"] += (t3 - t2) - (t2 - t1)
            spent["rulings"] += t4 - t3
            spent["lattice"] += t5 - t4
            spent["grids"] += t6 - t5
            spent["text lines"] += t7 - t6
    finally:
        document.close()
    return spent


def _split(path: Path, repeat: int) -> dict[str, float]:
    data = path.read_bytes()
    best = dict.fromkeys((*STAGES, *LATER), math.inf)
    layouts = list(read_layouts(str(path), data, DEFAULT_LIMITS))
    reading = reading_of(str(path), layouts, None)
    disclosure = disclosure_from_reading(reading)
    clock = time.process_time
    for _ in range(repeat):
        for stage, seconds in _page_stages(path, data).items():
            best[stage] = min(best[stage], seconds)
        t0 = clock()
        reading_of(str(path), layouts, None)
        t1 = clock()
        disclosure_from_reading(reading)
        t2 = clock()
        engine.run(Context(disclosure))
        t3 = clock()
        best["reading"] = min(best["reading"], t1 - t0)
        best["assembling"] = min(best["assembling"], t2 - t1)
        best["rules"] = min(best["rules"], t3 - t2)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description="读取+审核 对 原始字形提取 / read+check vs raw glyphs")
    parser.add_argument("files", nargs="*", type=Path, help="PDF 文件；缺省为语料库 / default: the corpus")
    parser.add_argument("--repeat", type=int, default=5, help="每项运行次数 / runs of each")
    parser.add_argument("--split", action="store_true", help="分阶段 CPU 时间 / CPU by stage")
    args = parser.parse_args()
    files = args.files or sorted(CORPUS.glob("*.pdf"))
    read_and_check(files[0])  # imports and reference data once, as a warm worker has them
    print("| document | read+check s (CPU) | raw glyphs s (CPU) | ratio |")
    print("|---|---:|---:|---:|")
    ratios = []
    for path in files:
        ours = theirs = math.inf
        for _ in range(args.repeat):
            ours = _best(read_and_check, path, ours)
            theirs = _best(raw_glyphs, path, theirs)
        ratios.append(ours / theirs)
        print(f"| {path.stem} | {ours:.3f} | {theirs:.3f} | {ratios[-1]:.2f}× |")
    mean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f"| **geometric mean** | | | **{mean:.2f}×** |")
    if args.split:
        print()
        print("| document | " + " | ".join(f"{stage} ms" for stage in (*STAGES, *LATER)) + " |")
        print("|---|" + "---:|" * (len(STAGES) + len(LATER)))
        for path in files:
            best = _split(path, args.repeat)
            print(f"| {path.stem} | " + " | ".join(f"{best[s] * 1000:.1f}" for s in (*STAGES, *LATER)) + " |")


if __name__ == "__main__":
    main()
