"""Tell a file's format from its bytes, and refuse what no reader can take.

A ZIP package is told apart by its [Content_Types].xml (the main part's content type) or,
failing that, by its member names: word/document.xml is a DOCX, xl/workbook.xml an XLSX.
The package is checked against the limits (read.limits) before any member is decompressed.
"""

from __future__ import annotations

import io
import json
import re
import zlib
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from yusuan.read.errors import InputError
from yusuan.read.limits import DEFAULT_LIMITS, Limits, check_xml_parts, check_zip, one_line

if TYPE_CHECKING:
    import zipfile

MAX_TEXT_BYTES = DEFAULT_LIMITS.max_file_bytes

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc / .xls, and every password-protected .docx/.xlsx
_PACKAGE_SUFFIXES = {".docx": "DOCX", ".docm": "DOCX", ".xlsx": "XLSX", ".xlsm": "XLSX"}
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)

_WORD_MAIN = "wordprocessingml.document.main+xml"
_WORD_TEMPLATE = "wordprocessingml.template.main+xml"
_WORD_MACRO = "ms-word.document.macroenabled.main+xml"
_SHEET_MAIN = "spreadsheetml.sheet.main+xml"
_SHEET_TEMPLATE = "spreadsheetml.template.main+xml"
_SHEET_MACRO = "ms-excel.sheet.macroenabled.main+xml"


class Format(Enum):
    TEXT = "text"
    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    HTML = "html"


def sniff(path: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[Format, bytes]:
    """Return the format and the bytes of ``path``; InputError for missing, empty or garbage input."""
    name = str(path)
    data = _read(path, limits)
    head = data[:1024]
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF"):
        return Format.PDF, data
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _package_format(name, data, limits), data
    if head.startswith(_OLE2):
        raise InputError(
            name,
            "旧版 Office 二进制文件（.doc/.xls）或加密的 Office 文件，请另存为未加密的 .docx/.xlsx"
            " / legacy binary (.doc/.xls) or password-protected Office file: save it as a plain .docx/.xlsx",
        )
    if suffix in _PACKAGE_SUFFIXES:
        kind = _PACKAGE_SUFFIXES[suffix]
        raise InputError(
            name, f"扩展名为 {suffix}，但不是 ZIP 包 / named {suffix} but not a {kind} (ZIP) package"
        )
    if _HTML_START.match(head) or (suffix in _HTML_SUFFIXES and head.lstrip().startswith(b"<")):
        if len(data) > limits.max_html_bytes:
            raise InputError(
                name,
                f"HTML 文件过大（{len(data)} 字节，上限 {limits.max_html_bytes}）"
                f"/ HTML file too large ({len(data)} bytes, limit {limits.max_html_bytes})",
            )
        return Format.HTML, data
    if b"\x00" in head:
        raise InputError(name, "二进制文件，不是可读的公开文本 / binary data, not a readable disclosure")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(name, "不是 UTF-8 文本 / not UTF-8 text") from None
    if not text.strip():
        raise InputError(name, "文件只有空白 / file holds only white space")
    if _is_json(text):
        raise InputError(
            name,
            "JSON 数据不是公开文件（yusuan 读取的是公开的文本、PDF、Word、Excel、网页）"
            " / JSON data is not a published disclosure (read the text, PDF, Word, Excel or web page)",
        )
    return Format.TEXT, text.encode("utf-8")


def _is_json(text: str) -> bool:
    """True for a JSON object or array (yusuan's own --json output, a data file): no disclosure
    text starts with "{" or "[" and parses whole as JSON."""
    if not text.lstrip().startswith(("{", "[")):
        return False
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _read(path: Path, limits: Limits) -> bytes:
    name = str(path)
    if not path.exists():
        raise InputError(name, "文件不存在 / file not found")
    if not path.is_file():
        raise InputError(name, "不是文件 / not a regular file")
    try:
        size = path.stat().st_size
        if size == 0:
            raise InputError(name, "文件为空 / file is empty")
        if size > limits.max_file_bytes:
            raise InputError(name, f"文件过大（{size} 字节）/ file too large ({size} bytes)")
        return path.read_bytes()
    except PermissionError:
        raise InputError(name, "无权读取 / permission denied") from None
    except OSError as exc:
        raise InputError(name, f"无法读取 / cannot read: {exc.strerror}") from None


def _package_format(name: str, data: bytes, limits: Limits) -> Format:
    """DOCX or XLSX, after the package passed the size and XML checks."""
    import zipfile  # here, not at the top: reading a PDF needs neither zipfile nor XML

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            check_zip(name, package, limits)
            check_xml_parts(name, package)
            members = set(package.namelist())
            content_types = _main_content_types(package) if "[Content_Types].xml" in members else set()
    except zipfile.BadZipFile as exc:
        raise InputError(name, f"ZIP 包损坏 / damaged ZIP package: {exc}") from None
    except (OSError, EOFError, ValueError, NotImplementedError, RuntimeError, zlib.error) as exc:
        raise InputError(name, f"ZIP 包无法读取 / unreadable ZIP package: {one_line(exc)}") from None
    if content_types & {_WORD_MAIN, _WORD_TEMPLATE, _WORD_MACRO} or (
        not content_types and "word/document.xml" in members
    ):
        return Format.DOCX
    if content_types & {_SHEET_MAIN, _SHEET_TEMPLATE, _SHEET_MACRO} or (
        not content_types and "xl/workbook.xml" in members
    ):
        return Format.XLSX
    if "mimetype" in members:
        raise InputError(
            name, "OpenDocument（.odt/.ods）暂不支持，请另存为 .docx/.xlsx / OpenDocument is not supported"
        )
    raise InputError(name, "ZIP 包既不是 DOCX 也不是 XLSX / a ZIP package that is neither DOCX nor XLSX")


def _main_content_types(package: zipfile.ZipFile) -> set[str]:
    """The content types declared in [Content_Types].xml, without their vendor prefix."""
    from xml.etree import ElementTree

    try:
        root = ElementTree.fromstring(package.read("[Content_Types].xml"))
    except (ElementTree.ParseError, LookupError, ValueError):  # LookupError: a bogus declared encoding
        return set()
    found = set()
    for element in root:
        content_type = element.get("ContentType", "").lower()
        for marker in (_WORD_MAIN, _WORD_TEMPLATE, _WORD_MACRO, _SHEET_MAIN, _SHEET_TEMPLATE, _SHEET_MACRO):
            if content_type.endswith(marker):
                found.add(marker)
    return found
