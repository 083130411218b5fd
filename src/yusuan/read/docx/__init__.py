"""Reader for Word documents (DOCX): the body's paragraphs and tables, in order, as Lines."""

from __future__ import annotations

import io
from typing import Any

from docx.oxml.parser import parse_xml
from docx.package import Package

from yusuan.model import Disclosure, Source
from yusuan.read.assemble import assemble
from yusuan.read.document_title import facts_from_title
from yusuan.read.docx.body import W, body_lines
from yusuan.read.errors import InputError
from yusuan.read.limits import DEFAULT_LIMITS, Limits, one_line

__all__ = ["body_lines", "read_docx"]


def _body(path: str, data: bytes) -> tuple[Any, str | None]:
    """The w:body of the package's main document part (a document, template or macro-enabled one)
    and the package's title property."""
    try:
        package = Package.open(io.BytesIO(data))
        part = package.main_document_part
        title = package.core_properties.title
        element = getattr(part, "element", None)  # a DocumentPart; other main parts are raw XML
        if element is None:
            element = parse_xml(part.blob)
    except Exception as exc:
        # A damaged package can fail anywhere in python-docx or lxml (KeyError for a missing part,
        # ValueError, lxml syntax errors …): one line, no traceback.
        raise InputError(
            path, f"无法打开 Word 文件 / cannot open the Word document: {one_line(exc)}"
        ) from None
    body = element.find(f"{W}body")
    if body is None:
        raise InputError(path, "Word 文件没有正文 / the Word document has no body")
    return body, title


def read_docx(
    path: str, data: bytes, profile: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Disclosure:
    """Read the DOCX ``data`` (already checked by read.sniff against ``limits``) into a Disclosure."""
    body, title = _body(path, data)
    disclosure = assemble(body_lines(path, body, limits), path, profile=profile)
    facts_from_title(disclosure, title, Source(file=path, locator="docProps/core.xml: title"))
    return disclosure
