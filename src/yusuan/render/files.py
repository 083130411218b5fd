"""Write a Disclosure as files: PDF, DOCX, XLSX and HTML from one laid-out Document."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from yusuan.model import Disclosure
from yusuan.render.document import Document, build_document
from yusuan.render.docx import document_docx
from yusuan.render.fonts import Fonts, choose_fonts
from yusuan.render.html import document_html
from yusuan.render.pdf import document_pdf, paginate
from yusuan.render.xlsx import document_xlsx


def _html_bytes(doc: Document, draft: bool) -> bytes:
    paginate(doc, draft)  # the 目录 prints the printed edition's pages (laid out once with the PDF)
    return document_html(doc, draft=draft).encode("utf-8")


WRITERS: dict[str, Callable[[Document, bool], bytes]] = {
    "pdf": document_pdf,
    "docx": document_docx,
    "xlsx": document_xlsx,
    "html": _html_bytes,
}
FORMATS = tuple(WRITERS)


class UnknownFormatError(ValueError):
    """A format name render does not write."""


def laid_out(disclosure: Disclosure, fonts: Fonts | None = None, issued: date | None = None) -> Document:
    """The document's blocks with the faces to set them in (chosen now when not given) and its date."""
    doc = build_document(disclosure)
    doc.fonts = fonts if fonts is not None else choose_fonts()
    doc.issued = issued
    return doc


def render_bytes(
    disclosure: Disclosure,
    fmt: str,
    draft: bool = False,
    fonts: Fonts | None = None,
    issued: date | None = None,
) -> bytes:
    """One format of the disclosure as bytes."""
    if fmt not in WRITERS:
        known = "、".join(FORMATS)
        raise UnknownFormatError(f"不支持的格式 {fmt!r}（可用：{known}）/ unknown format {fmt!r}")
    return WRITERS[fmt](laid_out(disclosure, fonts, issued), draft)


def render_files(
    disclosure: Disclosure,
    out_dir: str | Path,
    stem: str,
    formats: Iterable[str] = FORMATS,
    draft: bool = False,
    fonts: Fonts | None = None,
    issued: date | None = None,
) -> list[Path]:
    """Write ``stem.<format>`` for each format into ``out_dir``; the document is laid out once.

    ``fonts``: the faces (render.fonts.choose_fonts when None); ``issued``: the cover's date.
    """
    wanted = list(formats)
    unknown = [f for f in wanted if f not in WRITERS]
    if unknown:
        raise UnknownFormatError(f"不支持的格式 / unknown formats: {', '.join(unknown)}")
    doc = laid_out(disclosure, fonts, issued)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    # the PDF first: its layout gives the pages the 目录 of the web page and of Word print
    for fmt in sorted(wanted, key=FORMATS.index):
        if fmt == "docx":
            paginate(doc, draft)
        path = folder / f"{stem}.{fmt}"
        path.write_bytes(WRITERS[fmt](doc, draft))
        written[fmt] = path
    return [written[fmt] for fmt in dict.fromkeys(wanted)]
