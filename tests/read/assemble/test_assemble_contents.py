from collections.abc import Callable

from yusuan.read.assemble.blocks import split_blocks
from yusuan.read.assemble.contents import read_contents
from yusuan.read.assemble.spec import ReadingSpec
from yusuan.read.lines import Line
from yusuan.reference.profiles import Profile

LinesOf = Callable[[str], list[Line]]

DOCUMENT = """
某单位 2025年度单位预算公开

目 录

第一|部分|概况||1
|一、|本单位职责|1
第二|部分|报表||4
1. 2025年预算收支总表……4
2．2025年财政拨款收|
支总表|9
第四部分 名词解释|
十二、其他说明|24

第一部分 概况

一、本单位职责

负责某事。
"""


def test_the_contents_are_kept_as_entries(lines_of: LinesOf, shanxi: Profile, reading: ReadingSpec) -> None:
    blocks = split_blocks(lines_of(DOCUMENT), shanxi, reading)
    entries = read_contents(blocks.contents, shanxi, reading)
    assert [(e.text, e.table, e.section) for e in entries] == [
        ("概况", None, None),  # a part: names neither a table nor a section
        ("本单位职责", None, "duties"),
        ("报表", None, None),
        ("2025年预算收支总表", "overview", None),  # numbering and page number taken off
        # a title wrapped onto the next line is one entry
        ("2025年财政拨款收支总表", "fiscal_overview", None),
        ("名词解释", None, None),
        ("其他说明", None, "other"),
    ]
    assert all(e.source.line is not None for e in entries)
    # what else is read is unchanged: the 目录's lines are in no block
    assert [s.spec.id for s in blocks.sections] == ["duties"]
    assert blocks.orphans == []


def test_no_contents_no_entries(lines_of: LinesOf, shanxi: Profile, reading: ReadingSpec) -> None:
    blocks = split_blocks(lines_of("第一部分 概况\n\n一、本单位职责\n\n负责某事。"), shanxi, reading)
    assert blocks.contents == [] and read_contents(blocks.contents, shanxi, reading) == []
