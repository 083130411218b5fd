"""Tell the authoring input (the workbook `yusuan template` writes, or its YAML) from a disclosure.

Used to answer "this is budget data: use `yusuan build`" when someone gives it to `check` or
`parse`. Cheap and safe on any file: only the workbook's sheet list (at most 1 MB, as declared in
the zip directory) or the first 64 KB of a YAML file are looked at; anything unreadable is "no".
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from yusuan.read.budget.layout import FACTS, ITEMS

_WORKBOOK_PART = "xl/workbook.xml"
_MAX_PART_BYTES = 1024 * 1024
_YAML_HEAD_BYTES = 64 * 1024


def is_budget_input(path: str | Path) -> bool:
    """True when ``path`` holds the 单位信息 and 预算明细 sheets, or the facts: and items: keys."""
    path = Path(path)
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as package:
                info = package.getinfo(_WORKBOOK_PART)
                if info.file_size > _MAX_PART_BYTES:
                    return False
                sheets = set(re.findall(r'<sheet\b[^>]*\bname="([^"]*)"', package.read(info).decode("utf-8")))
                return {FACTS.name, ITEMS.name} <= sheets
        with path.open("rb") as handle:
            head = handle.read(_YAML_HEAD_BYTES).decode("utf-8", errors="replace")
    except (
        OSError,
        EOFError,
        KeyError,
        ValueError,
        RuntimeError,
        NotImplementedError,
        zipfile.BadZipFile,
        zlib.error,
    ):
        return False
    keys = set(re.findall(r"^([a-z_]+):", head, re.M))
    return {FACTS.key, ITEMS.key} <= keys
