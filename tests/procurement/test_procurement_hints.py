"""The checker's question: does a project name show a purchase?"""

from __future__ import annotations

import pytest

from yusuan.procurement import implies_purchase


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("办公设备购置", "购置"),
        ("政府采购信息化项目", "采购"),
        ("政府购买服务", "购买"),
        ("遗属补助", None),
        ("", None),
    ],
)
def test_implies_purchase(name: str, word: str | None) -> None:
    assert implies_purchase(name) == word
