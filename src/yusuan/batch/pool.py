"""Run jobs on warmed worker processes, streamed, with results in the order of the input.

Workers are forked from a fork server that has imported yusuan and loaded the rules and the
reference data once (yusuan.batch.warm), so a worker's first document costs no start-up.
Documents are handed to the workers one at a time as each finishes the last (results come
back in input order), and a worker is replaced after ``tasks_per_worker`` documents, which
bounds its memory.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from multiprocessing import forkserver
from typing import Protocol

from yusuan.batch.jobs import Job, Outcome, run_job

TASKS_PER_WORKER = 200


class Executor(Protocol):
    def map(self, jobs: Iterable[Job]) -> Iterator[Outcome]: ...

    def close(self, cancel: bool = False) -> None: ...


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def ordered(submit: Callable[[Job], Future[Outcome]], jobs: Iterable[Job], window: int) -> Iterator[Outcome]:
    """Submit jobs keeping at most ``window`` in flight; yield outcomes in input order."""
    pending: deque[Future[Outcome]] = deque()
    for job in jobs:
        pending.append(submit(job))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class InProcess:
    """One document at a time in this process: for --jobs 1 and single documents."""

    def map(self, jobs: Iterable[Job]) -> Iterator[Outcome]:
        for job in jobs:
            yield run_job(job)

    def close(self, cancel: bool = False) -> None:
        return None


class LocalPool:
    """A pool of ``workers`` warmed processes on this machine."""

    def __init__(self, workers: int, tasks_per_worker: int = TASKS_PER_WORKER) -> None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["yusuan.batch.warm"])
        from yusuan.batch.warm import ignore_interrupt

        # The fork server and the workers it forks leave Ctrl-C to this process: started with
        # SIGINT ignored, they inherit that, and a Ctrl-C during their warm-up prints nothing.
        before = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            forkserver.ensure_running()
            self._pool = context.Pool(
                workers, initializer=ignore_interrupt, maxtasksperchild=tasks_per_worker
            )
        finally:
            signal.signal(signal.SIGINT, before)
        self.workers = workers

    def map(self, jobs: Iterable[Job]) -> Iterator[Outcome]:
        return self._pool.imap(run_job, jobs, chunksize=1)

    def close(self, cancel: bool = False) -> None:
        if cancel:  # Ctrl-C: documents in flight are abandoned, not finished
            self._pool.terminate()
        else:
            self._pool.close()
        self._pool.join()


def local_executor(workers: int) -> Executor:
    return InProcess() if workers <= 1 else LocalPool(workers)
