import pytest

from yusuan.read.assemble.layouts import split_line
from yusuan.reference.profiles import Profile


def test_coded(shanxi: Profile) -> None:
    spec = shanxi.table("expenditure")
    assert spec is not None
    rows, leftover = split_line(["2010350", "事业运行", "146. 17", "146. 17", "", "", ""], spec)
    assert [(r.code, r.name, r.values, r.side) for r in rows] == [
        ("2010350", "事业运行", ["146. 17", "146. 17", ""], None)
    ]
    assert leftover == []


def test_coded_merged_total_and_short_line(shanxi: Profile) -> None:
    spec = shanxi.table("expenditure")
    assert spec is not None
    rows, _ = split_line(["合计", "", "341. 11"], spec)
    assert [(r.code, r.name, r.values) for r in rows] == [(None, "合计", ["341. 11", "", ""])]


def test_coded_stray_code_and_leftover(shanxi: Profile) -> None:
    spec = shanxi.table("expenditure")
    assert spec is not None
    rows, leftover = split_line(["2O1", "一般公共服务支出", "1", "1", "", "", "x"], spec)
    assert rows[0].code is None and rows[0].stray_code == "2O1"
    assert leftover == ["x"]


def test_side_by_side_gives_income_then_expenditure(shanxi: Profile) -> None:
    spec = shanxi.table("overview")
    assert spec is not None
    rows, _ = split_line(
        ["一、一般公共预算", "341. 11", "一、一般公共服务支出", "293. 07", "293. 07", ""], spec
    )
    assert [(r.side, r.name, r.values) for r in rows] == [
        ("income", "一、一般公共预算", ["341. 11"]),
        ("expenditure", "一、一般公共服务支出", ["293. 07", "293. 07", ""]),
    ]


def test_side_by_side_one_side(shanxi: Profile) -> None:
    spec = shanxi.table("fiscal_overview")
    assert spec is not None
    rows, _ = split_line(["", "", "二、外交支出", "", "", "", ""], spec)
    assert [(r.side, r.name) for r in rows] == [("expenditure", "二、外交支出")]
    rows, _ = split_line(["一、一般公共预算", "", "", ""], spec)
    assert [(r.side, r.name) for r in rows] == [("income", "一、一般公共预算")]


def test_side_by_side_coded(shanxi: Profile) -> None:
    spec = shanxi.table("capital_budget")
    assert spec is not None
    cells = ["223", "国有资本经营预算收入", "5.00", "208", "社会保障和就业支出", "5.00", "", "5.00"]
    rows, leftover = split_line(cells, spec)
    assert [(r.side, r.code, r.name, r.values) for r in rows] == [
        ("income", "223", "国有资本经营预算收入", ["5.00"]),
        ("expenditure", "208", "社会保障和就业支出", ["5.00", "", "5.00"]),
    ]
    assert leftover == []


def test_economic_labels(shanxi: Profile) -> None:
    spec = shanxi.table("general_basic_economic")
    assert spec is not None
    rows, _ = split_line(["基本工资", "工资福利支出", "75. 38", "75. 38", ""], spec)
    assert [(r.name, r.labels, r.values) for r in rows] == [
        ("基本工资", ["工资福利支出"], ["75. 38", "75. 38", ""])
    ]


def test_empty_line_has_no_rows(shanxi: Profile) -> None:
    for spec in shanxi.tables:
        assert split_line(["", "", ""], spec) == ([], [])


def test_unknown_layout(shanxi: Profile) -> None:
    spec = shanxi.table("income")
    assert spec is not None
    from dataclasses import replace

    with pytest.raises(ValueError, match="layout"):
        split_line(["a"], replace(spec, layout="diagonal"))


def test_record_line_is_its_figures() -> None:
    from yusuan.reference.profiles import load_profile

    spec = load_profile("shanghai").table("three_public")
    assert spec is not None and spec.layout == "record"
    rows, leftover = split_line(["12.5", "0", "2", "10.5", "", "10.5", "30"], spec)
    assert [(r.name, r.values) for r in rows] == [("", ["12.5", "0", "2", "10.5", "", "10.5", "30"])]
    assert leftover == []


def test_labelled_row_is_named_by_its_rightmost_label() -> None:
    from yusuan.reference.profiles import load_profile

    spec = load_profile("jiangsu").table("procurement")
    assert spec is not None and spec.layout == "labelled"
    rows, _ = split_line(["", "", "", "复印机", "部门集中采购", "8.00"], spec)
    assert [(r.name, r.labels, r.values) for r in rows] == [
        ("部门集中采购", ["", "", "", "复印机", "部门集中采购"], ["8.00"])
    ]


def test_side_by_side_with_three_blocks() -> None:
    from yusuan.reference.profiles import load_profile

    spec = load_profile("jiangsu").table("overview")
    assert spec is not None
    rows, _ = split_line(["一、财政拨款", "1", "四、公共安全支出", "2", "一、基本支出", "3"], spec)
    assert [(r.side, r.name, r.values) for r in rows] == [
        ("income", "一、财政拨款", ["1"]),
        ("expenditure", "四、公共安全支出", ["2"]),
        ("expenditure_use", "一、基本支出", ["3"]),
    ]
