"""PDF through WeasyPrint from the HTML page: A4, CJK fonts embedded (subset), headers repeated.

WeasyPrint repeats <thead> on every page a table runs onto, keeps rows whole (break-inside:
avoid) and numbers the pages from the CSS in render.style. Fonts come from fontconfig: Debian's
fonts-noto-cjk provides Noto Serif/Sans CJK; WeasyPrint embeds the glyphs used.
"""

from __future__ import annotations

from yusuan.model import Disclosure
from yusuan.render.document import Document, build_document
from yusuan.render.html import document_html


def document_pdf(doc: Document, draft: bool = False) -> bytes:
    from weasyprint import HTML  # imported here: loading pango takes time the other formats need not pay

    pdf: bytes = HTML(string=document_html(doc, draft=draft)).write_pdf()
    return pdf


def render_pdf(disclosure: Disclosure, draft: bool = False) -> bytes:
    """The disclosure as PDF bytes."""
    return document_pdf(build_document(disclosure), draft=draft)
