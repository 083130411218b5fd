"""Find the documents among the paths given: files as named, folders walked recursively.

A named file is always taken (an unreadable one becomes an ``{"file", "error"}`` outcome).
In a folder a file is taken by its content (yusuan.read.sniff), not its name: PDF, DOCX,
XLSX and HTML are taken; a plain-text file only when it reads like text pulled out of a
disclosure (it names 预算 or 决算 and has tab-separated table lines), so a README or a
notes file beside the documents is skipped. Hidden files and folders are skipped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from yusuan.read.errors import InputError
from yusuan.read.sniff import Format, sniff

_TEXT_MARKERS = ("预算", "决算")
_MIN_TABLE_LINES = 3


@dataclass(frozen=True)
class Found:
    """A document to process: its path as the user will read it, its content hash, or why not."""

    file: str
    sha256: str = ""
    error: str = ""


def _looks_like_disclosure_text(data: bytes) -> bool:
    text = data[:262_144].decode("utf-8", errors="ignore")
    if not any(marker in text for marker in _TEXT_MARKERS):
        return False
    return sum(1 for line in text.splitlines() if "\t" in line.strip()) >= _MIN_TABLE_LINES


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _walk(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and not _hidden(path, root):
            yield path


def examine(path: Path, named: bool) -> Found | None:
    """The document at ``path``; None for a file in a folder that is not a disclosure."""
    try:
        fmt, data = sniff(path)
    except InputError as exc:
        return Found(str(path), error=str(exc)) if named else None
    if not named and fmt is Format.TEXT and not _looks_like_disclosure_text(data):
        return None
    return Found(str(path), sha256=hashlib.sha256(data).hexdigest())


def discover(paths: Iterable[str], skipped: list[str] | None = None) -> Iterator[Found]:
    """Each document under ``paths`` in a stable order (folders sorted); ``skipped`` collects the rest."""
    seen: set[str] = set()
    for given in paths:
        root = Path(given)
        candidates = [(p, False) for p in _walk(root)] if root.is_dir() else [(root, True)]
        for path, named in candidates:
            key = str(path.resolve()) if path.exists() else str(path)
            if key in seen:
                continue
            seen.add(key)
            found = examine(path, named)
            if found is None:
                if skipped is not None:
                    skipped.append(str(path))
                continue
            yield found
