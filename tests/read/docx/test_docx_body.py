"""DOCX body -> Lines: order, merged cells, tabs and breaks, what is not printed text."""

from __future__ import annotations

from pathlib import Path

import docx
from lxml import etree

from yusuan.read.docx import body_lines
from yusuan.read.limits import DEFAULT_LIMITS

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _cells(path: str, body: object) -> list[tuple[str, ...]]:
    return [line.cells for line in body_lines(path, body, DEFAULT_LIMITS)]


def test_paragraphs_and_merged_tables_in_body_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("2025年预算支出总表")
    table = document.add_table(rows=3, cols=4)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "科目编码"  # vertical: 2 rows
    table.cell(0, 1).merge(table.cell(1, 1)).text = "科目名称"
    table.cell(0, 2).merge(table.cell(0, 3)).text = "2025年预算数"  # horizontal: 2 columns
    table.cell(1, 2).text, table.cell(1, 3).text = "合计", "基本支出"
    for c, text in enumerate(["201", "一般公共服务支出", "293.07", "146.17"]):
        table.cell(2, c).text = text
    document.add_paragraph("")
    paragraph = document.add_paragraph("表一\t2025年预算收支总表\t4")
    paragraph.add_run().add_break()
    paragraph.add_run("第二行")
    path = tmp_path / "t.docx"
    document.save(str(path))
    lines = body_lines(str(path), docx.Document(str(path)).element.body, DEFAULT_LIMITS)
    assert [line.cells for line in lines] == [
        ("2025年预算支出总表",),
        ("科目编码", "科目名称", "2025年预算数", ""),
        ("", "", "合计", "基本支出"),
        ("201", "一般公共服务支出", "293.07", "146.17"),
        ("",),
        ("表一", "2025年预算收支总表", "4"),
        ("第二行",),
    ]
    assert [line.source.line for line in lines] == [1, 2, 3, 4, 5, 6, 7]
    assert all(line.source.page is None and line.source.file == str(path) for line in lines)


def _body(xml: str) -> object:
    return etree.fromstring(
        f'<w:body xmlns:w="{W_NS}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' + xml + "</w:body>"
    )


def test_grid_before_after_and_content_controls() -> None:
    body = _body(
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>封面</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        '<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>'
        "<w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc>"
        "<w:sdt><w:sdtContent><w:tc><w:p><w:r><w:t>金额</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt></w:tr>"
        "<w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr>"
        "</w:tbl>"
        "<w:p><w:r><w:t>注：本表无数据</w:t></w:r></w:p>"
    )
    assert _cells("x.docx", body) == [
        ("封面",),
        ("", "项目", "金额", ""),
        ("a b", "", "", ""),  # two paragraphs in one cell; the row padded to the grid
        ("",),  # the gap after the table, before the text that follows it
        ("注：本表无数据",),
    ]


def test_deleted_text_field_codes_and_fallbacks_are_not_printed() -> None:
    body = _body(
        "<w:p><w:r><w:t>收入</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del>"
        "<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:tab/><w:t>341.11</w:t></w:r>"
        "<mc:AlternateContent><mc:Choice><w:r><w:t>甲</w:t></w:r></mc:Choice>"
        "<mc:Fallback><w:r><w:t>甲</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>"
    )
    assert _cells("x.docx", body) == [("收入", "341.11甲")]


def test_vertical_merge_keeps_text_in_its_first_row() -> None:
    body = _body(
        "<w:tbl>"
        '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>'
        "<w:p><w:r><w:t>工资福利支出</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>基本工资</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>工资福利支出</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>津贴补贴</w:t></w:r></w:p></w:tc></w:tr>"
        "</w:tbl><w:p/>"
    )
    assert _cells("x.docx", body) == [("工资福利支出", "基本工资"), ("", "津贴补贴"), ("",)]


def test_a_table_holding_a_table_is_a_layout_table() -> None:
    body = _body(
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>2025年预算收入总表</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>201</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>8.42</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "</w:tc><w:tc><w:p><w:r><w:t>侧栏</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    assert _cells("x.docx", body) == [("2025年预算收入总表",), ("201", "8.42"), ("",), ("侧栏",)]
