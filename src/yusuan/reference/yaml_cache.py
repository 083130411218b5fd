"""Parsed reference YAML kept between runs, so that a `check` neither imports PyYAML nor parses.

A `check` reads about twenty YAML files (the profiles that detection compares, narrative and
wording patterns, identities, the code list); importing PyYAML (its resolver and reader compile
large regular expressions) and parsing them took about a tenth of a one-file `check` process.
The parse result depends only on the file's text and the YAML library, so the cache is keyed by
the text itself: a changed file (a data file edited, a $YUSUAN_TEMPLATES template, an upgrade)
is simply a new key, and an entry is used only for the very text it was parsed from.

The file, ``$XDG_CACHE_HOME/yusuan/reference-yaml.marshal`` (``~/.cache/yusuan/…`` by default),
holds a header and ``{text: marshalled data}``. The header names the cache format, yusuan's
version, the Python version (the marshal format) and PyYAML's installed file (path, size and
time, found without importing it): any difference and the whole file is ignored. Each use
unmarshals a fresh copy, as a parse would give. Data marshal cannot hold (dates) is not cached.
The file is written whole to a temporary name and renamed into place. Anything that goes wrong
(no home, a read-only or full disk, a damaged file) means parsing as before, silently.
``YUSUAN_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import marshal
import os
import sys
from importlib.machinery import PathFinder
from pathlib import Path
from typing import Any

from yusuan import __version__

FORMAT = 1
MAX_ENTRIES = 200  # beyond this, entries this process did not use are dropped when writing
FILE_NAME = "reference-yaml.marshal"

# what this process read of the cache: "path", "entries" ({text: marshalled data}), "header",
# "used" (the texts this process asked for), "unwritable" (a path that could not be written)
_state: dict[str, object] = {}


def cache_file() -> Path | None:
    """Where the cache lives, or None when it is turned off or there is no place for it."""
    if os.environ.get("YUSUAN_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        home = os.environ.get("HOME")
        if not home:
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "yusuan" / FILE_NAME


def _header() -> tuple[object, ...]:
    spec = PathFinder.find_spec("yaml")
    origin = spec.origin if spec is not None else None
    try:
        stat = os.stat(origin) if origin else None
    except OSError:
        stat = None
    stamp = (origin, stat.st_size, stat.st_mtime_ns) if stat is not None else None
    return (FORMAT, __version__, sys.version, stamp)


def _entries(path: Path) -> dict[str, bytes]:
    entries = _state.get("entries")
    if isinstance(entries, dict) and _state.get("path") == path:
        return entries
    header = _header()
    entries = {}
    try:
        stored = marshal.loads(path.read_bytes())
        if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == header:
            entries = dict(stored[1])
    except (OSError, EOFError, ValueError, TypeError):  # none yet, or damaged: parse as before
        entries = {}
    _state.clear()
    _state.update(path=path, entries=entries, header=header, used=set())
    return entries


def get(text: str) -> tuple[bool, object]:
    """(True, a fresh copy of the data parsed from ``text``) when cached, else (False, None)."""
    path = cache_file()
    if path is None:
        return False, None
    blob = _entries(path).get(text)
    if blob is None:
        return False, None
    try:
        data = marshal.loads(blob)
    except (EOFError, ValueError, TypeError):
        return False, None
    used = _state["used"]
    assert isinstance(used, set)
    used.add(text)
    return True, data


def put(text: str, data: Any) -> None:
    """Keep ``data``, just parsed from ``text``, for later runs (when marshal can hold it)."""
    path = cache_file()
    if path is None or _state.get("unwritable") == path:
        return
    try:
        blob = marshal.dumps(data)
    except ValueError:  # a date, say: parsed every time
        return
    entries = _entries(path)
    used = _state["used"]
    assert isinstance(used, set)
    entries[text] = blob
    used.add(text)
    for old in [t for t in entries if t not in used][: max(0, len(entries) - MAX_ENTRIES)]:
        del entries[old]
    temporary = path.with_name(f"{FILE_NAME}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        stored: Any = (_state["header"], entries)
        temporary.write_bytes(marshal.dumps(stored))
        os.replace(temporary, path)
    except OSError:
        _state["unwritable"] = path  # read-only home, full disk: parse as before, try no more
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass


def forget() -> None:
    """Drop what this process has read of the cache (the next use reads the file again)."""
    _state.clear()
