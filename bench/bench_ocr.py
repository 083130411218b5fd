"""Scanned-PDF reading: OCR throughput against the text path, and accuracy against the goldens.

Each corpus PDF is rasterised at 200 dpi (pdftoppm, grey) and put back into an image-only PDF
(Pillow), as tests/read/ocr builds its scan. In the same process, per document:

- the text path (``read.pdf.read_pdf`` on the original PDF), the named baseline;
- the OCR path (``read.ocr.read_pdf_ocr`` on the scan);
- pages per second of each (wall clock, the first OCR call's model loading included once),
  and the ratio text / OCR;
- every golden cell (tests/golden/corpus) against the OCR reading: the share read exactly, the
  wrong ones the reading listed (low confidence, unreadable, code slips), the wrong ones it
  did not list, rows whose code or name differs (listed or not), and how many places the
  reading listed in all (most of them read right: the cost of looking at them).

Usage: .venv/bin/python bench/bench_ocr.py [--verbose] [files…]    (not a timed test)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "read" / "ocr"))

from ocr_corpus import CORPUS, GOLDEN, make_scan, score  # noqa: E402

from yusuan.read.ocr import ocr_problems, read_pdf_ocr  # noqa: E402
from yusuan.read.pdf import read_pdf  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--verbose", action="store_true", help="print every wrong cell")
    args = parser.parse_args()
    files = args.files or CORPUS
    print(
        f"{'document':52} {'pages':>5} {'text p/s':>9} {'OCR p/s':>8} {'ratio':>7} "
        f"{'cells':>6} {'exact':>8} {'listed':>6} {'missed':>6} "
        f"{'labels listed/missed':>20} {'listed in all':>13}"
    )
    total_pages = total_ocr = total_text = 0.0
    total_cells = total_exact = 0
    for pdf in files:
        data = pdf.read_bytes()
        start = time.perf_counter()
        text = read_pdf(pdf, data)
        text_seconds = time.perf_counter() - start
        scan = make_scan(pdf)
        start = time.perf_counter()
        reading = read_pdf_ocr(f"{pdf.stem}-scan.pdf", scan)
        problems = ocr_problems(reading)
        ocr_seconds = time.perf_counter() - start
        golden = json.loads((GOLDEN / f"{pdf.stem}.json").read_text(encoding="utf-8"))
        result = score(reading, golden, problems)
        pages = text.page_count
        print(
            f"{pdf.stem:52} {pages:5d} {pages / text_seconds:9.1f} {pages / ocr_seconds:8.3f} "
            f"{ocr_seconds / text_seconds:6.0f}× {result.cells:6d} {100 * result.exact_share:7.2f}% "
            f"{result.flagged:6d} {len(result.unflagged):6d} "
            f"{len(result.labels_listed):18d}/{len(result.labels_wrong)} {len(problems):13d}",
            flush=True,
        )
        if args.verbose:
            for line in [*result.unflagged, *result.labels_listed, *result.labels_wrong]:
                print("   ", line)
        total_pages += pages
        total_ocr += ocr_seconds
        total_text += text_seconds
        total_cells += result.cells
        total_exact += result.exact
    print(
        f"{'total':52} {total_pages:5.0f} {total_pages / total_text:9.1f} {total_pages / total_ocr:8.3f} "
        f"{total_ocr / total_text:6.0f}× {total_cells:6d} {100 * total_exact / max(total_cells, 1):7.2f}%"
    )


if __name__ == "__main__":
    main()
