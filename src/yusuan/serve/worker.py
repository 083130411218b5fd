"""Check queued uploads in worker processes, from the database queue, so that jobs survive restarts.

Each of ``workers`` threads claims the oldest queued upload (store.workbench.claim_next), hands
it to a process of a warmed pool (the batch layer's forked workers) and writes the outcome back.
The queue is the database: a job queued or running when the server stops is still there when
it starts again (running ones are put back in the queue first), and is finished then.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from sqlalchemy import Engine

from yusuan.batch.facts import region_of
from yusuan.batch.jobs import Job, Options, Outcome, run_job
from yusuan.store import Store
from yusuan.store.workbench import Claimed, claim_next, fail, finish, requeue_running

OPTIONS = Options()


def stored_path(upload_dir: Path, sha256: str, filename: str) -> Path:
    """Where an upload's bytes live: named by their SHA-256, with the suffix a reader may need."""
    suffix = Path(filename).suffix.lower()[:8]
    return upload_dir / f"{sha256}{suffix if suffix[1:].isalnum() else ''}"


class Worker:
    """Threads that feed the worker processes from the queue, until ``stop``."""

    def __init__(self, engine: Engine, store: Store, upload_dir: Path, workers: int) -> None:
        self.engine = engine
        self.store = store
        self.upload_dir = upload_dir
        self.workers = workers
        self.wake = threading.Event()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def start(self) -> int:
        """Put back what a stopped server left running, and start; how many were put back."""
        requeued = requeue_running(self.engine)
        if self.workers <= 0:
            return requeued
        self._pool = self._new_pool()
        for number in range(self.workers):
            thread = threading.Thread(target=self._loop, name=f"yusuan-worker-{number}", daemon=True)
            thread.start()
            self._threads.append(thread)
        return requeued

    def _new_pool(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["yusuan.batch.warm"])
        return ProcessPoolExecutor(self.workers, mp_context=context, max_tasks_per_child=200)

    def stop(self) -> None:
        """Stop taking jobs; a job in flight stays ``running`` and is redone after the next start."""
        self._stop.set()
        self.wake.set()
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        for thread in self._threads:
            thread.join(timeout=1)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                claimed = claim_next(self.engine)
                if claimed is not None:
                    self._check(claimed)
                    continue
            except Exception as exc:  # the database away a moment: a job claimed stays for a restart
                print(f"yusuan serve: 审核任务出错 / job error: {type(exc).__name__}: {exc}", file=sys.stderr)
                self._stop.wait(5)
                continue
            self.wake.wait(1.0)
            self.wake.clear()

    def _check(self, claimed: Claimed) -> None:
        assert self._pool is not None
        stored = str(stored_path(self.upload_dir, claimed.sha256, claimed.filename))
        job = Job(file=stored, options=OPTIONS, want_panel=True, want_places=True)
        pool = self._pool
        try:
            outcome = pool.submit(run_job, job).result()
        except Exception as exc:  # stopping (the job stays for a restart), or the document killed its worker
            if self._stop.is_set():
                return
            if isinstance(exc, BrokenProcessPool):
                with self._lock:
                    if self._pool is pool:
                        self._pool = self._new_pool()
            fail(self.engine, claimed.id, f"{claimed.filename}: 审核进程异常退出 / the worker died: {exc}")
            return
        if outcome.data is None:
            error = outcome.error.replace(job.file, claimed.filename)
            fail(self.engine, claimed.id, error)
            return
        _note_places(claimed, outcome)
        profile = str(outcome.data.get("document", {}).get("profile") or "")
        finish(
            self.engine,
            self.store,
            claimed.id,
            OPTIONS.key(),
            outcome.data,
            region_of(profile) if profile else "",
            outcome.extra.get("panel", []),
        )


def _note_places(claimed: Claimed, outcome: Outcome) -> None:
    """Say when the findings' places could not be stored (the finding view then reads the file)."""
    if "places_error" in outcome.extra:
        error = f"{claimed.filename}: 未能计算发现的位置 / places not stored: {outcome.extra['places_error']}"
        print(f"yusuan serve: {error}", file=sys.stderr)
