"""The results store: documents and their reports in a database, shared with the workbench.

A SQLite file by default (``--store results.db``), PostgreSQL by URL
(``--store postgresql+psycopg://user@host/db``). The schema is managed by Alembic
migrations (yusuan/store/migrations); opening a store brings it to the newest revision.
Nothing below this layer opens a database.
"""

from yusuan.store.db import open_engine, store_url, upgrade
from yusuan.store.reports import Store, StoredReport, open_store

__all__ = ["Store", "StoredReport", "open_engine", "open_store", "store_url", "upgrade"]
