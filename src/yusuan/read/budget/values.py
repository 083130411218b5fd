"""Raw entries of the authoring input and their conversion, with every bad entry collected.

An entry is one value as the input holds it (a workbook cell: text, number, date; a YAML
scalar: its text) with the place it came from ("预算明细!G12", "items[3].amount（第40行）").
Conversion never stops at the first bad entry: each problem is recorded with its place and
the reader reports them all together.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from yusuan.model import Amount, AmountError, Unit
from yusuan.model.amount import NO_VALUE_MARKS
from yusuan.read.budget.layout import MAX_ERRORS, Field
from yusuan.read.errors import InputError

# Decimal places an amount may carry: a fen (0.01 元) is the finest unit of money.
MAX_PLACES = {Unit.YUAN: 2, Unit.WAN: 6}
CENT = Decimal("0.01")
# No budget line comes near a trillion 万元 (10^16 元; all of China's spending is ~4 × 10^13 元): a
# figure beyond it is a slip (1e308), refused before exact arithmetic on it overflows the context.
MAX_AMOUNT_YUAN = Decimal(10) ** 16


@dataclass(frozen=True)
class Entry:
    value: object  # str | int | float | Decimal | bool | date | None, as the input holds it
    where: str


@dataclass
class Record:
    """One row of a table sheet (or the whole of a pairs sheet): field key -> entry."""

    where: str
    entries: dict[str, Entry] = field(default_factory=dict)

    def get(self, key: str) -> Entry:
        return self.entries.get(key, Entry(None, self.where))


@dataclass
class Problems:
    """Every bad entry found, in input order."""

    messages: list[str] = field(default_factory=list)

    def add(self, where: str, zh: str, en: str) -> None:
        self.messages.append(f"{where}: {zh} / {en}")

    def raise_if_any(self, path: str) -> None:
        if not self.messages:
            return
        shown = self.messages[:MAX_ERRORS]
        lines = [f"发现 {len(self.messages)} 处错误 / {len(self.messages)} bad entries:", *shown]
        hidden = len(self.messages) - len(shown)
        if hidden:
            lines.append(f"……另有 {hidden} 处未列出 / … {hidden} more not listed")
        raise InputError(path, "\n  ".join(lines))


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def is_no_number(value: object) -> bool:
    """Blank, or a dash ("—", "-") that stands for "no value" where a number is expected."""
    return is_blank(value) or (isinstance(value, str) and "".join(value.split()) in NO_VALUE_MARKS)


def text(entry: Entry) -> str:
    """The entry as text; numbers as they read ("2010350", "75.384"), blank as ""."""
    value = entry.value
    if is_blank(value):
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def required_text(entry: Entry, spec: Field, problems: Problems) -> str:
    value = text(entry)
    if not value and spec.required:
        problems.add(entry.where, f"缺少{spec.zh}", f"{spec.key} is required")
    return value


def money(entry: Entry, unit: Unit, spec: Field, problems: Problems) -> Decimal | None:
    """An amount in ``unit`` read exactly and returned in 元 (to the fen); None when blank."""
    value = entry.value
    if is_no_number(value):
        if spec.required:
            problems.add(entry.where, f"缺少{spec.zh}", f"{spec.key} is required")
        return None
    written = _exact(value)
    if written is None:
        problems.add(entry.where, f"{spec.zh} {value!r} 不是金额", f"{spec.key} {value!r} is not an amount")
        return None
    number, written_unit = written
    written_unit = written_unit or unit
    if abs(number) * written_unit.factor >= MAX_AMOUNT_YUAN:
        problems.add(
            entry.where,
            f"{spec.zh} {value!r} 超出任何预算的数量级（上限 10^16 元）",
            f"{spec.key} {value!r} is beyond any budget (limit 10^16 元)",
        )
        return None
    places = max(0, -int(number.as_tuple().exponent))
    limit = MAX_PLACES.get(written_unit)
    if limit is None:
        problems.add(
            entry.where, f"金额单位只能是元或万元：{value!r}", f"amounts are in 元 or 万元: {value!r}"
        )
        return None
    if places > limit:
        problems.add(
            entry.where,
            f"{spec.zh} {number} 有{places}位小数：以{written_unit.value}计最多{limit}位（精确到分）",
            f"{spec.key} {number} has {places} decimal places; in {written_unit.value} at most {limit} "
            "(money is exact to the fen, 0.01 元)",
        )
        return None
    if number < 0:
        problems.add(
            entry.where, f"{spec.zh}不能为负数：{number}", f"{spec.key} must not be negative: {number}"
        )
        return None
    return (number * written_unit.factor).quantize(CENT)


def _exact(value: object) -> tuple[Decimal, Unit | None] | None:
    """The exact decimal an input value stands for, and the unit written with it, if any."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value), None
    if isinstance(value, float):
        # openpyxl gives floats for numeric cells; repr is the shortest text that reads back to the
        # same float, which is the decimal the user typed (Excel keeps 15 significant digits).
        if not math.isfinite(value):
            return None
        return Decimal(repr(value)), None
    if isinstance(value, Decimal):
        return (value, None) if value.is_finite() else None
    if isinstance(value, str):
        try:
            amount = Amount.parse(value, Unit.YUAN)
        except AmountError:
            return None
        if amount is None:
            return None
        explicit = any(value.strip().endswith(u.value) or value.strip().endswith(u.value[0]) for u in Unit)
        return amount.value, (amount.unit if explicit else None)
    return None


def code(entry: Entry, lengths: tuple[int, ...], spec: Field, problems: Problems) -> str:
    """A classification code of one of ``lengths`` digits; "" when blank or bad (the problem is recorded)."""
    digits = text(entry)
    if not digits:
        if spec.required:
            problems.add(entry.where, f"缺少{spec.zh}", f"{spec.key} is required")
        return ""
    if not digits.isdigit() or not digits.isascii() or len(digits) not in lengths:
        shape = "或".join(str(n) for n in lengths)
        problems.add(
            entry.where,
            f"{spec.zh} {digits} 不是{shape}位数字",
            f"{spec.key} {digits} is not a code of {'/'.join(str(n) for n in lengths)} digits",
        )
        return ""
    return digits


def choice(entry: Entry, spec: Field, problems: Problems) -> str:
    """The value of a choice given by its Chinese label or its value; "" when blank or unknown."""
    given = text(entry)
    if not given:
        if spec.required:
            problems.add(entry.where, f"缺少{spec.zh}", f"{spec.key} is required")
        return ""
    value = spec.choice_value(given)
    if value is None:
        labels = "、".join(label for label, _ in spec.choices)
        keys = ", ".join(v for _, v in spec.choices)
        problems.add(
            entry.where, f"{spec.zh}“{given}”应为{labels}之一", f"{spec.key} {given!r} is not one of {keys}"
        )
        return ""
    return value


def flag(entry: Entry, spec: Field, problems: Problems) -> bool:
    value = entry.value
    if isinstance(value, bool):
        return value
    given = text(entry).lower()
    if given in ("", "否", "false", "no", "0"):
        return False
    if given in ("是", "true", "yes", "1"):
        return True
    problems.add(
        entry.where, f"{spec.zh}应填“是”或留空：{given!r}", f"{spec.key} must be 是/true or blank: {given!r}"
    )
    return False


def count(entry: Entry, spec: Field, problems: Problems, low: int = 0, high: int = 10**9) -> int | None:
    """A whole number in [low, high]; None when blank or bad."""
    value = entry.value
    if is_blank(value):
        if spec.required:
            problems.add(entry.where, f"缺少{spec.zh}", f"{spec.key} is required")
        return None
    number: Decimal | None
    try:
        number = Decimal(text(entry)) if not isinstance(value, bool) else None
    except InvalidOperation:
        number = None
    if (
        number is None
        or not number.is_finite()
        or number != number.to_integral_value()
        or not low <= number <= high
    ):
        problems.add(
            entry.where,
            f"{spec.zh}应为{low}至{high}之间的整数：{value!r}",
            f"{spec.key} must be a whole number from {low} to {high}: {value!r}",
        )
        return None
    return int(number)


def quantity(entry: Entry, spec: Field, problems: Problems) -> Decimal | None:
    """A non-negative plain number (an area), exact; None when blank or bad."""
    value = entry.value
    if is_blank(value):
        return None
    written = _exact(value)
    if written is None or written[1] is not None or not 0 <= written[0] < MAX_AMOUNT_YUAN:
        problems.add(
            entry.where, f"{spec.zh}应为非负数：{value!r}", f"{spec.key} must be a number ≥ 0: {value!r}"
        )
        return None
    return written[0]
