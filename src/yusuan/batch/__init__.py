"""Many documents at once: a pool of warmed worker processes, or a Dask cluster.

``run_batch`` takes paths (files and folders), finds the disclosures among them by their
content, streams them to the workers, pairs a unit's consecutive years for the cross-year
rules, and yields one outcome per document in input order. The store (yusuan.store), when
given, answers for documents already checked by this version.
"""

from yusuan.batch.jobs import Job, Options, Outcome
from yusuan.batch.runner import BatchResult, run_batch

__all__ = ["BatchResult", "Job", "Options", "Outcome", "run_batch"]
