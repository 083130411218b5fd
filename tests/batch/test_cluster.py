"""A local Dask cluster (processes on loopback) gives the same JSON Lines as the local pool."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from distributed import LocalCluster

from yusuan.cli import main


def test_dask_cluster_equals_local_pool(
    corpus_folder: Path, years: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = [str(corpus_folder), str(years["2025"]), str(years["2026-bad"])]
    local_code = main(["check", *inputs, "--json", "--jobs", "2"])
    local = capsys.readouterr().out
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        cluster_code = main(["check", *inputs, "--json", "--scheduler", cluster.scheduler_address])
    remote = capsys.readouterr().out
    assert cluster_code == local_code == 1
    assert remote == local
    assert len(local.splitlines()) == 4
    assert any(f["rule"] == "Y101" for f in json.loads(local.splitlines()[-1])["findings"])


def test_an_unreachable_scheduler_is_one_line(
    corpus_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(corpus_folder), "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert "无法连接 Dask 调度器" in capsys.readouterr().err
