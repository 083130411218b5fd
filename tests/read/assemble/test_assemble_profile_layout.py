"""A template without 第X部分 headings (Shanghai): the profile's reading block drives the split."""

from __future__ import annotations

import pytest

from yusuan.model import Column, ReadProblemKind, Section, Source, Table, Unit
from yusuan.read.assemble import assemble
from yusuan.read.assemble.blocks import contents_range, split_blocks
from yusuan.read.assemble.facts import read_facts
from yusuan.read.assemble.narrative import read_glossary
from yusuan.read.assemble.spec import reading_spec
from yusuan.read.assemble.statements import read_assets
from yusuan.read.errors import InputError
from yusuan.read.lines import Line
from yusuan.reference.profiles import load_profile

PAGES = [
    ["上海市2025年市级单位预算", "预算单位：某某局"],
    ["目 录", "一、单位主要职能", "三、名词解释", "1. 2025年预算单位支出预算总表", "六、其他相关情况说明"],
    ["某某局（单位）主要职能", "某某局是主管某事的部门。", "一、负责某事。"],
    ["名词解释", "（一）事业收入：指事业单位取得的", "收入。", "（二）“三公”经费 ：是因公出国（境）费等。"],
    ["2025年单位预算编制说明", "2025年，某某局收入预算1万元。"],
    ["2025年预算单位支出预算总表", "编制单位：某某局\t单位：元"],
    ["其他相关情况说明", "一、2025年“三公”经费预算情况说明", "持平。", "五、国有资产占有使用情况",
     "截至2024年8月31日，某某局共有车辆2辆，其中：机要通信用车1辆、其他用车1辆；",
     "2025年部门预算安排购置车辆1辆，其中：其他用车1辆。"],
]  # fmt: skip


def _lines() -> list[Line]:
    return [
        Line(tuple(text.split("\t")), Source("doc.pdf", page, number))
        for page, texts in enumerate(PAGES, start=1)
        for number, text in enumerate(texts, start=1)
    ]


def test_a_contents_page_ends_with_its_page() -> None:
    lines = _lines()
    profile = load_profile("shanghai")
    assert contents_range(lines, reading_spec(profile)) == (2, 7)


def test_part_headings_open_their_single_section_and_numbered_headings_the_others() -> None:
    profile = load_profile("shanghai")
    blocks = split_blocks(_lines(), profile, reading_spec(profile))
    assert [(b.spec.id, b.heading.source.page) for b in blocks.sections] == [
        ("duties", 3),
        ("glossary", 4),
        ("budget_explanation", 5),
        ("three_public", 7),
        ("assets", 7),
    ]
    duties = blocks.sections[0]
    assert [line.text for line in duties.lines] == ["某某局是主管某事的部门。", "一、负责某事。"]
    assert [b.spec.id for b in blocks.tables] == ["expenditure"]
    assert [line.text for line in blocks.cover] == ["上海市2025年市级单位预算", "预算单位：某某局"]
    assert blocks.orphans == []


def test_the_unit_comes_from_the_cover_line_when_the_title_does_not_name_it() -> None:
    profile = load_profile("shanghai")
    reading = reading_spec(profile)
    blocks = split_blocks(_lines(), profile, reading)
    facts = read_facts(blocks.cover, [], reading, profile.id, profile.currency_unit)
    assert (facts.unit, facts.year, facts.scope.value, facts.kind.value) == ("某某局", 2025, "unit", "budget")
    assert facts.title == "上海市2025年市级单位预算"


def test_glossary_entries_numbered_in_brackets() -> None:
    lines = _lines()
    glossary, problems = read_glossary([ln for ln in lines if ln.source.page == 4][1:])
    assert problems == []
    assert [(g.term, g.definition) for g in glossary] == [
        ("事业收入", "指事业单位取得的收入。"),
        ("“三公”经费", "是因公出国（境）费等。"),
    ]


def test_vehicles_held_are_read_from_their_sentence_only() -> None:
    reading = reading_spec(load_profile("shanghai"))
    text = "\n".join(PAGES[-1][4:])
    assets = read_assets(Section("assets", "国有资产占有使用情况", text), reading)
    assert assets.vehicles == {"实有": 2, "机要通信用车": 1, "其他用车": 1}  # not the purchase
    assert assets.figures == {"预算安排购置车辆": "1辆"}


def test_assemble_with_tables_read_elsewhere_keeps_them_and_names_the_missing() -> None:
    table = Table("expenditure", "2025年预算单位支出预算总表", Unit.YUAN, [Column("total", "合计")])
    disclosure = assemble(_lines(), "doc.pdf", "shanghai", tables=({"expenditure": table}, []))
    assert list(disclosure.tables) == ["expenditure"] and disclosure.tables["expenditure"] is table
    missing = [p.what for p in disclosure.problems]
    assert len(missing) == 8 and all("未找到" in what for what in missing)
    assert [g.term for g in disclosure.glossary] == ["事业收入", "“三公”经费"]
    assert disclosure.section("glossary") is not None


def test_assemble_of_the_narrative_alone_reads_it_and_says_the_tables_are_apart() -> None:
    disclosure = assemble(_lines(), "doc.pdf", "shanghai", tables=({}, []))
    assert disclosure.tables == {} and disclosure.section("glossary") is not None
    (problem,) = disclosure.problems
    assert problem.kind is ReadProblemKind.MISSING and "未印任何表格" in problem.what
    assert "财务收支预算总表" in problem.text


def test_assemble_without_any_table_or_section_is_refused() -> None:
    cover = [line for line in _lines() if line.source.page == 1][:2]
    with pytest.raises(InputError, match="未找到任何预算表"):
        assemble(cover, "doc.pdf", "shanghai", tables=({}, []))
