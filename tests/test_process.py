"""The process around the command line: ending at once loses nothing a normal exit keeps."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

from yusuan import process
from yusuan.cli import main

ROOT = Path(__file__).resolve().parents[1]
PDF = ROOT / "tests" / "corpus" / "shanghai-mof-bureau-2025-unit-budget.pdf"


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_ending_at_once_flushes_the_output_and_runs_the_exit_handlers() -> None:
    done = _python(
        "import atexit, sys\nfrom yusuan import process\n"
        "atexit.register(lambda: print('handler ran'))\n"
        "sys.stdout.write('x' * 100000)\nsys.stderr.write('on stderr')\nprocess.end(3)\n"
        "print('never reached')\n"
    )
    assert done.returncode == 3
    assert done.stdout == "x" * 100000 + "handler ran\n"
    assert done.stderr == "on stderr"


def test_with_a_thread_still_running_the_exit_waits_for_it() -> None:
    done = _python(
        "import threading, time\nfrom yusuan import process\n"
        "def late():\n    time.sleep(0.2)\n    print('thread finished', flush=True)\n"
        "threading.Thread(target=late).start()\nprocess.end(4)\n"
    )
    assert done.returncode == 4 and done.stdout == "thread finished\n"


def test_python_dash_m_check_prints_the_whole_report_and_its_exit_code() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "yusuan", "check", str(PDF), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(done.stdout)
    assert done.returncode == (1 if report["summary"]["errors"] else 0)
    assert report["document"]["unit"] == "上海市财政局" and len(report["rules_run"]) > 60


def test_main_restores_the_collectors_pace() -> None:
    before = gc.get_threshold()
    assert main(["rules"]) == 0
    assert gc.get_threshold() == before
    previous = process.pace_collector()
    try:
        assert gc.get_threshold()[0] == process.YOUNG_OBJECTS
    finally:
        gc.set_threshold(*previous)
