"""What a workbench runs with: where its database and files are, and its limits."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from yusuan.read import DEFAULT_LIMITS

DEFAULT_DATA_DIR = "yusuan-data"


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path(DEFAULT_DATA_DIR)
    database: str | None = None  # a URL; None: a SQLite file in data_dir
    schema: str | None = None  # PostgreSQL: keep the tables in a schema of their own
    workers: int = 1  # worker processes checking uploads; 0: none (jobs wait in the queue)
    max_upload_bytes: int = DEFAULT_LIMITS.max_file_bytes  # one file; the readers' own limit
    max_files: int = 20  # files in one upload request

    @property
    def database_url(self) -> str:
        return self.database or str((self.data_dir / "yusuan.db").resolve())

    @property
    def upload_dir(self) -> Path:
        return self.data_dir / "uploads"
