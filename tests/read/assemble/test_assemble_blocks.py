from collections.abc import Callable
from dataclasses import replace

from yusuan.read.assemble.blocks import contents_range, split_blocks
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
第四部分 名词解释|
十二、其他说明|24

第一部分 概况

一、本单位职责

- 1、负责某事。
- 二、不是标题的列表项:

二、机构设置情况

内设股室2个。
三、考核工作:

第二部分 2025年单位预算报表

预算公开表3

2025年预算支出总表

单位名称: 某单位

科目编码|科目名称|合计|基本支出|项目支出
201|一般公共服务支出|1.00|1.00|

第三部分 2025年度单位预算情况说明

一、单位预算收支数据变动情况及原因

收入增加。

十二、其他说明

无。

某市财政局文件

某财购[2022]3号

关于印发采购目录的通知

编码|品目名称|备注
A02010103|服务器|

第四部分 名词解释

- 一、基本支出: 指人员支出和公用支出。
"""


def test_contents_are_skipped(lines_of: LinesOf, reading: ReadingSpec) -> None:
    lines = lines_of(DOCUMENT)
    found = contents_range(lines, reading)
    assert found is not None
    start, end = found
    assert lines[start].text == "目 录"
    assert (
        lines[end].text == "第一部分 概况"
    )  # "第四部分 名词解释" inside the contents is followed by an entry


def test_blocks(lines_of: LinesOf, shanxi: Profile, reading: ReadingSpec) -> None:
    blocks = split_blocks(lines_of(DOCUMENT), shanxi, reading)
    assert [line.text for line in blocks.cover if not line.is_blank] == ["某单位 2025年度单位预算公开"]
    assert [b.spec.id for b in blocks.sections] == ["duties", "structure", "changes", "other"]
    structure = blocks.sections[1]
    assert [line.text for line in structure.lines if not line.is_blank] == ["内设股室2个。", "三、考核工作:"]
    duties = blocks.sections[0]
    assert "- 二、不是标题的列表项:" in [line.text for line in duties.lines]
    assert [(b.spec.id, b.label, b.title.text) for b in blocks.tables] == [
        ("expenditure", "预算公开表3", "2025年预算支出总表")
    ]
    assert len([line for line in blocks.tables[0].lines if not line.is_blank]) == 3
    other = blocks.sections[3]
    assert [line.text for line in other.lines if not line.is_blank] == ["无。"]
    assert len(blocks.attachments) == 1
    attachment = [line.text for line in blocks.attachments[0].lines if not line.is_blank]
    assert attachment[0] == "某市财政局文件" and attachment[-1] == "A02010103\t服务器\t"
    assert [line.text for line in blocks.glossary if not line.is_blank] == [
        "- 一、基本支出: 指人员支出和公用支出。"
    ]
    assert blocks.orphans == []


def test_orphan_text_is_kept_for_reporting(lines_of: LinesOf, shanxi: Profile, reading: ReadingSpec) -> None:
    text = "第三部分 情况说明\n开头的一段话，不属于任何章节。\n一、单位预算收支数据变动情况及原因\n正文。"
    blocks = split_blocks(lines_of(text), shanxi, reading)
    assert [line.text for line in blocks.orphans] == ["开头的一段话，不属于任何章节。"]
    assert [b.spec.id for b in blocks.sections] == ["changes"]


def test_a_sentence_naming_a_table_is_not_a_title(
    lines_of: LinesOf, shanxi: Profile, reading: ReadingSpec
) -> None:
    text = "第三部分 情况说明\n一、单位预算收支数据变动情况及原因\n详见2025年预算收支总表。"
    blocks = split_blocks(lines_of(text), shanxi, reading)
    assert blocks.tables == []
    assert [line.text for line in blocks.sections[0].lines] == ["详见2025年预算收支总表。"]


def test_no_contents(lines_of: LinesOf, reading: ReadingSpec) -> None:
    assert contents_range(lines_of("2025年预算支出总表\n201|一般公共服务支出|1|1|"), reading) is None


def test_sections_without_part_headings(lines_of: LinesOf, shanxi: Profile, reading: ReadingSpec) -> None:
    text = """
2025年预算支出总表
201|一般公共服务支出|1.00|1.00|
一、单位预算收支数据变动情况及原因
收入增加。
二、另一件事
不是本模板的标题，属于上一节。
十二、其他说明
无。
某市财政局文件
正文。
"""
    blocks = split_blocks(lines_of(text), shanxi, reading)
    assert [b.spec.id for b in blocks.sections] == ["changes", "other"]
    assert len(blocks.tables[0].lines) == 1
    assert [line.text for line in blocks.sections[0].lines] == [
        "收入增加。",
        "二、另一件事",
        "不是本模板的标题，属于上一节。",
    ]
    assert len(blocks.attachments) == 1


WORKBOOK_TABS = [
    """
第三部分 2025年单位预算情况说明

十、绩效管理情况

本单位实行绩效目标管理。
""",
    """
2025年项目支出绩效目标表

项目名称|某项目
""",
    """
不属于任何章节的说明文字
""",
]


def _tabs(lines_of: LinesOf, tabs: list[str]) -> list[Line]:
    """Each text a worksheet: its lines, then the hard boundary (a Line with no cells) that the
    XLSX reader ends a worksheet with."""
    lines: list[Line] = []
    for page, text in enumerate(tabs, start=1):
        tab = [replace(line, source=replace(line.source, page=page)) for line in lines_of(text)]
        lines.extend([*tab, Line(cells=(), source=replace(tab[0].source, line=None))])
    return lines


def test_a_tab_beginning_with_a_performance_sheet_continues_the_section(
    lines_of: LinesOf, shanxi: Profile, reading: ReadingSpec
) -> None:
    blocks = split_blocks(_tabs(lines_of, WORKBOOK_TABS), shanxi, reading)
    (section,) = [s for s in blocks.sections if s.spec.id == "performance"]
    texts = [line.text for line in section.lines if not line.is_blank]
    assert "2025年项目支出绩效目标表" in texts and any("某项目" in t for t in texts)
    assert {line.source.page for line in section.lines if not line.is_blank} == {1, 2}
    # a tab that does not begin with a sheet's title still ends the section at the boundary
    assert [line.text for line in blocks.orphans] == ["不属于任何章节的说明文字"]


def test_a_performance_sheet_tab_after_a_table_does_not_open_a_section(
    lines_of: LinesOf, shanxi: Profile, reading: ReadingSpec
) -> None:
    tabs = ["第二部分 2025年单位预算报表\n\n2025年预算支出总表\n\n合计|1.00", WORKBOOK_TABS[1]]
    blocks = split_blocks(_tabs(lines_of, tabs), shanxi, reading)
    assert not any(s.spec.id == "performance" for s in blocks.sections)
    assert "2025年项目支出绩效目标表" in [line.text for line in blocks.orphans]
