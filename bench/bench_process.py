"""Whole-process start and run: `yusuan check FILE` against a pdfplumber extract_tables process.

What a user waits for is a process: interpreter start, imports, reference data, the reading,
the checker and the report. Each corpus PDF is run ``--repeat`` times by each command, the two
alternating; each command's best run is kept. Time is the children's CPU time (user + system,
steady when other work shares the machine) and wall-clock time. The summary is the geometric
mean of the per-document ratios (baseline / yusuan).

Baseline process: ``python -c "import pdfplumber; [p.extract_tables() for p in
pdfplumber.open(FILE).pages]"``, the same interpreter.

Usage: .venv/bin/python bench/bench_process.py [--repeat N] [files…]    (not a timed test)
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"
BASELINE = (
    "import sys, pdfplumber\n"
    "with pdfplumber.open(sys.argv[1]) as pdf:\n    [p.extract_tables() for p in pdf.pages]"
)


@dataclass
class Best:
    cpu: float = math.inf
    wall: float = math.inf


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(command: list[str], best: Best) -> None:
    cpu, wall = _children_cpu(), time.perf_counter()
    done = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=os.environ
    )
    wall, cpu = time.perf_counter() - wall, _children_cpu() - cpu
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)}: exit {done.returncode}\n{done.stderr}")
    best.cpu, best.wall = min(best.cpu, cpu), min(best.wall, wall)


def _geometric_mean(values: list[float]) -> float:
    return math.exp(sum(math.log(v) for v in values) / len(values))


def main() -> None:
    parser = argparse.ArgumentParser(description="yusuan check 整个进程 / the whole `yusuan check` process")
    parser.add_argument("files", nargs="*", type=Path, help="PDF 文件；缺省为语料库 / default: the corpus")
    parser.add_argument("--repeat", type=int, default=5, help="每个命令的运行次数 / runs per command")
    args = parser.parse_args()
    files = args.files or sorted(CORPUS.glob("*.pdf"))
    print("| document | yusuan check s (CPU / wall) | pdfplumber s (CPU / wall) | ratio CPU | ratio wall |")
    print("|---|---:|---:|---:|---:|")
    ratios_cpu, ratios_wall = [], []
    for path in files:
        ours, theirs = Best(), Best()
        for _ in range(args.repeat):
            _run([sys.executable, "-m", "yusuan", "check", str(path), "--json"], ours)
            _run([sys.executable, "-c", BASELINE, str(path)], theirs)
        ratios_cpu.append(theirs.cpu / ours.cpu)
        ratios_wall.append(theirs.wall / ours.wall)
        print(
            f"| {path.stem} | {ours.cpu:.3f} / {ours.wall:.3f} | {theirs.cpu:.3f} / {theirs.wall:.3f}"
            f" | {ratios_cpu[-1]:.2f}× | {ratios_wall[-1]:.2f}× |"
        )
    cpu, wall = _geometric_mean(ratios_cpu), _geometric_mean(ratios_wall)
    print(f"| **geometric mean** | | | **{cpu:.2f}×** | **{wall:.2f}×** |")


if __name__ == "__main__":
    main()
