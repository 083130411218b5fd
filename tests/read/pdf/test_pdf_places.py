"""A finding's location found on the printed page: the right cell, the right sentence, on real PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest

from yusuan import api
from yusuan.check.figures import cell_location, row_key
from yusuan.model import Disclosure, Finding, Location
from yusuan.read.assemble.text import squeeze
from yusuan.read.pdf.layout import BBox, Glyph
from yusuan.read.pdf.places import PdfPages, Place, locate
from yusuan.read.places import find_row

ROOT = Path(__file__).resolve().parents[3]
FINANCE = ROOT / "tests" / "corpus" / "shanghai-putuo-finance-bureau-2025-dept-budget.pdf"
PLANNING = ROOT / "tests" / "corpus" / "final" / "shanghai-putuo-planning-bureau-2024-dept-final-accounts.pdf"


def _read(path: Path) -> tuple[Disclosure, list[Finding], PdfPages]:
    disclosure = api.parse(path)
    report = api.check_disclosure(disclosure)
    return disclosure, list(report.findings), PdfPages(str(path), path.read_bytes())


@pytest.fixture(scope="module")
def finance() -> tuple[Disclosure, list[Finding], PdfPages]:
    return _read(FINANCE)


@pytest.fixture(scope="module")
def planning() -> tuple[Disclosure, list[Finding], PdfPages]:
    return _read(PLANNING)


def _inside(glyph: Glyph, box: BBox) -> bool:
    x, y = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _text_in(pages: PdfPages, place: Place) -> str:
    """The characters printed inside the place's boxes, box by box, top to bottom."""
    glyphs = pages.page(place.page).glyphs
    return "".join(
        "".join(
            g.text for g in sorted((g for g in glyphs if _inside(g, box)), key=lambda g: (round(g.top), g.x0))
        )
        for box in place.boxes
    )


def _within(inner: BBox, outer: BBox, slack: float = 0.5) -> bool:
    return (
        inner[0] >= outer[0] - slack
        and inner[1] >= outer[1] - slack
        and inner[2] <= outer[2] + slack
        and inner[3] <= outer[3] + slack
    )


def _one_place(pages: PdfPages, disclosure: Disclosure, location: Location) -> Place:
    places = locate(pages, disclosure, location)
    assert len(places) == 1, (location, places)
    return places[0]


def _header_x(pages: PdfPages, page: int, word: str, above: float) -> list[float]:
    """The centres (x) of every printing of ``word`` above ``above`` on the page (column headers)."""
    lines: dict[float, list[Glyph]] = {}
    for glyph in pages.page(page).glyphs:
        if glyph.bottom <= above:
            lines.setdefault(round(glyph.top), []).append(glyph)
    centres: list[float] = []
    for line in lines.values():
        line.sort(key=lambda g: g.x0)
        text = "".join(g.text for g in line)
        start = text.find(word)
        while start >= 0:
            run = line[start : start + len(word)]
            centres.append((run[0].x0 + run[-1].x1) / 2)
            start = text.find(word, start + 1)
    return centres


def test_the_n101_sentence_and_its_cell_on_the_finance_budget(
    finance: tuple[Disclosure, list[Finding], PdfPages],
) -> None:
    disclosure, findings, pages = finance
    n101 = next(f for f in findings if f.rule == "N101" and "887.36" in f.message)
    sentence, cell = n101.locations
    assert sentence.sentence is not None and cell.table == "general_expenditure"

    [place] = locate(pages, disclosure, sentence)
    assert place.page == 7 and len(place.boxes) == 2  # the sentence runs over two printed lines
    assert _text_in(pages, place) == squeeze(sentence.sentence)
    assert place.boxes[0][1] < place.boxes[1][1]

    found = find_row(disclosure, cell)
    assert found is not None and found.row.code == "2080506" and found.row.source is not None
    row_box = found.row.source.bbox
    assert row_box is not None
    place = _one_place(pages, disclosure, cell)
    assert place.page == 15 and place.exact
    [box] = place.boxes
    assert _within(box, row_box)
    assert box[2] - box[0] < (row_box[2] - row_box[0]) / 4  # one column, not the row
    assert _text_in(pages, place) == "873,617.00"
    # 合计 and 基本支出 both print 873,617.00 here: the box stands under the header 合计
    assert any(box[0] < x < box[2] for x in _header_x(pages, 15, "合计", row_box[1]))
    assert not any(box[0] < x < box[2] for x in _header_x(pages, 15, "基本支出", row_box[1]))


def test_cross_table_cells_on_the_final_accounts(
    planning: tuple[Disclosure, list[Finding], PdfPages],
) -> None:
    disclosure, findings, pages = planning
    f102 = next(f for f in findings if f.rule == "F102" and f.location.row == "九、卫生健康支出")
    overview, expenditure = f102.locations
    # 收入支出决算总表: 收入 on the left, 支出 on the right; the 支出 side's 决算数 is meant
    place = _one_place(pages, disclosure, overview)
    found = find_row(disclosure, overview)
    assert found is not None and found.row.source is not None and found.row.source.bbox is not None
    assert found.row.side == "expenditure" and found.cell is not None
    assert place.page == 7 and _within(place.boxes[0], found.row.source.bbox)
    assert _text_in(pages, place) == found.row.cells[found.cell].text == "236.63"
    assert place.boxes[0][0] > (found.row.source.bbox[0] + found.row.source.bbox[2]) / 2  # right half

    place = _one_place(pages, disclosure, expenditure)
    assert place.page == 10 and _text_in(pages, place) == "236.64"


def test_three_cells_of_one_row_side_by_side(planning: tuple[Disclosure, list[Finding], PdfPages]) -> None:
    disclosure, findings, pages = planning
    a102 = next(f for f in findings if f.rule == "A102" and f.location.row == "212 城乡社区支出")
    places = [_one_place(pages, disclosure, location) for location in a102.locations]
    boxes = [place.boxes[0] for place in places]
    assert [location.column for location in a102.locations] == ["合计", "基本支出", "项目支出"]
    assert boxes[0][2] <= boxes[1][0] + 0.5 and boxes[1][2] <= boxes[2][0] + 0.5  # left to right, apart
    found = find_row(disclosure, a102.locations[0])
    assert found is not None
    assert [_text_in(pages, p) for p in places] == [c.text for c in found.row.cells[:3]]


def test_a_whole_table_and_what_cannot_be_placed(finance: tuple[Disclosure, list[Finding], PdfPages]) -> None:
    disclosure, findings, pages = finance
    c104 = next(f for f in findings if f.rule == "C104")
    [place] = locate(pages, disclosure, c104.location)
    # the table has one row (合计) and no figures: the whole ruled table is marked, header to 合计
    table = disclosure.tables["capital_budget"]
    [row] = table.rows
    assert row.source is not None and row.source.bbox is not None
    assert place.page == 18 and len(place.boxes) == 1
    [box] = place.boxes
    assert _within(row.source.bbox, box) and box[1] < row.source.bbox[1] - 100  # the header rows too
    inside = _text_in(pages, place)
    assert "合计" in inside and squeeze(table.title) not in inside  # the title is printed above it
    assert locate(pages, disclosure, Location(table="general_expenditure", row="9999999 没有这一行")) == []
    assert locate(pages, disclosure, Location(sentence="这句话不在文件里。", page=7)) == []
    assert locate(pages, disclosure, Location(section="budget_explanation", page=7)) == []


# the corpus PDFs that print figures (the 决算 template and the 江苏人大 budget print none)
WITH_FIGURES = [
    path
    for path in sorted((ROOT / "tests" / "corpus").glob("**/*.pdf"))
    if "template" not in path.stem and "npc-standing-committee" not in path.stem
]


@pytest.mark.parametrize("path", WITH_FIGURES, ids=lambda p: p.stem)
def test_every_printed_cell_of_the_corpus_is_boxed_on_its_figure(path: Path) -> None:
    """Each cell a rule could name (table, row key, column label, as check.figures writes it) is
    boxed where its own figure is printed; a row the grid does not show is boxed whole, never wrongly."""
    disclosure = api.parse(path)
    placed, whole_rows, wrong = 0, 0, []
    with PdfPages(str(path), path.read_bytes()) as pages:
        for table in disclosure.tables.values():
            for row in table.rows:
                for index, column in enumerate(table.columns):
                    if index >= len(row.cells) or (column.side and row.side and column.side != row.side):
                        continue
                    if not squeeze(row.cells[index].text):
                        continue
                    place = _one_place(pages, disclosure, cell_location(table, row, column.key))
                    if not place.exact:
                        assert row.source is not None and place.boxes == (row.source.bbox,)
                        whole_rows += 1
                    elif _text_in(pages, place) == squeeze(row.cells[index].text):
                        placed += 1
                    else:
                        wrong.append((table.id, row_key(row), column.label, _text_in(pages, place)))
    assert wrong == []
    assert placed > 150 and whole_rows <= 0.03 * (placed + whole_rows)


def test_a_row_the_grid_does_not_show_is_boxed_whole() -> None:
    path = ROOT / "tests" / "corpus" / "jiangsu" / "jiangsu-high-court-2018-dept-budget.pdf"
    disclosure = api.parse(path)
    table = disclosure.tables["general_expenditure"]
    row = next(r for r in table.rows if r.name == "案件审判")  # printed under the ruled grid of its page
    with PdfPages(str(path), path.read_bytes()) as pages:
        place = _one_place(pages, disclosure, cell_location(table, row, "total"))
        assert row.source is not None and row.source.bbox is not None
        assert not place.exact and place.boxes == (row.source.bbox,)
        assert _text_in(pages, place).endswith(squeeze(row.cells[0].text))
