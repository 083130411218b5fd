"""Documents -> Disclosure, one module per format; workbook/YAML -> Budget."""

from __future__ import annotations

from pathlib import Path

from yusuan.model import Disclosure
from yusuan.read.errors import InputError
from yusuan.read.limits import DEFAULT_LIMITS, Limits
from yusuan.read.sniff import Format, sniff

__all__ = ["DEFAULT_LIMITS", "InputError", "Limits", "read_document"]


def read_document(path: str | Path, profile: str | None = None, limits: Limits | None = None) -> Disclosure:
    """Read a published disclosure of any supported format into a Disclosure.

    Raises InputError (naming the file and the problem) for input it cannot take, including
    input beyond ``limits`` (read.limits.Limits; the defaults when None).
    """
    path = Path(path)
    limits = limits or DEFAULT_LIMITS
    fmt, data = sniff(path, limits)
    name = str(path)
    if fmt is Format.TEXT:
        from yusuan.read.text import read_text

        return read_text(name, data.decode("utf-8"), profile=profile)
    if fmt is Format.PDF:
        from yusuan.read.pdf.disclosure import read_pdf_document

        return read_pdf_document(path, data, profile=profile, limits=limits)
    if fmt is Format.DOCX:
        from yusuan.read.docx import read_docx

        return read_docx(name, data, profile=profile, limits=limits)
    if fmt is Format.XLSX:
        from yusuan.read.xlsx import read_xlsx

        return read_xlsx(name, data, profile=profile, limits=limits)
    if fmt is Format.HTML:
        from yusuan.read.html import read_html

        return read_html(name, data, profile=profile, limits=limits)
    raise InputError(name, f"暂不支持此格式 / format not supported yet: {fmt.value}")
