"""The names of classification codes, given as input (the code lists live in data/codes/).

A table prints a code with its name; derive never invents a name. A code used by a line item
(or one of its 类/款 parents) without a name is an error that names the code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from yusuan.derive.errors import DeriveError


@dataclass(frozen=True)
class CodeNames:
    """Code -> name: 支出功能分类 (类/款/项), 部门经济分类 (类/款), 政府经济分类 label per 款."""

    functional: Mapping[str, str]
    economic: Mapping[str, str]
    government_economic: Mapping[str, str] = field(default_factory=dict)  # 部门经济款 -> 政府经济科目名称

    def functional_name(self, code: str) -> str:
        return _name(self.functional, code, "支出功能分类", "functional")

    def economic_name(self, code: str) -> str:
        return _name(self.economic, code, "经济分类", "economic")

    def government_label(self, code: str) -> str:
        return self.government_economic.get(code, "")

    def functional_classes(self) -> list[str]:
        """Every 类 (3-digit code) with a name, in code order: the rows of the overview tables."""
        return sorted(code for code in self.functional if len(code) == 3)


def _name(names: Mapping[str, str], code: str, what_zh: str, what_en: str) -> str:
    try:
        return names[code]
    except KeyError:
        raise DeriveError(
            f"{what_zh}科目 {code} 没有名称 / {what_en} code {code} has no name in the code list"
        ) from None
