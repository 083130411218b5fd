"""Every golden table of every corpus PDF, read by the fast path, cell by cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_corpus import (
    CORPUS,
    GOLDEN,
    assert_matches_golden,
    corpus_pdf,
    corpus_reading,
    golden_of,
    read_tables,
)

from yusuan.read.pdf import RawRow, RawTable
from yusuan.read.pdf.tables import TableShapeError, identify, profile_tables, to_table
from yusuan.reference.profiles import load_profile

__all__ = ["corpus_pdf"]


def test_goldens_cover_the_corpus() -> None:
    # every Shanghai PDF here has a golden; the other templates' documents live in sub-folders
    # (tests/corpus/jiangsu/, final/), and every golden names a document of the corpus
    every_pdf = {p.stem for p in CORPUS[0].parent.rglob("*.pdf")}
    goldens = {p.stem for p in GOLDEN.glob("*.json")}
    assert {p.stem for p in CORPUS} <= goldens <= every_pdf


def test_every_golden_cell_is_read_exactly(corpus_pdf: Path) -> None:
    assert_matches_golden(corpus_reading(corpus_pdf), golden_of(corpus_pdf))


def test_all_nine_tables_are_identified(corpus_pdf: Path) -> None:
    reading = corpus_reading(corpus_pdf)
    assert reading.profile is not None
    profile = load_profile(reading.profile)
    found = [spec.id for raw in reading.tables if (spec := identify(raw, profile)) is not None]
    assert sorted(found) == sorted(t.id for t in profile.tables)


def test_three_public_table_is_in_wan_yuan_and_the_rest_in_yuan(corpus_pdf: Path) -> None:
    read = read_tables(corpus_reading(corpus_pdf))
    assert read["three_public"]["unit"] == "万元"
    assert {t["unit"] for key, t in read.items() if key != "three_public"} == {"元"}


def test_a_table_of_the_wrong_width_is_refused() -> None:
    profile = load_profile("shanghai")
    spec = profile.table("expenditure")
    assert spec is not None
    raw = RawTable(title="2025年预算单位支出预算总表", xs=(0.0, 10.0, 20.0))
    raw.body.append(RawRow(("201", "一般公共服务支出", "1"), 1, (0, 0, 30, 10)))
    with pytest.raises(TableShapeError):
        to_table(raw, spec, profile, "x.pdf")


def test_a_column_whose_header_lacks_the_profile_label_is_refused() -> None:
    reading = corpus_reading(next(p for p in CORPUS if "mof" in p.stem))
    profile = load_profile("shanghai")
    raw = next(t for t in reading.tables if t.title == "2025年预算单位支出预算总表")
    spec = profile.table("expenditure")
    assert spec is not None
    to_table(raw, spec, profile, reading.file)  # as printed: accepted
    swapped = [
        tuple({"基本支出": "项目支出", "项目支出": "基本支出"}.get(c or "", c) for c in row)
        for row in raw.header
    ]
    moved = RawTable(title=raw.title, xs=raw.xs, header=swapped, body=raw.body, pages=raw.pages)
    with pytest.raises(TableShapeError, match="basic"):
        to_table(moved, spec, profile, reading.file)


def test_profile_tables_names_every_table_and_every_problem(corpus_pdf: Path) -> None:
    reading = corpus_reading(corpus_pdf)
    assert reading.profile is not None
    tables, problems = profile_tables(reading.tables, load_profile(reading.profile), reading.file)
    assert len(tables) == 9
    assert problems == []


def test_profile_tables_reports_what_it_cannot_lay_out() -> None:
    profile = load_profile("shanghai")
    narrow = RawTable(title="2025年预算单位支出预算总表", xs=(0.0, 10.0, 20.0), pages=[3])
    narrow.body.append(RawRow(("201", "一般公共服务支出", "1"), 3, (0, 0, 30, 10)))
    stranger = RawTable(title="2025年某某明细表", xs=(0.0,), pages=[4])
    untitled = RawTable(title=None, xs=(0.0, 10.0), pages=[6])
    untitled.body.append(RawRow(("合计", "5"), 6, (0, 0, 20, 10)))
    framed_list = RawTable(title=None, xs=(0.0,), pages=[2])
    wide = RawTable(title="2025年预算单位支出预算总表", xs=tuple(float(i) for i in range(7)), pages=[5])
    wide.body.append(RawRow(("201", "", "", "一般公共服务支出", "1,0", "", ""), 5, (0, 0, 70, 10)))
    tables, problems = profile_tables([narrow, stranger, wide, untitled, framed_list], profile, "x.pdf")
    assert list(tables) == ["expenditure"]
    assert [(p.kind.value, p.what, p.source.page if p.source else None) for p in problems] == [
        ("unreadable", "table expenditure", 3),
        ("unrecognised", "table", 4),
        ("unreadable", "table expenditure row 201 column total", 5),
        ("unrecognised", "table", 6),
    ]
    assert problems[-1].text == "合计 | 5"
