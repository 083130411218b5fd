"""The same jobs on a Dask distributed cluster (``--scheduler tcp://HOST:PORT``).

Each worker of the cluster needs yusuan installed (the same version) and, for export, the
output folder on a shared file system. Jobs are streamed with at most ``window`` in flight
and come back in input order, so the output is the same as the local pool's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from typing import Any

from yusuan.batch.jobs import Job, Outcome, run_job
from yusuan.batch.pool import ordered
from yusuan.read.errors import InputError


class DaskExecutor:
    def __init__(self, address: str, window: int | None = None, timeout: float = 10.0) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise InputError(
                "--scheduler", "未安装 dask.distributed（pip install 'yusuan[cluster]'）/ distributed missing"
            ) from None
        try:
            self._client: Any = Client(address, timeout=timeout)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as exc:
            raise InputError(address, f"无法连接 Dask 调度器 / cannot reach the scheduler: {exc}") from None
        cores = sum(self._client.nthreads().values()) or 1  # type: ignore[no-untyped-call]
        self.window = window or cores * 4

    def map(self, jobs: Iterable[Job]) -> Iterator[Outcome]:
        def submit(job: Job) -> Future[Outcome]:
            future: Future[Outcome] = self._client.submit(run_job, job, pure=False)
            return future

        return ordered(submit, jobs, self.window)

    def close(self, cancel: bool = False) -> None:
        self._client.close()
