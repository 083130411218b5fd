"""What storing each finding's places adds to a check: read + check, against finding_places.

Run: PYTHONPATH=src .venv/bin/python bench/bench_places.py [pdf ...]   (REPEATS=1 for a long scan)

For each PDF (the corpus PDFs when none is given), in this one process: read and check it as
the workbench's worker does (``api.parse`` + ``api.check_disclosure``), then compute the places
of every finding (``api.finding_places``, what ``batch.jobs.add_places`` runs). For a scan, the
places are timed twice: with the reader's OCR reading kept (``read.ocr.recent``, as the worker
runs) and with it forgotten (each scanned page that carries a finding recognised again). Prints
seconds (best of ``REPEATS``), findings, locations placed, and the ratio to the check. Not a
test; nothing asserted.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from yusuan import api
from yusuan.read.ocr import recent

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [
    *sorted((ROOT / "tests/corpus").glob("*.pdf")),
    *sorted((ROOT / "tests/corpus/final").glob("*.pdf")),
]
REPEATS = int(os.environ.get("REPEATS", "2"))  # a whole scan takes minutes: REPEATS=1


def _best(run: Callable[[], Any], before: Callable[[], None] = lambda: None) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(REPEATS):
        before()
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def _one(path: Path) -> None:
    def check() -> tuple[Any, Any]:
        disclosure = api.parse(path)
        return disclosure, api.check_disclosure(disclosure)

    check_s, (disclosure, report) = _best(check)
    places_s, places = _best(lambda: api.finding_places(path, disclosure, report.findings))
    items = [item for finding in places for item in finding["locations"]]
    placed = sum(1 for item in items if item["places"])
    line = (
        f"{path.name[:56]:56} {check_s:8.2f} {places_s:9.2f} {places_s / check_s:7.1%}"
        f" {len(report.findings):8} {placed:5}/{len(items):<5}"
    )
    cells = [cell for table in disclosure.tables.values() for row in table.rows for cell in row.cells]
    if any(cell.confidence is not None for cell in cells):  # read by OCR
        fresh_s, _ = _best(lambda: api.finding_places(path, disclosure, report.findings), recent.forget)
        line += f"  scan: places with the reading forgotten {fresh_s:.2f} s ({fresh_s / check_s:.1%})"
    print(line, flush=True)


def main(paths: list[Path]) -> None:
    api.warm()
    print(f"{'file':56} {'check s':>8} {'places s':>9} {'ratio':>7} {'findings':>8} {'placed':>11}")
    for path in paths:
        _one(path)


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or CORPUS)
