"""HTML: one page, lang zh-CN, real tables with <thead>, merged headers, the Disclosure's cells."""

from __future__ import annotations

import copy
import re
from pathlib import Path

from readback import assert_rows_read_back, parse_html_tables, tables_in_order

from yusuan.model import Disclosure, Section
from yusuan.render.document import chinese_quotes
from yusuan.render.html import render_html


def _data_tables(text: str) -> list[dict[str, object]]:
    """The tables named by a title (the 目录 is a table too, but names none)."""
    return [t for t in parse_html_tables(text).tables if t["labelled_by"]]


def test_html_page_holds_every_table_cell(disclosure: Disclosure, rendered: dict[str, Path]) -> None:
    text = rendered["html"].read_text(encoding="utf-8")
    assert text == render_html(disclosure)
    parsed = parse_html_tables(text)
    assert parsed.lang == "zh-CN"
    tables = tables_in_order(disclosure)
    found_tables = _data_tables(text)
    assert len(found_tables) == len(tables) + len(disclosure.performance_targets)
    compared = 0
    for table, found in zip(tables, found_tables, strict=False):
        assert parsed.ids[found["labelled_by"]] == chinese_quotes(table.title)  # type: ignore[index]
        assert found["head"], f"{table.id} has no <thead>"
        compared += assert_rows_read_back(table, found["body"])  # type: ignore[arg-type]
    assert compared == 583  # every amount cell of the 13 tables, blanks included (counted by hand)


def test_merged_headers(rendered: dict[str, Path]) -> None:
    tables = _data_tables(rendered["html"].read_text(encoding="utf-8"))
    income = tables[1]
    assert income["head"][0] == ["项目", "项目", *["本年收入"] * 6, "上年结转"]  # type: ignore[index]
    assert income["head"][1][:3] == ["科目编码", "科目名称", "合计"]  # type: ignore[index]
    fiscal = tables[3]
    assert fiscal["head"][0] == ["收入"] * 2 + ["支出"] * 5  # type: ignore[index]
    assert fiscal["head"][1][3:] == ["金额"] * 4  # type: ignore[index]
    # every table but 政府性基金预算支出表 (one header row in the seed, as in the template) merges
    assert [i for i, t in enumerate(tables[:13]) if not t["merged"]] == [7]


def test_sections_glossary_notes_and_sheet(disclosure: Disclosure, rendered: dict[str, Path]) -> None:
    text = rendered["html"].read_text(encoding="utf-8")
    assert re.search(r'<h3 id="b\d+">一、本单位职责</h3>', text)
    assert re.search(
        r'<h3 id="b\d+">七、“三公”经费增减变动原因说明</h3>', text
    )  # Chinese quotes, as the body
    assert "一、基本支出：指为保障机构正常运转" in text
    assert text.count('<p class="note">注：本表无数据</p>') == 6
    sheet = parse_html_tables(text).tables[-1]["body"]
    # the two periods side by side, no spacer column between them
    assert ["项目名称", *["24小时服务大厅免费服务费"] * 6] in sheet  # type: ignore[operator]
    # the i-th 实施期 indicator on the line of the i-th 年度 one (here the only one)
    first = ["产出指标", "数量指标", "项目数量", "1项", "服务对象满意度", "办事群众满意度", "≥85%"]
    second = ["质量指标", "验收合格率", "≥85%", "", "", ""]  # under the merged 产出指标 cell
    assert first in sheet and second in sheet  # type: ignore[operator]
    # 产出指标 is one cell merged down its two lines
    assert text.count('<td rowspan="2">产出指标</td>') == 1
    amounts = ["实施期资金总额（元）", *["100,000"] * 3, "年度资金总额（元）", *["100,000"] * 2]
    assert amounts in sheet  # type: ignore[operator]
    # the sheets are printed inside 十、绩效管理情况, after its text
    first_sheet = text.index('<section class="table-block sheet"')
    assert text.index(">十、绩效管理情况</h3>") < first_sheet < text.index(">十一、国有资产占有使用情况</h3>")
    parts = [p for p in ("第一部分 概况", "第二部分 2025年单位预算报表", "第四部分 名词解释")]
    assert [text.index(p) for p in parts] == sorted(text.index(p) for p in parts)


def test_draft_is_marked(disclosure: Disclosure) -> None:
    draft = render_html(disclosure, draft=True)
    assert '<div class="draft-mark" aria-hidden="true">草稿</div>' in draft
    assert "<title>草稿 " in draft
    assert "草稿" not in render_html(disclosure)


def test_text_is_escaped(disclosure: Disclosure) -> None:
    other = copy.deepcopy(disclosure)
    other.sections[0] = Section(id="duties", title="本单位职责", part="概况", text="<script>x</script> & 1<2")
    page = render_html(other)
    assert "<script>" not in page and "&lt;script&gt;x&lt;/script&gt; &amp; 1&lt;2" in page


def test_chart_after_its_section(rendered: dict[str, Path]) -> None:
    text = rendered["html"].read_text(encoding="utf-8")
    figure = text[text.index('<figure class="chart">') : text.index("</figure>")]
    assert text.index("五、一般公共预算支出情况说明</h3>") < text.index('<figure class="chart">')
    assert 'role="img" aria-label="一般公共预算当年拨款结构图"' in figure
    assert "font-family='&quot;Noto Serif CJK SC&quot;" in figure  # the face is named
    # 293.07 of 341.11 is 85.92%: one part dominates, so bars, not a pie
    assert figure.count("<path ") == 0 and figure.count("<rect ") == 4
    for legend in ("一般公共服务支出", "293.07万元（85.92%）", "住房保障支出", "18.36万元（5.38%）"):
        assert legend in figure
    assert "<figcaption>一般公共预算当年拨款结构图</figcaption>" in figure


def test_cover_and_contents(rendered: dict[str, Path]) -> None:
    text = rendered["html"].read_text(encoding="utf-8")
    cover = text[text.index('<header class="cover">') : text.index("</header>")]
    # the title broken at sense: the unit, then what the document is; then the issuing unit
    assert "<h1><span>朔州市朔城区数字政府服务中心</span><span>2025年度单位预算公开</span></h1>" in cover
    assert '<p class="issuer">朔州市朔城区数字政府服务中心</p>' in cover
    contents = text[text.index('<nav class="contents"') : text.index("</nav>")]
    entries = re.findall(
        r'<a href="#([^"]+)">([^<]+)</a></td><td class="page">[^<]*<[^>]*></a><span>(\d+)</span>', contents
    )
    # parts, sections and the 13 tables, each linked to an anchor of the page, with a printed page
    assert len(entries) == 4 + 14 + 13
    for anchor, _text, _page in entries:
        assert f'id="{anchor}"' in text
    pages = [int(page) for *_rest, page in entries]
    assert pages == sorted(pages) and pages[0] > 1  # the cover and the 目录 come first
    assert ("part-tables", "第二部分 2025年单位预算报表") in [(a, t) for a, t, _p in entries]
