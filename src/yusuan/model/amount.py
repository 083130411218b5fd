"""Money as printed: a Decimal, its unit (元/万元/亿元) and the precision it was written with.

Parsing accepts what published disclosures contain: "341. 11" (a stray space from PDF
extraction), "1,200,000", "1, 200, 000", "120万元", "-3.92"; "—", "-", "－" and blank mean
"no value" (``None``).  Anything else raises :class:`AmountError`; nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from yusuan.model.slots import slot_setter


class AmountError(ValueError):
    """The text is not an amount."""


class Unit(Enum):
    """Currency unit of a printed figure."""

    YUAN = "元"
    WAN = "万元"
    YI = "亿元"

    @property
    def factor(self) -> Decimal:
        """How many 元 one of this unit is."""
        return _FACTORS[self]

    @classmethod
    def parse(cls, text: str) -> Unit:
        cleaned = text.strip().replace("人民币", "")
        for unit in cls:
            if cleaned == unit.value:
                return unit
        if cleaned == "万":
            return cls.WAN
        if cleaned == "亿":
            return cls.YI
        raise AmountError(f"未知的金额单位 / unknown currency unit: {text!r}")


_FACTORS = {Unit.YUAN: Decimal(1), Unit.WAN: Decimal(10000), Unit.YI: Decimal(100000000)}

NO_VALUE_MARKS = frozenset({"", "—", "-", "－", "--", "——", "/", "…"})
_NUMBER = re.compile(r"^(?P<sign>[-−－+]?)(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?$")
_UNIT_SUFFIX = re.compile(r"(亿元|万元|元|亿|万)$")
# The form nearly every printed table cell takes ("1,234.56", "-3.92", "0"): no space, no unit,
# no full-width mark. Such a text is its own cleaned form, so Amount.parse reads it directly;
# anything else goes the general way. The groups are _NUMBER's, so both read the same digits.
_PLAIN = re.compile(r"(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")


@dataclass(frozen=True, slots=True, init=False)
class Amount:
    """An exact amount with the unit and decimal places it was written in."""

    value: Decimal
    unit: Unit
    places: int

    def __init__(self, value: Decimal, unit: Unit, places: int) -> None:
        # What the dataclass __init__ does (a frozen one sets each field via object.__setattr__),
        # through the slots' own setters in half the time: every printed figure is one.
        _set_value(self, value)
        _set_unit(self, unit)
        _set_places(self, places)

    @classmethod
    def parse(cls, text: str | None, unit: Unit = Unit.YUAN) -> Amount | None:
        """Parse a printed figure; ``None`` for a blank or a dash.

        A unit written in the text ("120万元") wins over ``unit``.
        """
        if text is None:
            return None
        plain = _PLAIN.fullmatch(text)
        if plain is not None:
            sign, digits, frac = plain.groups()
            if "," in digits:
                digits = digits.replace(",", "")
            number = f"{sign}{digits}.{frac}" if frac else f"{sign}{digits}"
            return cls(Decimal(number), unit, len(frac) if frac else 0)
        cleaned = "".join(text.split())  # removes stray spaces: "341. 11", "1, 200, 000"
        cleaned = cleaned.replace("，", ",").replace("．", ".")
        if cleaned in NO_VALUE_MARKS:
            return None
        suffix = _UNIT_SUFFIX.search(cleaned)
        if suffix:
            unit = Unit.parse(suffix.group(1))
            cleaned = cleaned[: suffix.start()]
        match = _NUMBER.match(cleaned)
        if not match:
            raise AmountError(f"不是金额 / not an amount: {text!r}")
        sign = "-" if match.group("sign") in ("-", "−", "－") else ""
        frac = match.group("frac") or ""
        digits = match.group("int").replace(",", "")
        value = Decimal(f"{sign}{digits}.{frac}" if frac else f"{sign}{digits}")
        return cls(value=value, unit=unit, places=len(frac))

    @classmethod
    def of(cls, value: Decimal | int | str, unit: Unit = Unit.YUAN, places: int = 2) -> Amount:
        """An amount computed by the program, rounded 四舍五入 to ``places``."""
        return cls(quantize(Decimal(value), places), unit, places)

    @property
    def yuan(self) -> Decimal:
        """The exact value in 元."""
        return self.value * self.unit.factor

    def to(self, unit: Unit) -> Decimal:
        """The exact value in another unit (not rounded)."""
        return self.yuan / unit.factor

    @property
    def half_step(self) -> Decimal:
        """Half of the last written digit: the rounding this figure may carry, in its unit."""
        return Decimal(5).scaleb(-(self.places + 1))

    def normalised(self) -> str:
        """The value as a plain decimal string with its written places ("146.90")."""
        return f"{self.value:.{self.places}f}"

    def __str__(self) -> str:
        return f"{self.normalised()}{self.unit.value}"


_set_value = slot_setter(Amount, "value")
_set_unit = slot_setter(Amount, "unit")
_set_places = slot_setter(Amount, "places")


def quantize(value: Decimal, places: int) -> Decimal:
    """Round 四舍五入 (ROUND_HALF_UP) to ``places`` decimal places."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def rounding_tolerance(amounts: list[Amount], unit: Unit) -> Decimal:
    """How far a sum of printed figures may stray from exact by rounding, in ``unit``.

    Each figure written to k places carries up to half a unit of its last digit; a
    comparison of n figures may therefore differ by the sum of those halves.
    """
    return sum((a.half_step * a.unit.factor / unit.factor for a in amounts), Decimal(0))
