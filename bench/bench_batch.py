"""Batch checking speed: warmed workers against a shell loop, in the same run.

The folder holds the corpus text PDFs (tests/corpus) copied to ``--files`` files (120 by
default). Baseline: one ``yusuan check FILE --json`` process per file, as a shell loop runs
it (start-up, imports, rules and reference data each time), timed on ``--baseline`` files
of the folder. Batch: ``run_batch`` over the folder on a pool of ``--jobs`` warmed workers
(what ``yusuan check FOLDER --jobs N --json`` runs), documents streamed.

Printed for each: wall-clock documents per minute (what this machine gave now: it may be
shared, so the load average is printed too) and CPU seconds per document (the processes'
own CPU time: steady under load), with the documents per minute that CPU time allows on
``--jobs`` cores of their own; the ratio of the two; the largest resident memory.

Usage: .venv/bin/python bench/bench_batch.py [--files 120] [--jobs 2] [--baseline 20]  (not a timed test)
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from yusuan.batch import Options, run_batch
from yusuan.batch.pool import LocalPool

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"
YUSUAN = [sys.executable, "-m", "yusuan.cli"]


def _folder(target: Path, files: int) -> list[Path]:
    sources = sorted(CORPUS.glob("*.pdf"))
    made = []
    for index in range(files):
        source = sources[index % len(sources)]
        path = target / f"{index:04d}-{source.name}"
        shutil.copy(source, path)
        made.append(path)
    return made


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _shell_loop(files: list[Path]) -> tuple[float, float]:
    """Wall and CPU seconds of one process per file."""
    cpu, start = _children_cpu(), time.perf_counter()
    for path in files:
        done = subprocess.run([*YUSUAN, "check", str(path), "--json"], stdout=subprocess.DEVNULL, check=False)
        if done.returncode not in (0, 1):
            raise SystemExit(f"yusuan check {path} exited {done.returncode}")
    return time.perf_counter() - start, _children_cpu() - cpu


def _batch(folder: Path, jobs: int) -> tuple[float, float, int]:
    """Wall and CPU seconds (this process and the workers' documents) of the pool."""
    cpu, start = time.process_time(), time.perf_counter()
    pool = LocalPool(jobs)
    result = run_batch([str(folder)], Options("check"), pool)
    pool.close()
    wall = time.perf_counter() - start
    if any(o.data is None for o in result.outcomes):
        raise SystemExit("a corpus document could not be read")
    worker_cpu = sum(o.cpu_seconds for o in result.outcomes)
    print(f"largest worker: {max(o.worker_peak_mb for o in result.outcomes):.0f} MB resident")
    return wall, time.process_time() - cpu + worker_cpu, len(result.outcomes)


def _line(name: str, docs: int, wall: float, cpu: float, cores: int) -> float:
    per_doc = cpu / docs
    print(
        f"{name:<44} {docs / wall * 60:7.0f} docs/min wall   {per_doc:6.3f} CPU s/doc"
        f" = {cores * 60 / per_doc:6.0f} docs/min on {cores} free cores"
    )
    return per_doc


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--files", type=int, default=120)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--baseline", type=int, default=20, help="files the shell loop is timed on")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        files = _folder(folder, args.files)
        loop_wall, loop_cpu = _shell_loop(files[: args.baseline])
        batch_wall, batch_cpu, docs = _batch(folder, args.jobs)
    sources = len(list(CORPUS.glob("*.pdf")))
    print(f"{docs} documents ({sources} corpus text PDFs repeated); --jobs {args.jobs}")
    loop = _line(
        f"shell loop, one process per file ({args.baseline})", args.baseline, loop_wall, loop_cpu, args.jobs
    )
    batch = _line("yusuan check FOLDER (warmed pool)", docs, batch_wall, batch_cpu, args.jobs)
    print(
        f"ratio (CPU per document): {loop / batch:.1f}x;"
        f" wall: {(docs / batch_wall) / (args.baseline / loop_wall):.1f}x"
    )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"largest one-file process of the shell loop: {peak:.0f} MB resident")
    print(
        f"load average before: {load_before:.2f}, after: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"
    )


if __name__ == "__main__":
    main()
