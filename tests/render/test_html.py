"""HTML: one page, lang zh-CN, real tables with <thead>, merged headers, the Disclosure's cells."""

from __future__ import annotations

import copy
from html.parser import HTMLParser
from pathlib import Path

from readback import assert_rows_read_back, tables_in_order

from yusuan.model import Disclosure, Section
from yusuan.render.html import render_html


class _Tables(HTMLParser):
    """Tables as matrices (spans expanded), with their header rows and <caption>."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict[str, object]] = []
        self.lang = ""
        self._cell: list[str] | None = None
        self._section = ""
        self._spans: list[tuple[int, int]] = []
        self._id: str | None = None
        self.ids: dict[str, str] = {}  # element id -> its text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang") or ""
        elif tag == "table":
            self.tables.append({"head": [], "body": [], "merged": 0})
        elif tag in ("thead", "tbody"):
            self._section = tag
        elif tag == "tr":
            key = "head" if self._section == "thead" else "body"
            self.tables[-1][key].append([])  # type: ignore[union-attr]
            self._spans = []
        elif tag in ("td", "th"):
            self._cell = []
            span = (int(a.get("colspan") or 1), int(a.get("rowspan") or 1))
            if span != (1, 1):
                self.tables[-1]["merged"] += 1  # type: ignore[operator]
            self._spans.append(span)
        if tag == "table":
            self.tables[-1]["labelled_by"] = a.get("aria-labelledby") or ""
        if a.get("id"):
            self._id = a["id"]
            self.ids[self._id] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            key = "head" if self._section == "thead" else "body"
            colspan = self._spans[-1][0]
            self.tables[-1][key][-1].extend(["".join(self._cell)] * colspan)  # type: ignore[index]
            self._cell = None
        elif self._id is not None:
            self._id = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._id is not None:
            self.ids[self._id] += data


def _parse(text: str) -> _Tables:
    parser = _Tables()
    parser.feed(text)
    return parser


def test_html_page_holds_every_table_cell(disclosure: Disclosure, rendered: dict[str, Path]) -> None:
    text = rendered["html"].read_text(encoding="utf-8")
    assert text == render_html(disclosure)
    parsed = _parse(text)
    assert parsed.lang == "zh-CN"
    tables = tables_in_order(disclosure)
    assert len(parsed.tables) == len(tables) + len(disclosure.performance_targets)
    compared = 0
    for table, found in zip(tables, parsed.tables, strict=False):
        assert parsed.ids[found["labelled_by"]] == table.title  # type: ignore[index]
        assert found["head"], f"{table.id} has no <thead>"
        compared += assert_rows_read_back(table, found["body"])  # type: ignore[arg-type]
    assert compared == 583  # every amount cell of the 13 tables, blanks included (counted by hand)


def test_merged_headers(rendered: dict[str, Path]) -> None:
    parsed = _parse(rendered["html"].read_text(encoding="utf-8"))
    income = parsed.tables[1]
    assert income["head"][0] == ["项目", "项目", *["本年收入"] * 6, "上年结转"]  # type: ignore[index]
    assert income["head"][1][:3] == ["科目编码", "科目名称", "合计"]  # type: ignore[index]
    fiscal = parsed.tables[3]
    assert fiscal["head"][0] == ["收入"] * 2 + ["支出"] * 5  # type: ignore[index]
    assert fiscal["head"][1][3:] == ["金额"] * 4  # type: ignore[index]
    # every table but 政府性基金预算支出表 (one header row in the seed, as in the template) merges
    assert [i for i, t in enumerate(parsed.tables[:13]) if not t["merged"]] == [7]


def test_sections_glossary_notes_and_sheet(disclosure: Disclosure, rendered: dict[str, Path]) -> None:
    text = rendered["html"].read_text(encoding="utf-8")
    assert "<h3>一、本单位职责</h3>" in text
    assert "<h3>七、&quot;三公&quot;经费增减变动原因说明</h3>" in text
    assert "一、基本支出：指为保障机构正常运转" in text
    assert text.count('<p class="note">注：本表无数据</p>') == 6
    sheet = _parse(text).tables[-1]["body"]
    assert ["项目名称", *["24小时服务大厅免费服务费"] * 4] in sheet  # type: ignore[operator]
    assert ["实施期", "产出指标", "质量指标", "验收合格率", "≥85%"] in sheet  # type: ignore[operator]
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
    assert text.index("<h3>五、一般公共预算支出情况说明</h3>") < text.index('<figure class="chart">')
    assert 'role="img" aria-label="一般公共预算当年拨款结构图"' in figure
    assert figure.count("<path ") == 4
    for legend in ("一般公共服务支出 293.07万元", "住房保障支出 18.36万元"):
        assert legend in figure
    assert "<figcaption>一般公共预算当年拨款结构图</figcaption>" in figure
