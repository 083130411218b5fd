"""PDF through WeasyPrint from the HTML page: A4, CJK fonts embedded (subset), headers repeated.

WeasyPrint repeats <thead> on every page a table runs onto, keeps rows whole (break-inside:
avoid) and numbers the pages from the CSS in render.style. Fonts come from fontconfig: Debian's
fonts-noto-cjk provides Noto Serif/Sans CJK; WeasyPrint embeds the glyphs used.
"""

from __future__ import annotations

from typing import Any

from yusuan.model import Disclosure
from yusuan.render.document import Document, build_document
from yusuan.render.html import document_html


def _layout(doc: Document, draft: bool) -> Any:
    """The laid-out pages; the page of every anchor is kept on the document (doc.pages).

    The web page and the Word file print those page numbers in their 目录: they are the pages of
    this, the printed edition.
    """
    from weasyprint import HTML  # imported here: loading pango takes time the other formats need not pay

    rendered = HTML(string=document_html(doc, draft=draft)).render()
    pages: dict[str, int] = {}
    for number, page in enumerate(rendered.pages, start=1):
        for name in page.anchors:
            pages.setdefault(name, number)
    doc.pages = pages
    return rendered


def paginate(doc: Document, draft: bool = False) -> None:
    """Fill doc.pages (anchor -> printed page) unless a layout already did."""
    if not doc.pages:
        _layout(doc, draft)


def document_pdf(doc: Document, draft: bool = False) -> bytes:
    pdf: bytes = _layout(doc, draft).write_pdf()
    return pdf


def render_pdf(disclosure: Disclosure, draft: bool = False) -> bytes:
    """The disclosure as PDF bytes."""
    return document_pdf(build_document(disclosure), draft=draft)
