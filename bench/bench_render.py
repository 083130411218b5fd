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
from decimal import Decimal
from pathlib import Path
from typing import Any

import pypdfium2

from yusuan.derive import derive_disclosure
from yusuan.model import Code, CodeKind, Disclosure
from yusuan.model.budget import Funding, LineItem, Nature
from yusuan.render.document import build_document
from yusuan.render.files import FORMATS, WRITERS, render_files

ROOT = Path(__file__).resolve().parents[1]


def _seed() -> Any:
    spec = importlib.util.spec_from_file_location("seed", ROOT / "tests" / "derive" / "seed.py")
    assert spec is not None and spec.loader is not None
    seed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(seed)
    return seed


def _seed_disclosure() -> Disclosure:
    seed = _seed()
    return derive_disclosure(seed.seed_budget(), seed.NAMES)


def _large_disclosure(projects: int) -> Disclosure:
    """The seed with ``projects`` more projects spread over its codes: long tables over many pages."""
    seed = _seed()
    budget = seed.seed_budget()
    functional = [c for c in seed.NAMES.functional if len(c) == 7]
    fundings = list(Funding)
    for index in range(projects):
        budget.items.append(
            LineItem(
                funding=fundings[index % len(fundings)],
                functional=Code(functional[index % len(functional)]),
                nature=Nature.PROJECT,
                economic=Code("30227", CodeKind.ECONOMIC),
                amount_yuan=Decimal(10_000 + index * 37),
                project=f"项目{index + 1:03d}号专项业务经费",
                carryover=index % 5 == 0,
            )
        )
    return derive_disclosure(budget, seed.NAMES)


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
    for name, case in (("seed", disclosure), ("seed + 400 projects", _large_disclosure(400))):
        with tempfile.TemporaryDirectory() as folder:
            total = _best(lambda c=case, d=folder: render_files(c, d, "out"), repeats)
            pdf = _best(lambda c=case: WRITERS["pdf"](build_document(c), False), repeats)
            pages = len(pypdfium2.PdfDocument(Path(folder) / "out.pdf"))
        print(f"{name}: all four formats written {total * 1000:8.1f} ms  x{total / baseline:7.1f}")
        print(f"{name}: PDF alone, {pages} pages      {pdf * 1000:8.1f} ms")
    print(f"(best of {repeats}; {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
