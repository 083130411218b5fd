"""Classification codes: 支出功能分类 (类 3 / 款 5 / 项 7 digits) and 经济分类 (类 3 / 款 5).

The hierarchy is by prefix: 2010350 事业运行 is a 项 under 款 20103 under 类 201.
A code is never rejected for being unknown; only its shape is checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

_ASCII_DIGITS = re.compile(r"[0-9]+")


class CodeKind(Enum):
    FUNCTIONAL = "functional"  # 支出功能分类科目 / 收入分类科目
    ECONOMIC = "economic"  # 支出经济分类科目


_LEVELS = {
    CodeKind.FUNCTIONAL: {3: "类", 5: "款", 7: "项"},
    CodeKind.ECONOMIC: {3: "类", 5: "款"},
}


class CodeError(ValueError):
    """The text has not the shape of a classification code."""


@dataclass(frozen=True, slots=True)
class Code:
    """A classification code such as 2010350."""

    digits: str
    kind: CodeKind = CodeKind.FUNCTIONAL

    def __post_init__(self) -> None:
        if not _ASCII_DIGITS.fullmatch(self.digits) or len(self.digits) not in _LEVELS[self.kind]:
            raise CodeError(f"不是{self.kind.value}科目编码 / not a {self.kind.value} code: {self.digits!r}")

    @classmethod
    def from_parts(cls, parts: list[str], kind: CodeKind = CodeKind.FUNCTIONAL) -> Code:
        """Join split 类/款/项 columns (Shanghai: "201", "03", "50") into one code."""
        return cls("".join(p.strip() for p in parts if p.strip()), kind)

    @property
    def level(self) -> str:
        """类, 款 or 项."""
        return _LEVELS[self.kind][len(self.digits)]

    @property
    def depth(self) -> int:
        """1 for 类, 2 for 款, 3 for 项."""
        return sorted(_LEVELS[self.kind]).index(len(self.digits)) + 1

    @property
    def parent(self) -> Code | None:
        lengths = sorted(_LEVELS[self.kind])
        index = lengths.index(len(self.digits))
        if index == 0:
            return None
        return Code(self.digits[: lengths[index - 1]], self.kind)

    def is_ancestor_of(self, other: Code) -> bool:
        return (
            other.kind == self.kind
            and len(other.digits) > len(self.digits)
            and other.digits.startswith(self.digits)
        )

    def __str__(self) -> str:
        return self.digits


def looks_like_code(text: str, kind: CodeKind = CodeKind.FUNCTIONAL) -> bool:
    """True when ``text`` has the shape of a code of ``kind``."""
    stripped = text.strip()
    return bool(_ASCII_DIGITS.fullmatch(stripped)) and len(stripped) in _LEVELS[kind]
