"""Reader for text extracted from a published PDF (the seed's format): tab-separated cells."""

from __future__ import annotations

from yusuan.model import Disclosure
from yusuan.read.assemble import assemble
from yusuan.read.text.lines import split_lines

__all__ = ["read_text", "split_lines"]


def read_text(path: str, text: str, profile: str | None = None) -> Disclosure:
    """Read extracted text into a Disclosure.

    Raises InputError naming ``path`` when the text is not a disclosure of a known profile.
    """
    return assemble(split_lines(path, text.lstrip("\ufeff")), path, profile=profile)
