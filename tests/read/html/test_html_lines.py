"""HTML -> Lines: blocks and tables in order, spans expanded, implied end tags, encodings."""

from __future__ import annotations

import codecs

import pytest

from yusuan.read.errors import InputError
from yusuan.read.html import decode_html, html_lines


def _cells(page: str) -> list[tuple[str, ...]]:
    return [line.cells for line in html_lines("p.html", page.encode("utf-8"))]


def test_blocks_and_tables_in_document_order() -> None:
    page = """<html><head><title>不读</title><style>p {}</style><script>var x = "<p>no</p>";</script></head>
<body><h1>朔州市朔城区数字政府服务中心
   2025年度单位预算公开</h1>
<div>第一部分 概况<br>一、本单位职责</div>
<p>预算收入&nbsp;341.11万元，<b>其中</b>：本年收入341.11万元。
<table><caption>2025年预算支出总表</caption>
<tr><th rowspan="2">科目编码</th><th rowspan="2">科目名称</th><th colspan="2">2025年预算数</th></tr>
<tr><th>合计</th><th>基本支出</th></tr>
<tr><td>201</td><td>一般公共<br>服务支出</td><td>293.07</td><td>146.17</td></tr>
</table>
<p>注：本表无数据</p></body></html>"""
    assert _cells(page) == [
        ("朔州市朔城区数字政府服务中心 2025年度单位预算公开",),
        ("第一部分 概况",),
        ("一、本单位职责",),
        ("预算收入 341.11万元，其中：本年收入341.11万元。",),
        ("2025年预算支出总表",),
        ("科目编码", "科目名称", "2025年预算数", ""),
        ("", "", "合计", "基本支出"),
        ("201", "一般公共 服务支出", "293.07", "146.17"),
        ("",),  # the gap after the table
        ("注：本表无数据",),
    ]


def test_implied_end_tags_and_ragged_rows() -> None:
    page = "<table><tr><td>收入<td>341.11<tr><td>合计</table><p>后文"
    assert _cells(page) == [("收入", "341.11"), ("合计", ""), ("",), ("后文",)]


def test_header_and_footer_rows_where_a_browser_shows_them() -> None:
    page = (
        "<table><tfoot><tr><td>合计</td></tr></tfoot><tbody><tr><td>201</td></tr></tbody>"
        "<thead><tr><th>科目</th></tr></thead></table>"
    )
    assert _cells(page) == [("科目",), ("201",), ("合计",), ("",)]


def test_a_layout_table_is_read_as_blocks() -> None:
    page = (
        "<table><tr><td><p>2025年预算收入总表</p>"
        "<table><tr><td>201</td><td>8.42</td></tr></table></td>"
        "<td>侧栏</td></tr></table>"
    )
    assert _cells(page) == [("2025年预算收入总表",), ("201", "8.42"), ("",), ("侧栏",)]


def test_pre_keeps_lines_and_tabs() -> None:
    assert _cells("<pre>收入\t341.11\n\n合计\t341.11</pre>") == [("收入", "341.11"), ("合计", "341.11")]


def test_sources_are_lines_of_the_page() -> None:
    lines = html_lines("p.html", b"<p>a</p>\n<table>\n<tr><td>x</td></tr>\n<tr><td>y</td></tr></table>")
    assert [(line.cells, line.source.line) for line in lines] == [
        (("a",), 1),
        (("x",), 3),
        (("y",), 4),
        (("",), 2),
    ]


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ('<meta charset="gb2312"><p>预算</p>'.encode("gb18030"), "预算"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=GBK"><p>预算</p>'.encode("gbk"),
            "预算",
        ),
        (codecs.BOM_UTF16_LE + "<p>预算</p>".encode("utf-16-le"), "预算"),
        ("<p>预算</p>".encode(), "预算"),
        ("<p>预算</p>".encode("gb18030"), "预算"),  # undeclared: not UTF-8, so GB18030
    ],
)
def test_encodings(data: bytes, text: str) -> None:
    assert text in decode_html("p.html", data)


def test_a_bad_declared_utf16_page_is_refused() -> None:
    with pytest.raises(InputError, match="utf-16"):
        decode_html("p.html", codecs.BOM_UTF16_LE + b"<\x00p\x00>\x00\x00\xd8")


def test_what_a_browser_does_not_show_is_not_read() -> None:
    page = (
        '<p hidden>隐藏</p><div style="display: none">不显示</div><p>显示</p>'
        '<table><tr><td>201</td><td style="DISPLAY:none">草稿</td><td>8.42</td></tr>'
        '<tr style="visibility:hidden"><td>不可见</td></tr></table>'
    )
    assert _cells(page) == [("显示",), ("201", "8.42"), ("",)]
