"""Tables running across pages are stitched; headers, titles, units and notes are kept apart."""

from __future__ import annotations

from pdf_corpus import CORPUS, corpus_reading

from yusuan.read.pdf.layout import Grid, PageLayout, TextRow
from yusuan.read.pdf.stitch import is_body_row, stitch_tables

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
    assert not is_body_row(("栏次", "1", "2", "3"))
    assert not is_body_row(("1", "2", "3", "4"))
    assert is_body_row(("1", "5", "3"))


def _grid(page: int, rows: list[tuple[str | None, ...]], top: float = 100.0) -> Grid:
    xs = tuple(float(10 * i) for i in range(len(rows[0])))
    boxes = tuple((0.0, top + 10 * i, 10.0 * len(xs), top + 10 * (i + 1)) for i in range(len(rows)))
    return Grid(page, (0.0, top, 10.0 * len(xs), top + 10 * len(rows)), xs, tuple(rows), boxes)


def _page(number: int, title: str | None, grid: Grid) -> PageLayout:
    rows = (TextRow((title,), (0.0, 50.0, 100.0, 60.0)),) if title else ()
    return PageLayout(number, 842.0, 595.0, (grid,), rows, 10)


HEADER: tuple[str | None, ...] = ("项目", "合计", "基本支出")


def test_continued_title_and_new_title_are_told_apart() -> None:
    first = _page(1, "2025年支出预算总表", _grid(1, [HEADER, ("一般公共服务", "3", "3")]))
    continued = _page(2, "2025年支出预算总表（续）", _grid(2, [HEADER, ("教育", "2", "2")]))
    other = _page(3, "2025年收入预算总表", _grid(3, [HEADER, ("教育", "1", "1")]))
    tables = stitch_tables([first, continued, other])
    assert [(t.title, t.pages, len(t.body)) for t in tables] == [
        ("2025年支出预算总表", [1, 2], 2),
        ("2025年收入预算总表", [3], 1),
    ]


def test_grid_whose_columns_do_not_line_up_starts_a_new_table() -> None:
    first = _page(1, "2025年支出预算总表", _grid(1, [HEADER, ("一般公共服务", "3", "3")]))
    wider = _grid(2, [("a", "b", "c", "d"), ("教育", "1", "1", "1")])
    shifted = Grid(2, wider.bbox, tuple(x + 5 for x in wider.xs), wider.rows, wider.row_boxes)
    tables = stitch_tables([first, PageLayout(2, 842.0, 595.0, (shifted,), (), 10)])
    assert [t.pages for t in tables] == [[1], [2]]
    assert tables[1].title is None


def test_continuation_rows_that_look_like_header_are_kept() -> None:
    first = _page(1, "2025年支出预算总表", _grid(1, [HEADER, ("一般公共服务", "3", "3")]))
    # The next page starts with a row of names only (no figure): not the repeated header.
    tail = _page(2, None, _grid(2, [("其他支出", "", ""), ("合计", "5", "5")]))
    (table,) = stitch_tables([first, tail])
    assert [row.cells[0] for row in table.body] == ["一般公共服务", "其他支出", "合计"]


def test_a_title_with_a_bracketed_qualifier_after_biao_is_a_title() -> None:
    # the Shanxi template prints "…支出预算表(不含上年结转)" and "…项目支出预算表(本年预算)"
    first = _page(1, "2025年一般公共预算支出预算表(不含上年结转)", _grid(1, [HEADER, ("合计", "3", "3")]))
    second = _page(2, "2025年项目支出预算表（本年预算）", _grid(2, [HEADER, ("合计", "1", "1")]))
    not_a_title = _page(3, "单位：万元（不含上年结转）", _grid(3, [HEADER, ("合计", "2", "2")]))
    tables = stitch_tables([first, second, not_a_title])
    assert [(t.title, t.pages) for t in tables] == [
        ("2025年一般公共预算支出预算表(不含上年结转)", [1]),
        ("2025年项目支出预算表（本年预算）", [2, 3]),
    ]


def test_the_rows_of_a_table_without_figures_are_body_not_header() -> None:
    # 三公 table of a unit that has none: every line printed, every figure cell empty ("" not merged)
    header: tuple[str | None, ...] = ("项目", "2025年预算数", None)
    names = ("因公出国(境)费", "公务接待费", "合计")
    grid = _grid(1, [header, (None, "合计", "一般公共预算"), *((n, "", "") for n in names)])
    (table,) = stitch_tables([_page(1, '2025年财政拨款安排"三公"经费支出预算表', grid)])
    assert len(table.header) == 2
    assert [row.cells[0] for row in table.body] == list(names)
