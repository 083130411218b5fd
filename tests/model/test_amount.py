from decimal import Decimal

import pytest

from yusuan.model import Amount, AmountError, Unit, quantize, rounding_tolerance


@pytest.mark.parametrize(
    ("text", "value", "places", "unit"),
    [
        ("341. 11", "341.11", 2, Unit.YUAN),
        ("341.11", "341.11", 2, Unit.YUAN),
        ("1,200,000", "1200000", 0, Unit.YUAN),
        ("1, 200, 000", "1200000", 0, Unit.YUAN),
        ("120万元", "120", 0, Unit.WAN),
        ("146.9", "146.9", 1, Unit.YUAN),
        ("-3.92", "-3.92", 2, Unit.YUAN),
        ("0", "0", 0, Unit.YUAN),
    ],
)
def test_parse(text: str, value: str, places: int, unit: Unit) -> None:
    amount = Amount.parse(text)
    assert amount is not None
    assert amount.value == Decimal(value)
    assert amount.places == places
    assert amount.unit is unit


@pytest.mark.parametrize("text", ["", "  ", "—", "-", "－", None])
def test_no_value(text: str | None) -> None:
    assert Amount.parse(text) is None


@pytest.mark.parametrize("text", ["abc", "12.3.4", "1,20", "ХШ", "10月花"])
def test_not_an_amount(text: str) -> None:
    with pytest.raises(AmountError):
        Amount.parse(text)


@pytest.mark.parametrize(
    "text", ["1,234.56", "-3.92", "0", "0.00", "-0", "1200000", "12,345,678.9", "007", "1234,567", "1,2345"]
)
def test_plain_form_reads_as_the_general_way(text: str) -> None:
    """The plain form ("1,234.56") is read on a short path; a stray space sends the same text
    the general way, and both must give the same value, places, unit and exact digits."""
    try:
        short = Amount.parse(text, Unit.WAN)
    except AmountError:
        with pytest.raises(AmountError):
            Amount.parse(f" {text} ", Unit.WAN)
        return
    general = Amount.parse(f" {text} ", Unit.WAN)
    assert short is not None and general is not None
    assert (short.value.as_tuple(), short.unit, short.places) == (
        general.value.as_tuple(),
        general.unit,
        general.places,
    )


def test_unit_conversion_is_exact() -> None:
    amount = Amount.parse("146.90", Unit.WAN)
    assert amount is not None
    assert amount.yuan == Decimal("1469000.00")
    assert amount.to(Unit.YI) == Decimal("0.01469")


def test_normalised_keeps_written_places() -> None:
    assert Amount.parse("146.90", Unit.WAN).normalised() == "146.90"  # type: ignore[union-attr]
    assert str(Amount.parse("146.9", Unit.WAN)) == "146.9万元"


def test_round_half_up() -> None:
    assert quantize(Decimal("56.935"), 2) == Decimal("56.94")
    assert quantize(Decimal("-0.005"), 2) == Decimal("-0.01")


def test_tolerance_from_precision() -> None:
    parts = [Amount.parse(t, Unit.WAN) for t in ("0.83", "20.42", "1.0")]
    tol = rounding_tolerance([p for p in parts if p is not None], Unit.WAN)
    assert tol == Decimal("0.005") + Decimal("0.005") + Decimal("0.05")
