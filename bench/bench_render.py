"""Time to build all four formats of the seed example, against rendering its HTML only.

Run: .venv/bin/python bench/bench_render.py [repeats]
Prints seconds per format (best of the repeats) and the ratio to the baseline, measured in the
same run: the HTML page (layout + markup, no PDF engine). Not a test; nothing is asserted.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2

from yusuan.derive import derive_disclosure
from yusuan.model import Disclosure
from yusuan.render.document import build_document
from yusuan.render.files import FORMATS, WRITERS, render_files

ROOT = Path(__file__).resolve().parents[1]


def _seed_disclosure() -> Disclosure:
    spec = importlib.util.spec_from_file_location("seed", ROOT / "tests" / "derive" / "seed.py")
    assert spec is not None and spec.loader is not None
    seed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(seed)
    return derive_disclosure(seed.seed_budget(), seed.NAMES)


def _best(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    disclosure = _seed_disclosure()
    for fmt in FORMATS:  # warm up: imports, fontconfig, pango, font subsetting
        WRITERS[fmt](build_document(disclosure), False)
    baseline = _best(lambda: WRITERS["html"](build_document(disclosure), False), repeats)
    print(f"baseline: HTML only (layout + markup)   {baseline * 1000:8.1f} ms")
    print(f"derive: Budget -> Disclosure             {_best(_seed_disclosure, repeats) * 1000:8.1f} ms")
    for fmt in FORMATS:
        seconds = _best(lambda f=fmt: WRITERS[f](build_document(disclosure), False), repeats)
        print(
            f"{fmt:5s}                                   {seconds * 1000:8.1f} ms  x{seconds / baseline:7.1f}"
        )
    with tempfile.TemporaryDirectory() as folder:
        total = _best(lambda: render_files(disclosure, folder, "seed"), repeats)
        pages = len(pypdfium2.PdfDocument(Path(folder) / "seed.pdf"))
    print(f"all four formats, files written          {total * 1000:8.1f} ms  x{total / baseline:7.1f}")
    print(f"(best of {repeats}; {pages} PDF pages; {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
