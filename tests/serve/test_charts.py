"""The server-drawn SVG charts: bar heights proportional to the values, round axes, readable labels."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal

from yusuan.serve.charts import PLOT_HEIGHT, Group, Series, counts_top, grouped, nice_top, stacked

SVG = "{http://www.w3.org/2000/svg}"
PARTS = [Series("basic", "基本支出 basic"), Series("project", "项目支出 project")]


def _bars(markup: str) -> list[ET.Element]:
    return [r for r in ET.fromstring(markup).iter(f"{SVG}rect") if r.get("data-value")]


def test_axis_tops_are_round() -> None:
    assert nice_top(Decimal("341.11")) == Decimal(500)
    assert nice_top(Decimal("194.21")) == Decimal("200")
    assert nice_top(Decimal("2.3")) == Decimal("2.5")
    assert nice_top(Decimal("0")) == Decimal(1)
    assert counts_top(Decimal(3)) == 5 and counts_top(Decimal(11)) == 15 and counts_top(Decimal(0)) == 5


def test_stacked_bars_are_proportional_and_stack() -> None:
    groups = [
        Group("2025年", {"basic": Decimal("194.21"), "project": Decimal("146.90")}),
        Group("2026年", {"basic": Decimal("200.21"), "project": None}),
    ]
    markup = stacked(groups, PARTS, "预算支出结构", "万元", "s")
    bars = _bars(markup)
    assert [(b.get("data-series"), b.get("data-value")) for b in bars] == [
        ("basic", "194.21"),
        ("project", "146.90"),
        ("basic", "200.21"),
    ]
    top = Decimal(500)  # the axis ends at 500 万元, over the largest total 341.11
    for bar in bars:
        assert Decimal(bar.get("height", "")) == (
            PLOT_HEIGHT * Decimal(bar.get("data-value", "")) / top
        ).quantize(Decimal("0.001"))
    basic, project = bars[0], bars[1]
    # the project part sits on top of the basic part
    assert Decimal(project.get("y", "")) + Decimal(project.get("height", "")) == Decimal(basic.get("y", ""))
    texts = [t.text for t in ET.fromstring(markup).iter(f"{SVG}text")]
    assert "341.11" in texts and "2025年" in texts and "500.00" in texts and "万元" in texts
    assert "基本支出 basic" in texts


def test_grouped_counts() -> None:
    series = [Series("errors", "错误"), Series("warnings", "警告")]
    groups = [
        Group("2025年", {"errors": Decimal(3), "warnings": Decimal(0)}),
        Group("2026年", {"errors": Decimal(1)}),
    ]
    bars = _bars(grouped(groups, series, "发现", "条", "f"))
    heights = {b.get("data-value"): Decimal(b.get("height", "")) for b in bars}
    assert heights == {"3": PLOT_HEIGHT * 3 / 5, "0": 0, "1": PLOT_HEIGHT / 5}


def test_labels_round_half_up_and_the_total_is_that_of_the_exact_parts() -> None:
    # 上海市财政局 2025: 基本支出 127642039 元, 项目支出 44273130 元; 支出合计 17191.5169 万元
    groups = [Group("2025年", {"basic": Decimal("12764.2039"), "project": Decimal("4427.313")})]
    texts = [t.text for t in ET.fromstring(stacked(groups, PARTS, "结构", "万元", "s")).iter(f"{SVG}text")]
    assert "17,191.52" in texts  # not 12,764.20 + 4,427.31 = 17,191.51
    assert "12,764.20" in texts and "4,427.31" in texts  # inside their parts of the bar
    wide = [Group("2025年", {"basic": Decimal("1234567.89"), "project": None})]
    inside = ET.fromstring(stacked(wide, PARTS, "结构", "万元", "w")).iter(f"{SVG}text")
    assert not [t for t in inside if t.get("class") == "inside"]  # too wide for the bar: the <title> says it
    half = [Group("2025年", {"basic": Decimal("0.125"), "project": None})]
    texts = [t.text for t in ET.fromstring(stacked(half, PARTS, "结构", "万元", "h")).iter(f"{SVG}text")]
    assert "0.13" in texts  # 四舍五入, not banker's rounding (0.12)


def test_a_long_legend_wraps_and_the_chart_grows_to_hold_it() -> None:
    parts = [Series(code, f"{code} 类") for code in ("201", "208", "210", "221", "224")]
    groups = [Group("2025年", {"201": Decimal("293.07"), "208": Decimal("21.26"), "224": None})]
    one_line = ET.fromstring(stacked(groups, parts, "t", "万元", "a"))
    wrapped = ET.fromstring(stacked(groups, parts, "t", "万元", "b", legend_per_line=3))
    assert Decimal(wrapped.get("height", "")) == Decimal(one_line.get("height", "")) + 20  # two lines
    assert Decimal(wrapped.get("width", "")) < Decimal(one_line.get("width", ""))
    keys = [r for r in wrapped.iter(f"{SVG}rect") if not r.get("data-value")]
    assert [(k.get("x"), k.get("y")) for k in keys][2:4] == [("456.000", "286.000"), ("76.000", "306.000")]
    assert [b.get("data-value") for b in _bars(str(stacked(groups, parts, "t", "万元", "c")))] == [
        "293.07",
        "21.26",
    ]
