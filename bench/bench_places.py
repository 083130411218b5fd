"""What storing each finding's places adds to a check: read + check, against finding_places.

Run: PYTHONPATH=src .venv/bin/python bench/bench_places.py [pdf ...]

For each PDF (the corpus PDFs when none is given), in this one process: read and check it as
the workbench's worker does (``api.parse`` + ``api.check_disclosure``), then compute the places
of every finding (``api.finding_places``, what ``batch.jobs.add_places`` runs). Prints seconds
(best of two), the number of findings and of locations placed, and the ratio of the places to
the check. A scanned page is OCR'd again for its places (read.pdf.places): pass a scan to see it.
Not a test; nothing asserted.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from yusuan import api

ROOT = Path(__file__).resolve().parents[1]
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.pdf")) + sorted((ROOT / "tests" / "corpus" / "final").glob("*.pdf"))


def _best(run: object, repeats: int = 2) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best, result


def main(paths: list[Path]) -> None:
    api.warm()
    print(f"{'file':60} {'check s':>8} {'places s':>9} {'ratio':>6} {'findings':>8} {'placed':>10}")
    for path in paths:
        check_s, (disclosure, report) = _best(lambda: (d := api.parse(path), api.check_disclosure(d)))  # type: ignore[misc]
        places_s, places = _best(lambda: api.finding_places(path, disclosure, report.findings))
        items = [item for finding in places for item in finding["locations"]]  # type: ignore[union-attr]
        placed = sum(1 for item in items if item["places"])
        print(
            f"{path.name[:60]:60} {check_s:8.2f} {places_s:9.2f} {places_s / check_s:6.1%}"
            f" {len(report.findings):8} {placed:4}/{len(items):<5}"
        )


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or CORPUS)
