"""Tell a file's format from its first bytes, and refuse what no reader can take."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from yusuan.read.errors import InputError

MAX_TEXT_BYTES = 50 * 1024 * 1024


class Format(Enum):
    TEXT = "text"
    PDF = "pdf"
    ZIP = "zip"  # DOCX / XLSX
    HTML = "html"


def sniff(path: Path) -> tuple[Format, bytes]:
    """Return the format and the bytes of ``path``; InputError for missing, empty or garbage input."""
    name = str(path)
    if not path.exists():
        raise InputError(name, "文件不存在 / file not found")
    if not path.is_file():
        raise InputError(name, "不是文件 / not a regular file")
    try:
        size = path.stat().st_size
        if size == 0:
            raise InputError(name, "文件为空 / file is empty")
        if size > MAX_TEXT_BYTES:
            raise InputError(name, f"文件过大（{size} 字节）/ file too large ({size} bytes)")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(name, "无权读取 / permission denied") from None
    except OSError as exc:
        raise InputError(name, f"无法读取 / cannot read: {exc.strerror}") from None
    head = data[:1024]
    if head.startswith(b"%PDF"):
        return Format.PDF, data
    if head.startswith(b"PK\x03\x04"):
        return Format.ZIP, data
    if b"\x00" in head:
        raise InputError(name, "二进制文件，不是可读的公开文本 / binary data, not a readable disclosure")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(name, "不是 UTF-8 文本 / not UTF-8 text") from None
    if not text.strip():
        raise InputError(name, "文件只有空白 / file holds only white space")
    lowered = text.lstrip()[:200].lower()
    if lowered.startswith(("<!doctype html", "<html")):
        return Format.HTML, data
    return Format.TEXT, text.encode("utf-8")
