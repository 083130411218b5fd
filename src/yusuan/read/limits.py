"""Bounds on what a reader accepts, so that hostile input fails fast with an InputError.

Every limit is a field of :class:`Limits` (pass your own to ``read_document``); the defaults
are far above any published disclosure (a 13-table unit tally is a few hundred KB) and far
below what would exhaust a machine. docs/reading.md lists them.

Packages (DOCX, XLSX) are checked from the zip central directory before anything is
decompressed: member count, declared sizes, compression ratio. Python's zipfile never yields
more than a member's declared size (a member that inflates beyond it fails its CRC), so the
declared sizes bound the memory the libraries can use. XML parts are then refused if they
carry a document type declaration: OOXML never needs one, and a DTD is where external
entities and "billion laughs" live.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from yusuan.read.errors import InputError

if TYPE_CHECKING:
    import zipfile

MIB = 1024 * 1024
XML_SUFFIXES = (".xml", ".rels", ".vml")
_ROOT_TAG = re.compile(r"<[^?!]")  # the first tag that is not a declaration, instruction or comment


@dataclass(frozen=True)
class Limits:
    """The bounds a reader enforces (see the module's docstring; docs/reading.md lists them)."""

    max_file_bytes: int = 50 * MIB  # any input file, before it is read
    max_html_bytes: int = 20 * MIB  # an HTML page
    max_zip_members: int = 2_000  # members of a DOCX/XLSX package
    max_uncompressed_bytes: int = 200 * MIB  # all members together, as declared
    max_xml_bytes: int = 32 * MIB  # the XML parts together, as declared: what the libraries parse
    max_compression_ratio: int = 200  # uncompressed / compressed, for members above ratio_floor_bytes
    ratio_floor_bytes: int = 1 * MIB  # small members compress well legitimately
    max_rows: int = 100_000  # table rows (and sheet rows) in one document
    max_cells: int = 1_000_000  # grid cells in one document (XLSX: counted in the XML before loading)
    max_columns: int = 1_000  # columns of one table (an HTML colspan is capped there too)
    max_html_depth: int = 256  # nesting of HTML elements
    max_html_nodes: int = 500_000  # HTML elements and text pieces (a portal page has some thousands)
    max_seconds: float = 120.0  # reading one document, checked between rows and parts
    # recognising a scan's pages by OCR (seconds a page on two cores), checked between pages
    max_ocr_seconds: float = 900.0
    max_pages: int = 300  # PDF pages; a disclosure has tens, a 2,000-page file is refused
    max_glyphs_per_page: int = 20_000  # PDF glyphs on one page; a dense A4 page holds ~3,000
    max_path_segments_per_page: int = 50_000  # PDF path segments on one page (rulings: ~1,000)
    max_form_depth: int = 8  # nesting of PDF form XObjects followed for rulings
    max_rulings_per_page: int = 600  # after merging; a ruled page has ~60, corners grow as their square

    def __post_init__(self) -> None:
        if not 1 <= self.max_html_depth <= 800:  # the tree is walked recursively
            raise ValueError("max_html_depth must be between 1 and 800")


DEFAULT_LIMITS = Limits()


def one_line(exc: BaseException) -> str:
    """An exception from a library as one short line: its type and message."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


class Deadline:
    """The time a document may take; ``check`` raises once it has passed."""

    def __init__(self, path: str, limits: Limits, seconds: float | None = None) -> None:
        self.path = path
        self.seconds = limits.max_seconds if seconds is None else seconds
        self.end = time.monotonic() + self.seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise InputError(
                self.path,
                f"读取超时（超过 {self.seconds:g} 秒）/ reading took longer than {self.seconds:g} s",
            )


class SizeTally:
    """Counts rows and cells across a document against the limits."""

    def __init__(self, path: str, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.rows = 0
        self.cells = 0

    def columns(self, count: int) -> None:
        if count > self.limits.max_columns:
            raise InputError(
                self.path,
                f"表格列数过多（{count} 列，上限 {self.limits.max_columns}）"
                f"/ a table has too many columns ({count}, limit {self.limits.max_columns})",
            )

    def add(self, rows: int, cells: int) -> None:
        self.rows += rows
        self.cells += cells
        if self.rows > self.limits.max_rows:
            raise InputError(
                self.path,
                f"行数过多（上限 {self.limits.max_rows}）/ too many rows (limit {self.limits.max_rows})",
            )
        if self.cells > self.limits.max_cells:
            raise InputError(
                self.path,
                f"单元格过多（上限 {self.limits.max_cells}）/ too many cells (limit {self.limits.max_cells})",
            )


def check_zip(path: str, package: zipfile.ZipFile, limits: Limits) -> None:
    """Refuse a package whose central directory promises more than the limits allow."""
    members = package.infolist()
    if len(members) > limits.max_zip_members:
        raise InputError(
            path,
            f"压缩包成员过多（{len(members)} 个，上限 {limits.max_zip_members}）"
            f"/ too many members in the package ({len(members)}, limit {limits.max_zip_members})",
        )
    total = xml = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise InputError(
                path, f"压缩包成员已加密：{member.filename} / encrypted member: {member.filename}"
            )
        total += member.file_size
        if total > limits.max_uncompressed_bytes:
            raise InputError(
                path,
                f"解压后过大（超过 {limits.max_uncompressed_bytes} 字节），疑似压缩炸弹"
                f"/ too large once decompressed (over {limits.max_uncompressed_bytes} bytes): a zip bomb?",
            )
        if member.file_size > limits.ratio_floor_bytes:
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > limits.max_compression_ratio:
                raise InputError(
                    path,
                    f"压缩比异常（{member.filename}：{ratio:.0f} 倍），疑似压缩炸弹"
                    f"/ compression ratio {ratio:.0f} in {member.filename}: a zip bomb?",
                )
        if member.filename.endswith(XML_SUFFIXES):
            xml += member.file_size
            if xml > limits.max_xml_bytes:
                raise InputError(
                    path,
                    f"XML 部件解压后过大（超过 {limits.max_xml_bytes} 字节）"
                    f"/ XML parts too large once decompressed (over {limits.max_xml_bytes} bytes)",
                )


_ENCODINGS = (  # (how the part starts, its encoding): BOMs first, then "<?xml" or "<" in each width
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
)


def _head_text(data: bytes) -> str:
    """The start of a part as text, whatever its encoding (UTF-8, UTF-16 or UTF-32, BOM or not)."""
    head = data[:4096]
    encoding = next((e for start, e in _ENCODINGS if head.startswith(start)), "utf-8-sig")
    return head.decode(encoding, errors="ignore").lstrip("\ufeff")


def check_xml_parts(path: str, package: zipfile.ZipFile) -> None:
    """Refuse a package with a DOCTYPE in any XML part (external entities, entity expansion).

    Every member is looked at, whatever its name (a relationship may point a library at any part)
    and whatever its encoding: a member that starts as XML is XML. A DTD can only stand before the
    root element, so the first 4 KB of each part decide; a part whose prolog is longer than that
    is refused as well.
    """
    for member in package.infolist():
        name = member.filename
        with package.open(member) as stream:
            head = _head_text(stream.read(4096))
        lowered = head.lower()
        if not lowered.lstrip().startswith("<"):
            continue  # an image, a font, a binary part: no parser reads it as XML
        root = _ROOT_TAG.search(lowered)
        root_at = None if root is None else root.start()
        prolog = lowered if root_at is None else lowered[:root_at]
        if "<!doctype" in prolog or "<!entity" in prolog:
            raise InputError(
                path, f"XML 部件含文档类型声明（DTD/实体）：{name} / XML part with a DTD or entities: {name}"
            )
        if root_at is None and member.file_size > 4096:
            raise InputError(path, f"XML 部件开头异常：{name} / XML part with an overlong prolog: {name}")
