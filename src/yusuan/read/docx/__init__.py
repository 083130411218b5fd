"""Reader for Word documents (DOCX): the body's paragraphs and tables, in order, as Lines."""

from __future__ import annotations

import io
import zipfile

import docx

from yusuan.model import Disclosure
from yusuan.read.assemble import assemble
from yusuan.read.docx.body import body_lines
from yusuan.read.errors import InputError
from yusuan.read.limits import DEFAULT_LIMITS, Limits

__all__ = ["body_lines", "read_docx"]


def read_docx(
    path: str, data: bytes, profile: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Disclosure:
    """Read the DOCX ``data`` (already checked by read.sniff against ``limits``) into a Disclosure."""
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, AttributeError, SyntaxError) as exc:
        # python-docx raises these (and lxml's XMLSyntaxError, a SyntaxError) for broken packages
        raise InputError(path, f"无法打开 Word 文件 / cannot open the Word document: {exc}") from None
    lines = body_lines(path, document.element.body, limits)
    return assemble(lines, path, profile=profile)
