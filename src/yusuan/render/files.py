"""Write a Disclosure as files: PDF, DOCX, XLSX and HTML from one laid-out Document."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from yusuan.model import Disclosure
from yusuan.render.document import Document, build_document
from yusuan.render.docx import document_docx
from yusuan.render.html import document_html
from yusuan.render.pdf import document_pdf
from yusuan.render.xlsx import document_xlsx


def _html_bytes(doc: Document, draft: bool) -> bytes:
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


def render_bytes(disclosure: Disclosure, fmt: str, draft: bool = False) -> bytes:
    """One format of the disclosure as bytes."""
    if fmt not in WRITERS:
        known = "、".join(FORMATS)
        raise UnknownFormatError(f"不支持的格式 {fmt!r}（可用：{known}）/ unknown format {fmt!r}")
    return WRITERS[fmt](build_document(disclosure), draft)


def render_files(
    disclosure: Disclosure,
    out_dir: str | Path,
    stem: str,
    formats: Iterable[str] = FORMATS,
    draft: bool = False,
) -> list[Path]:
    """Write ``stem.<format>`` for each format into ``out_dir``; the document is laid out once."""
    wanted = list(formats)
    unknown = [f for f in wanted if f not in WRITERS]
    if unknown:
        raise UnknownFormatError(f"不支持的格式 / unknown formats: {', '.join(unknown)}")
    doc = build_document(disclosure)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in wanted:
        path = folder / f"{stem}.{fmt}"
        path.write_bytes(WRITERS[fmt](doc, draft))
        written.append(path)
    return written
