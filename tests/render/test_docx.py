"""DOCX read back with python-docx: real tables, merged headers, repeated header rows, cells."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from readback import assert_rows_read_back, tables_in_order

from yusuan.model import Disclosure


def test_docx_contents_field_and_core_properties(rendered: dict[str, Path]) -> None:
    document = docx.Document(str(rendered["docx"]))
    body = document.element.body
    instructions = [el.text for el in body.iter(qn("w:instrText"))]
    assert any(i.strip().startswith("TOC") for i in instructions)
    texts = [p.text for p in document.paragraphs]
    # the field's entries are filled with the printed edition's pages: "第一部分 概况\t4"
    entry = next(t for t in texts if t.startswith("第一部分 概况\t"))
    assert int(entry.split("\t")[1]) > 2
    assert document.settings.element.find(qn("w:updateFields")) is not None  # Word refreshes it
    # headings carry outline levels, which the field lists
    levels = [el.get(qn("w:val")) for el in body.iter(qn("w:outlineLvl"))]
    assert levels.count("0") == 4 and levels.count("1") >= 13
    props = document.core_properties
    assert props.title == "朔州市朔城区数字政府服务中心2025年度单位预算公开"
    assert props.author == "朔州市朔城区数字政府服务中心"
    assert props.created is not None and props.created.year >= 2026
    assert "python-docx" not in (props.comments or "")


def test_docx_cells_padded_and_centred_vertically(rendered: dict[str, Path]) -> None:
    document = docx.Document(str(rendered["docx"]))
    income = document.tables[1]
    margins = income._tbl.tblPr.find(qn("w:tblCellMar"))
    assert margins is not None and int(margins.find(qn("w:top")).get(qn("w:w"))) > 0
    cells = [tc for row in income.rows for tc in row._tr.tc_lst if tc.tcPr.find(qn("w:vMerge")) is None]
    assert len(cells) > 100
    for tc in cells:
        v_align = tc.tcPr.find(qn("w:vAlign"))
        assert v_align is not None and v_align.get(qn("w:val")) == "center"


def _matrix(table: docx.table.Table, skip: int) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows[skip:]]


def _header_rows(table: docx.table.Table) -> int:
    return sum(
        1
        for row in table.rows
        if row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
    )


def test_docx_tables_hold_every_cell(disclosure: Disclosure, rendered: dict[str, Path]) -> None:
    document = docx.Document(str(rendered["docx"]))
    tables = tables_in_order(disclosure)
    # the 13 tables, the chart's legend (after section 五), then the performance sheet
    assert len(document.tables) == len(tables) + 1 + len(disclosure.performance_targets)
    compared = 0
    for table, found in zip(tables, document.tables, strict=False):
        header = _header_rows(found)
        assert header in (1, 2, 3), f"{table.id}: {header} header rows marked to repeat"
        compared += assert_rows_read_back(table, _matrix(found, header))
        every_row_whole = all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in found.rows)
        assert every_row_whole, f"{table.id}: a row may split across pages"
    assert compared == 583


def test_docx_merged_header_cells(rendered: dict[str, Path]) -> None:
    document = docx.Document(str(rendered["docx"]))
    income = document.tables[1]
    first = income.rows[0].cells
    assert first[2] is not None and first[2]._tc is first[7]._tc  # 本年收入 spans six columns
    assert first[2].text == "本年收入"
    assert income.rows[0].cells[8]._tc is income.rows[1].cells[8]._tc  # 上年结转 spans two rows
    gridspans = [tc.tcPr.find(qn("w:gridSpan")) for tc in income.rows[0]._tr.tc_lst]
    assert [int(g.get(qn("w:val"))) if g is not None else 1 for g in gridspans] == [2, 6, 1]


def test_docx_text_parts_and_page_set_up(disclosure: Disclosure, rendered: dict[str, Path]) -> None:
    document = docx.Document(str(rendered["docx"]))
    texts = [p.text for p in document.paragraphs]
    for expected in (
        "朔州市朔城区数字政府服务中心",  # the cover title in two lines, broken at sense
        "2025年度单位预算公开",
        "第一部分 概况",
        "一、本单位职责",
        "预算公开表1",
        "2025年预算收支总表",
        "注：本表无数据",
        "一、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
    ):
        assert expected in texts, expected
    assert "单位名称：朔州市朔城区数字政府服务中心\t单位：万元" in texts
    widths = {round(s.page_width.mm) for s in document.sections}
    assert widths == {210, 297}  # portrait A4, and landscape A4 for the wide tables
    # the cover and the 目录 carry no page number; from the body on, odd pages right, even left
    assert "PAGE" not in document.sections[0].footer.paragraphs[0]._p.xml
    odd, even = document.sections[1].footer.paragraphs[0], document.sections[1].even_page_footer.paragraphs[0]
    assert "PAGE" in odd._p.xml and "— " in odd._p.xml and "PAGE" in even._p.xml
    assert (odd.alignment, even.alignment) == (WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT)
    assert document.settings.element.find(qn("w:evenAndOddHeaders")) is not None
    fonts = {el.get(qn("w:eastAsia")) for el in document.element.body.iter(qn("w:rFonts"))}
    assert {"仿宋", "黑体"} <= fonts


def test_docx_chart_is_a_picture_with_an_editable_legend(rendered: dict[str, Path]) -> None:
    document = docx.Document(str(rendered["docx"]))
    assert len(document.inline_shapes) == 1
    legend = document.tables[13]
    assert [[c.text for c in row.cells][1:] for row in legend.rows] == [
        ["一般公共服务支出", "293.07万元（85.92%）"],
        ["社会保障和就业支出", "21.26万元（6.23%）"],
        ["卫生健康支出", "8.42万元（2.47%）"],
        ["住房保障支出", "18.36万元（5.38%）"],
    ]
    assert "一般公共预算当年拨款结构图" in [p.text for p in document.paragraphs]
