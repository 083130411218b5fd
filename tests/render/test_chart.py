"""The structure chart takes the 类 rows of its table column; no table or no amount, no chart."""

from __future__ import annotations

import re
from decimal import Decimal

from yusuan.model import Disclosure
from yusuan.reference.templates import load_template_form
from yusuan.render.chart import chart_block, chart_png, chart_svg


def test_slices_are_the_class_rows(disclosure: Disclosure) -> None:
    form = load_template_form("shanxi").charts[0]
    block = chart_block(form, disclosure.tables["general_expenditure"])
    assert block is not None
    assert [(s.label, s.text) for s in block.slices] == [
        ("一般公共服务支出", "293.07"),
        ("社会保障和就业支出", "21.26"),
        ("卫生健康支出", "8.42"),
        ("住房保障支出", "18.36"),
    ]
    assert sum(s.value for s in block.slices) == Decimal("341.11")
    assert chart_png(block)[:8] == b"\x89PNG\r\n\x1a\n"
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", chart_svg(block))
    assert texts[0] == "一般公共服务支出 293.07万元" and len(texts) == 4
    assert not any("%" in t for t in texts)  # the chart states no figure the tables do not


def test_no_chart_without_amounts(disclosure: Disclosure) -> None:
    form = load_template_form("shanxi").charts[0]
    assert chart_block(form, None) is None
    assert chart_block(form, disclosure.tables["fund_expenditure"]) is None
