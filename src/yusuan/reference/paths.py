"""Where the reference data lives: the repository's data/ folder, or $YUSUAN_DATA."""

from __future__ import annotations

import os
from pathlib import Path


class ReferenceError(LookupError):
    """Reference data is missing or malformed; the message says which file and what."""


def data_dir() -> Path:
    override = os.environ.get("YUSUAN_DATA")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[3] / "data"
