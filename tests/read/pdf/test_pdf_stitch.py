"""Tables running across pages are stitched; headers, titles, units and notes are kept apart."""

from __future__ import annotations

from pdf_corpus import CORPUS, corpus_reading

from yusuan.read.pdf.stitch import is_body_row

WANLI = next(p for p in CORPUS if "wanli" in p.stem)
MOF = next(p for p in CORPUS if "mof" in p.stem)
PUTUO = next(p for p in CORPUS if "finance-bureau" in p.stem)


def _table(path, fragment):  # type: ignore[no-untyped-def]
    return next(t for t in corpus_reading(path).tables if t.title and fragment in t.title)


def test_five_page_table_is_one_table_with_its_lone_total_row() -> None:
    table = _table(WANLI, "部门支出预算总表")
    assert table.pages == [14, 15, 16, 17, 18]
    assert len(table.body) == 67
    last = table.body[-1]
    # On p. 18 the 合计 row stands alone, merged over 类/款/项/name: spread back onto 7 columns.
    assert last.page == 18
    assert last.cells == ("合计", "", "", "", "189,767,551", "101,341,746", "88,425,805")


def test_repeated_header_on_continuation_pages_is_dropped() -> None:
    table = _table(MOF, "预算单位收入预算总表")
    assert table.pages == [8, 9]
    assert len(table.header) == 3
    assert not any(row.cells[0] in ("项目", "类", "功能分类科目编码") for row in table.body)
    assert [row.cells[:3] for row in table.body[:3]] == [
        ("201", "", ""),
        ("201", "06", ""),
        ("201", "06", "01"),
    ]


def test_title_unit_line_and_unit_are_read_above_the_table() -> None:
    table = _table(MOF, "三公")
    assert table.title == "2025年单位“三公”经费和机关运行经费预算表"
    assert table.unit_name == "编制单位：上海市财政局"
    assert table.unit_text == "单位:万元"
    assert len(table.header) == 3 and len(table.body) == 1


def test_note_under_an_empty_table_is_kept() -> None:
    table = _table(PUTUO, "政府性基金预算支出功能分类预算表")
    assert table.notes == ["注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。"]


def test_header_rows_end_at_the_first_figure_code_or_item() -> None:
    assert not is_body_row(("项目", None, "收入预算"))
    assert not is_body_row(("合计", "因公出国(境)费", "公务接待费"))
    assert is_body_row(("201", "", "", "一般公共服务支出", "127,886,849"))
    assert is_body_row(("合计", "", "", "", "", ""))
    assert is_body_row(("一、财政拨款收入", "", "一、一般公共服务支出", ""))
    assert is_body_row(("", "", ""))
