"""Many documents at once: a pool of warmed worker processes, or a Dask cluster.

``run_batch`` takes paths (files and folders), finds the disclosures among them by their
content, streams them to the workers, pairs a unit's consecutive years for the cross-year
rules, and yields one outcome per document in input order. The store (yusuan.store), when
given, answers for documents already checked by this version.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from yusuan.batch.jobs import Job, Options, Outcome
    from yusuan.batch.runner import BatchResult, run_batch

__all__ = ["BatchResult", "Job", "Options", "Outcome", "run_batch"]


def __getattr__(name: str) -> Any:
    """The jobs and the runner (and through it the store: SQLAlchemy, Alembic) load on first use,
    so that a command given one file never pays for them."""
    if name in ("BatchResult", "run_batch"):
        return getattr(import_module("yusuan.batch.runner"), name)
    if name in ("Job", "Options", "Outcome"):
        return getattr(import_module("yusuan.batch.jobs"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
