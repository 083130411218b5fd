"""Ctrl-C (SIGINT to the process group, as a terminal sends it) stops a batch cleanly."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _workers_running(pid: int) -> bool:
    """The batch has started its fork server and it has forked the workers."""
    return any(_children(child) for child in _children(pid))


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_stops_workers_and_exits_130(tmp_path: Path, sig: signal.Signals) -> None:
    for index in range(40):
        shutil.copy(CORPUS / "shanghai-mof-bureau-2025-unit-budget.pdf", tmp_path / f"{index:02d}.pdf")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "yusuan.cli", "check", str(tmp_path), "--jobs", "2", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not _workers_running(process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    assert process.poll() is None, "the batch ended before it could be interrupted"
    if sig is signal.SIGINT:
        os.killpg(process.pid, sig)  # the whole foreground group, as Ctrl-C does
    else:
        process.send_signal(sig)  # a service manager stops the parent only
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "已中断" in err and "Traceback" not in err
    assert out == ""  # nothing half-printed: outcomes are printed after the batch
    deadline = time.monotonic() + 15
    while _group_alive(process.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _group_alive(process.pid), "a worker or the fork server outlived the batch"
