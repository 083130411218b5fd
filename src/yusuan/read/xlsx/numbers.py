"""A number as a spreadsheet shows it, from the stored value and the cell's number format.

openpyxl gives a float (Excel stores binary doubles); the figure that was printed is the
value in the format's decimal places: 146.9 in "0.00" shows "146.90". The conversion goes
through the float's shortest decimal representation (``repr``) into Decimal, rounded to the
15 significant digits Excel displays, then to the format's places 四舍五入 — no float
arithmetic touches the figure.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Context, Decimal

_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')  # literals, escapes, [Red]/[$-804], padding
_NUMBER_PART = re.compile(r"(?P<int>[#0?,]*[#0?])(?:\.(?P<frac>[#0?]*))?(?P<scale>,*)")
_EXCEL_DIGITS = Context(prec=15, rounding=ROUND_HALF_UP)


def _first_section(number_format: str) -> str:
    """The positive-number section of a format ("0.00;[Red]-0.00" -> "0.00")."""
    depth_quote = False
    for i, ch in enumerate(number_format):
        if ch == '"':
            depth_quote = not depth_quote
        elif ch == ";" and not depth_quote:
            return number_format[:i]
    return number_format


def _as_decimal(value: int | float) -> Decimal:
    if isinstance(value, int):
        return Decimal(value)
    return _EXCEL_DIGITS.plus(Decimal(repr(value)))


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return "0" if text in ("-0", "") else text


def shown_number(value: int | float, number_format: str | None) -> str:
    """The text a spreadsheet shows for ``value`` in ``number_format``."""
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)  # no spreadsheet stores these; shown as read, an unreadable figure
    number = _as_decimal(value)
    section = _QUOTED.sub("", _first_section(number_format or "General"))
    part = _NUMBER_PART.search(section)
    if part is None or section.strip().lower() == "general":
        if number == number.to_integral_value():
            return _plain(number.quantize(Decimal(1)))
        return _plain(number.normalize())
    if "%" in section:
        number *= 100
    number = number.scaleb(-3 * len(part["scale"]))  # each trailing comma divides by a thousand
    frac = part["frac"] or ""
    places = len(frac)
    fixed = len(frac.rstrip("#?"))  # "#" places show only when they are not trailing zeros
    rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    grouping = "," in part["int"]
    text = format(rounded, ",f" if grouping else "f")
    if places > fixed:
        whole, _, decimals = text.partition(".")
        decimals = decimals[:fixed] + decimals[fixed:].rstrip("0")
        text = f"{whole}.{decimals}" if decimals else whole
    if text.startswith("-") and not any(ch in "123456789" for ch in text):
        text = text[1:]  # no "-0.00"
    return text + ("%" if "%" in section else "")
