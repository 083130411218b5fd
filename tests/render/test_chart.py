"""The structure chart takes the 类 rows of its table column; no table or no amount, no chart."""

from __future__ import annotations

import re
from dataclasses import replace
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
    # 293.07 of 341.11 (85.92%) dominates: bars, each labelled with its amount and share
    assert block.bars
    svg = chart_svg(block, "仿宋, serif")
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert texts[:2] == ["一般公共服务支出", "293.07万元（85.92%）"] and len(texts) == 8
    assert "<path" not in svg and "font-family='仿宋, serif'" in svg
    # the shares as the narrative states them: 四舍五入 to 0.01%, summing to 100% here
    assert [block.share(s) for s in block.slices] == ["85.92%", "6.23%", "2.47%", "5.38%"]


def test_comparable_parts_make_a_pie(disclosure: Disclosure) -> None:
    form = load_template_form("shanxi").charts[0]
    block = chart_block(form, disclosure.tables["general_expenditure"])
    assert block is not None
    even = replace(block, slices=tuple(replace(s, value=Decimal(100), text="100.00") for s in block.slices))
    assert not even.bars
    svg = chart_svg(even)
    assert svg.count("<path ") == 4
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert texts[0] == "一般公共服务支出 100.00万元（25.00%）"
    assert chart_png(even)[:8] == b"\x89PNG\r\n\x1a\n"


def test_no_chart_without_amounts(disclosure: Disclosure) -> None:
    form = load_template_form("shanxi").charts[0]
    assert chart_block(form, None) is None
    assert chart_block(form, disclosure.tables["fund_expenditure"]) is None
