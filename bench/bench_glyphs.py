"""In-process: yusuan's whole read + check against raw pypdfium2 glyph extraction, same process.

The baseline is the least any text-PDF reader on PDFium must do: open the document and, for every
page, load it and its text page, get the text and every character's loose box through ctypes. yusuan
does that and then everything else: rulings, lattice, lines, stitched tables, profile, narrative,
statements, and every rule of the checker. Runs alternate, best CPU time (``time.process_time``) of
``--repeat`` kept; the summary is the geometric mean of the per-document ratios (yusuan / baseline).

Usage: .venv/bin/python bench/bench_glyphs.py [--repeat N] [files…]    (not a timed test)
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


def main() -> None:
    parser = argparse.ArgumentParser(description="读取+审核 对 原始字形提取 / read+check vs raw glyphs")
    parser.add_argument("files", nargs="*", type=Path, help="PDF 文件；缺省为语料库 / default: the corpus")
    parser.add_argument("--repeat", type=int, default=5, help="每项运行次数 / runs of each")
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


if __name__ == "__main__":
    main()
