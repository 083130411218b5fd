"""Write a Disclosure as files: PDF, DOCX, XLSX and HTML from one laid-out Document."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from yusuan.model import Disclosure

if TYPE_CHECKING:
    from yusuan.render.document import Document
    from yusuan.render.fonts import Fonts

Writer = Callable[["Document", bool], bytes]

# format -> (module, function); a writer's libraries (WeasyPrint, python-docx, xlsxwriter) load
# only when that format is written
WRITERS: dict[str, tuple[str, str]] = {
    "pdf": ("yusuan.render.pdf", "document_pdf"),
    "docx": ("yusuan.render.docx", "document_docx"),
    "xlsx": ("yusuan.render.xlsx", "document_xlsx"),
    "html": ("yusuan.render.files", "html_bytes"),
}
FORMATS = tuple(WRITERS)


def _paginate(doc: Document, draft: bool) -> None:
    """Lay the document out as the PDF prints it: the 目录 of the web page and of Word print its pages."""
    from yusuan.render.pdf import paginate

    paginate(doc, draft)


def html_bytes(doc: Document, draft: bool) -> bytes:
    from yusuan.render.html import document_html

    _paginate(doc, draft)  # laid out once with the PDF when both are written
    return document_html(doc, draft=draft).encode("utf-8")


def writer(fmt: str) -> Writer:
    module, function = WRITERS[fmt]
    found: Writer = getattr(import_module(module), function)
    return found


def laid_out(disclosure: Disclosure, fonts: Fonts | None = None, issued: date | None = None) -> Document:
    """The document's blocks with the faces to set them in (chosen now when not given) and its date."""
    from yusuan.render.document import build_document
    from yusuan.render.fonts import choose_fonts

    doc = build_document(disclosure)
    doc.fonts = fonts if fonts is not None else choose_fonts()
    doc.issued = issued
    return doc


class UnknownFormatError(ValueError):
    """A format name render does not write."""


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
    return writer(fmt)(laid_out(disclosure, fonts, issued), draft)


def render_files(
    disclosure: Disclosure,
    out_dir: str | Path,
    stem: str,
    formats: Iterable[str] = FORMATS,
    draft: bool = False,
    fonts: Fonts | None = None,
    issued: date | None = None,
) -> list[Path]:
    """Write ``stem.<format>`` for each format into ``out_dir``, all or nothing; laid out once.

    ``fonts``: the faces (render.fonts.choose_fonts when None); ``issued``: the cover's date.
    """
    return stage_files(disclosure, out_dir, stem, formats, draft, fonts=fonts, issued=issued).commit()


@dataclass
class Staged:
    """Files written under temporary names in their own folder, waiting to take their final names.

    ``commit`` renames each onto its final name (a rename within one folder is atomic, so a
    reader never sees half a file); ``discard`` removes them. Until ``commit`` no file of the
    output folder has changed.
    """

    files: dict[Path, Path] = field(default_factory=dict)  # final path -> temporary path

    def commit(self) -> list[Path]:
        for final, temporary in self.files.items():
            os.replace(temporary, final)
        done = list(self.files)
        self.files = {}
        return done

    def discard(self) -> None:
        for temporary in self.files.values():
            temporary.unlink(missing_ok=True)
        self.files = {}


def stage_bytes(staged: Staged, final: Path, data: bytes) -> Path:
    """Write ``data`` next to ``final`` under a hidden temporary name (same suffix) and record it."""
    final.parent.mkdir(parents=True, exist_ok=True)
    temporary = final.with_name(f".{final.stem}.{secrets.token_hex(4)}.part{final.suffix}")
    # O_EXCL: never follow or reuse what is there; 0o666 less the umask, as any new file gets
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    staged.files[final] = temporary
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    return temporary


def stage_files(
    disclosure: Disclosure,
    out_dir: str | Path,
    stem: str,
    formats: Iterable[str] = FORMATS,
    draft: bool = False,
    extra: Mapping[str, bytes] | None = None,
    fonts: Fonts | None = None,
    issued: date | None = None,
) -> Staged:
    """Write ``stem.<format>`` for each format (and each ``extra`` suffix -> bytes) as staged files.

    The PDF is written first: its layout gives the pages that the 目录 of the web page and of Word
    print. On any failure the files staged so far are removed and the exception propagates.
    """
    wanted = list(dict.fromkeys(formats))
    unknown = [f for f in wanted if f not in WRITERS]
    if unknown:
        raise UnknownFormatError(f"不支持的格式 / unknown formats: {', '.join(unknown)}")
    folder = Path(out_dir)
    staged = Staged()
    try:
        if wanted:
            doc = laid_out(disclosure, fonts, issued)
            for fmt in sorted(wanted, key=FORMATS.index):
                if fmt == "docx":
                    _paginate(doc, draft)
                stage_bytes(staged, folder / f"{stem}.{fmt}", writer(fmt)(doc, draft))
        for suffix, data in (extra or {}).items():
            stage_bytes(staged, folder / f"{stem}.{suffix}", data)
    except BaseException:
        staged.discard()
        raise
    staged.files = {
        final: staged.files[final]
        for final in [folder / f"{stem}.{f}" for f in wanted] + [folder / f"{stem}.{s}" for s in extra or {}]
    }
    return staged
