"""Numbers as the spreadsheet shows them: the format's places, 四舍五入, never float arithmetic."""

from __future__ import annotations

import pytest

from yusuan.read.xlsx import shown_number

CASES = [
    (146.9, "0.00", "146.90"),
    (146.9, "#,##0.00", "146.90"),
    (1234567.891, "#,##0.00", "1,234,567.89"),
    (2.675, "0.00", "2.68"),  # the double is 2.67499999…; as written (repr "2.675") it rounds up
    (0.125, "0.00", "0.13"),
    (0.1 + 0.2, "General", "0.3"),  # 15 significant digits, as Excel shows
    (341.11, "General", "341.11"),
    (100.0, "General", "100"),
    (5, "0.00", "5.00"),
    (7, "General", "7"),
    (0.5, "0%", "50%"),
    (0.0593, "0.00%", "5.93%"),
    (-0.001, "0.00", "0.00"),
    (1234.5, "#,##0.00;[Red]-#,##0.00", "1,234.50"),
    (-3.5, "0.00;(0.00)", "-3.50"),
    (1234567, "#,##0,", "1,235"),  # a trailing comma shows thousands
    (1.5, '"￥"#,##0.00', "1.50"),  # literal text is not part of the figure
    (12.3, "0.0#", "12.3"),
    (12.345, "0.0#", "12.35"),
    (146.9, "@", "146.9"),
    (146.9, None, "146.9"),
    (1e20, "General", "100000000000000000000"),
    (float("inf"), "0.00", "inf"),
    (float("nan"), "0.00", "nan"),
]


@pytest.mark.parametrize(("value", "number_format", "shown"), CASES)
def test_shown_number(value: float, number_format: str | None, shown: str) -> None:
    assert shown_number(value, number_format) == shown
