"""Reader for text extracted from a published PDF (the seed's format)."""

from __future__ import annotations

from yusuan.model import Disclosure
from yusuan.read.errors import InputError


def read_text(path: str, text: str, profile: str | None = None) -> Disclosure:
    raise InputError(path, "文本读取尚未实现 / text reader not implemented yet")
