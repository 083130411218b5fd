"""The names of classification codes, given as input (the code lists live in data/codes/).

A table prints a code with its name; derive never invents a name. A code used by a line item
(or one of its 类/款 parents) without a name is an error that names the code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from yusuan.derive.errors import DeriveError
from yusuan.model import CodeKind
from yusuan.model.budget import Budget
from yusuan.reference.authoring import load_authoring
from yusuan.reference.codes import load_code_list
from yusuan.reference.paths import ReferenceError


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


def names_for(budget: Budget) -> CodeNames:
    """The names a budget's tables print: the user's own names first, then the code list of
    the budget year (data/codes/) for the rest (every 类 of the overview tables), and the
    政府经济分类 label of each 部门经济分类 款 from the profile's authoring data."""
    try:
        codes = load_code_list(budget.year)
        texts = load_authoring(budget.profile)
    except ReferenceError as exc:
        raise DeriveError(str(exc)) from exc
    functional = {**codes.names.get(CodeKind.FUNCTIONAL, {}), **budget.functional_names}
    economic = {**codes.names.get(CodeKind.ECONOMIC, {}), **budget.economic_names}
    used = {item.economic.digits for item in budget.items}
    labels = {code: label for code in sorted(used) if (label := texts.government_label(code))}
    return CodeNames(functional=functional, economic=economic, government_economic=labels)
