from collections.abc import Callable

from yusuan.model import ReadProblemKind
from yusuan.read.assemble.blocks import AttachmentBlock, SectionBlock
from yusuan.read.assemble.narrative import join_lines, read_attachment, read_glossary, read_section
from yusuan.read.lines import Line
from yusuan.reference.profiles import Profile

LinesOf = Callable[[str], list[Line]]


def test_section_text_as_printed(lines_of: LinesOf, shanxi: Profile) -> None:
    lines = lines_of("九、政府采购情况\n\n政府采购预算总额3.93万元。\n\n其中: 货物 3.93万元。\n")
    spec = shanxi.section("procurement")
    assert spec is not None
    section = read_section(SectionBlock(spec=spec, heading=lines[0], lines=lines[1:]))
    assert (section.id, section.title, section.part) == ("procurement", "政府采购情况", "情况说明")
    assert section.text == "政府采购预算总额3.93万元。\n其中: 货物 3.93万元。"
    assert section.source is not None and section.source.line == 1


def test_join_lines_keeps_cells_apart(lines_of: LinesOf) -> None:
    assert join_lines(lines_of("a|b||c\n\n d ")) == "a\tb\tc\nd"


def test_glossary(lines_of: LinesOf) -> None:
    text = """
- 一、基本支出: 指为保障机构正常运转
而发生的支出。
 - **八、上年结转:** 指以前年度预算安排的资金。
六、财政专户管理资金:

专指教育收费。
 - **十一、国有资本经营预算**:是收支预算。
"""
    entries, problems = read_glossary(lines_of(text))
    assert [(e.term, e.definition) for e in entries] == [
        ("基本支出", "指为保障机构正常运转而发生的支出。"),
        ("上年结转", "指以前年度预算安排的资金。"),
        ("财政专户管理资金", "专指教育收费。"),
        ("国有资本经营预算", "是收支预算。"),
    ]
    assert [e.source.line if e.source else None for e in entries] == [1, 3, 4, 7]
    assert problems == []


def test_glossary_problems(lines_of: LinesOf) -> None:
    entries, problems = read_glossary(lines_of("前言一段\n一、基本支出:"))
    assert [e.term for e in entries] == ["基本支出"]
    assert [p.kind for p in problems] == [ReadProblemKind.UNRECOGNISED, ReadProblemKind.MISSING]


def test_attachment_title_and_range(lines_of: LinesOf) -> None:
    lines = lines_of("\n某市财政局文件\n\n某财购[2022]3号\n\n某市财政局关于转发通知的通知\n正文。\n\n")
    attachment = read_attachment(AttachmentBlock(lines=lines), "关于")
    assert attachment.title == "某市财政局关于转发通知的通知"
    assert attachment.source is not None and attachment.source.line == 1
    assert attachment.end_line == 6
    assert attachment.text.splitlines()[0] == "某市财政局文件"
    without = read_attachment(AttachmentBlock(lines=lines_of("某市财政局文件\n正文。")), "关于")
    assert without.title == "某市财政局文件"
