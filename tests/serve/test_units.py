"""/units/{unit}: a unit's 2025 and 2026 budgets side by side (the example built for two years)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from two_years import build_years
from workbench import Bench, login

from yusuan.serve.charts import PLOT_HEIGHT
from yusuan.store.people import add_user

UNIT = "朔州市朔城区数字政府服务中心"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_years(tmp_path_factory.mktemp("years"))


@pytest.fixture
def two_years(bench: Bench, years: dict[str, Path]) -> Iterator[tuple[int, int]]:
    """Both years uploaded in one request (two ``file`` fields), checked, one finding accepted."""
    with years["2025"].open("rb") as first, years["2026"].open("rb") as second:
        answer = bench.client.post(
            "/api/documents",
            files=[("file", ("2025.html", first)), ("file", ("2026.html", second))],
            headers=bench.auth("reviewer"),
        )
    assert answer.status_code == 202, answer.text
    body = answer.json()
    assert [d["file"] for d in body["documents"]] == ["2025.html", "2026.html"] and body["rejected"] == []
    old, new = (d["id"] for d in body["documents"])
    for upload_id in (old, new):
        assert bench.wait(upload_id)["status"] == "done"
    finding = bench.wait(new)["report"]["findings"][0]
    decided = bench.client.post(
        f"/api/findings/{finding['id']}/decision",
        json={"decision": "accepted", "reason": "属实", "version": 0},
        headers=bench.auth("reviewer"),
    )
    assert decided.status_code == 200
    yield old, new


def _cells(html: str, figure: str) -> list[str]:
    row = re.search(rf'<tr data-figure="{figure}">(.*?)</tr>', html, re.S)
    assert row, figure
    return [
        re.sub(r"<[^>]+>|\s+", " ", cell).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)
    ]


def _values(html: str, figure: str) -> list[str]:
    row = re.search(rf'<tr data-figure="{figure}">(.*?)</tr>', html, re.S)
    assert row, figure
    return re.findall(r'<td class="num" data-value="([^"]*)"', row.group(1))


def _svg(html: str, ident: str) -> ET.Element:
    found = re.search(rf'<svg [^>]*id="{ident}".*?</svg>', html, re.S)
    assert found, ident
    return ET.fromstring(found.group(0))


def test_a_units_years_side_by_side(bench: Bench, two_years: tuple[int, int]) -> None:
    old, new = two_years
    login(bench.client, "审核员甲", "pw-a")
    listing = bench.client.get("/").text
    assert f'href="/units/{UNIT}"' in listing or "/units/%E6%9C%94" in listing
    page = bench.client.get(f"/units/{UNIT}")
    assert page.status_code == 200
    html = page.text
    assert "2025年" in html and "2026年" in html
    assert f'href="/documents/{old}"' in html and f'href="/documents/{new}"' in html
    # the figures as the documents print them (元 in data-value, 万元 shown); 2026 adds 6.00万元 of 办公费
    assert _values(html, "income_total") == ["3411100.00", "3471100.00"]
    assert _values(html, "expenditure_total") == ["3411100.00", "3471100.00"]
    assert _values(html, "basic") == ["1942100.00", "2002100.00"]
    assert _values(html, "project") == ["1469000.00", "1469000.00"]
    assert _values(html, "three_public") == ["", ""]  # printed blank: no value, not 0
    income = _cells(html, "income_total")
    assert income[0] == "341.11" and income[1].startswith("347.11")
    assert "较上年 +6.00（+1.76%）" in income[1]  # 60000 / 3411100 = 1.759%
    assert "较上年 0.00（0.00%）" in _cells(html, "project")[1]
    errors = [int(c) for c in _cells(html, "errors")]
    reports = [bench.wait(i) for i in (old, new)]
    assert errors == [r["errors"] for r in reports]
    assert [int(c) for c in _cells(html, "accepted")] == [0, 1]
    total_findings = [len(r["report"]["findings"]) for r in reports]
    assert [int(c) for c in _cells(html, "open")] == [total_findings[0], total_findings[1] - 1]

    structure = _svg(html, "structure-0")
    bars = [
        (r.get("data-series"), Decimal(r.get("data-value", "")), Decimal(r.get("height", "")))
        for r in structure.iter(f"{SVG}rect")
        if r.get("data-value")
    ]
    assert [(series, value) for series, value, _ in bars] == [
        ("basic", Decimal("194.21")),
        ("project", Decimal("146.90")),
        ("basic", Decimal("200.21")),
        ("project", Decimal("146.90")),
    ]
    ratios = {(height / value).quantize(Decimal("0.001")) for _, value, height in bars}
    assert len(ratios) == 1  # every bar's height is proportional to its value
    labels = [t.text for t in structure.iter(f"{SVG}text")]
    assert "2025年" in labels and "2026年" in labels and "万元" in labels and "347.11" in labels
    assert structure.get("role") == "img" and structure.find(f"{SVG}title") is not None

    findings = _svg(html, "findings-0")
    counted = {
        (r.get("data-series"), index // 3): (Decimal(r.get("data-value", "")), Decimal(r.get("height", "")))
        for index, r in enumerate(x for x in findings.iter(f"{SVG}rect") if x.get("data-value"))
    }
    assert counted[("accepted", 1)][0] == 1 and counted[("accepted", 0)][0] == 0
    assert counted[("errors", 0)][0] == errors[0]
    heights = {(h / v).quantize(Decimal("0.001")) for v, h in counted.values() if v}
    assert len(heights) == 1


def test_who_sees_a_unit(bench: Bench, two_years: tuple[int, int]) -> None:
    engine = bench.client.app.state.engine  # type: ignore[attr-defined]
    add_user(engine, "本单位", "preparer", unit=UNIT, password="own")
    add_user(engine, "外单位", "preparer", unit="上海市财政局", password="far")
    login(bench.client, "本单位", "own")
    assert bench.client.get(f"/units/{UNIT}").status_code == 200
    # the same key as the cross-year rules: brackets and 本级 do not make another unit
    assert bench.client.get(f"/units/{UNIT}（本级）").status_code == 200
    login(bench.client, "外单位", "far")
    hidden = bench.client.get(f"/units/{UNIT}")
    assert hidden.status_code == 404 and hidden.headers["content-type"].startswith("text/html")
    assert "没有找到" in hidden.text and "341.11" not in hidden.text and "data-figure" not in hidden.text
    login(bench.client, "审核员甲", "pw-a")
    assert bench.client.get("/units/没有这个单位").status_code == 404


def test_expenditure_by_functional_class(bench: Bench, two_years: tuple[int, int]) -> None:
    login(bench.client, "审核员甲", "pw-a")
    html = bench.client.get(f"/units/{UNIT}").text
    chart = _svg(html, "classes-0")
    bars = [
        (r.get("data-series"), Decimal(r.get("data-value", "")), Decimal(r.get("height", "")))
        for r in chart.iter(f"{SVG}rect")
        if r.get("data-value")
    ]
    # the 类 lines of the 支出总表 in 万元, bottom up by code; 2026's 6.00万元 of 办公费 falls in 201
    assert [(series, value) for series, value, _ in bars] == [
        ("201", Decimal("293.07")),
        ("208", Decimal("21.26")),
        ("210", Decimal("8.42")),
        ("221", Decimal("18.36")),
        ("201", Decimal("299.07")),
        ("208", Decimal("21.26")),
        ("210", Decimal("8.42")),
        ("221", Decimal("18.36")),
    ]
    top = Decimal(500)  # the axis over the largest total, 347.11万元
    for _, value, height in bars:
        assert height == (PLOT_HEIGHT * value / top).quantize(Decimal("0.001"))
    assert sum(value for _, value, _ in bars[:4]) == Decimal("341.11")  # the 类 add up to the 合计
    labels = [t.text for t in chart.iter(f"{SVG}text")]
    assert "201 一般公共服务支出" in labels and "221 住房保障支出" in labels  # named as printed
    assert "341.11" in labels and "347.11" in labels
    table = re.search(r'<tr data-class="208">(.*?)</tr>', html, re.S)
    assert table and re.findall(r'<td class="num">([^<]*)</td>', table.group(1)) == ["21.26", "21.26"]
