"""Documents -> Disclosure, one module per format; workbook/YAML -> Budget."""

from __future__ import annotations

from pathlib import Path

from yusuan.model import Disclosure
from yusuan.read.errors import InputError
from yusuan.read.sniff import Format, sniff

__all__ = ["InputError", "read_document"]


def read_document(path: str | Path, profile: str | None = None) -> Disclosure:
    """Read a published disclosure of any supported format into a Disclosure.

    Raises InputError (naming the file and the problem) for input it cannot take.
    """
    path = Path(path)
    fmt, data = sniff(path)
    if fmt is Format.TEXT:
        from yusuan.read.text import read_text

        return read_text(str(path), data.decode("utf-8"), profile=profile)
    if fmt is Format.PDF:
        from yusuan.read.pdf.disclosure import read_pdf_document

        return read_pdf_document(path, data, profile=profile)
    raise InputError(str(path), f"暂不支持此格式 / format not supported yet: {fmt.value}")
