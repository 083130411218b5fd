"""Records -> Budget: the rules that tie line items, projects, indicators and purchases together."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.read.budget import read_budget
from yusuan.read.errors import InputError

HEAD = "facts: {unit: 测试单位, year: 2025, unit_type: 事业, currency_unit: 元}\n"
BASIC = (
    '  - {funding: 一般公共预算, functional: "2010350", nature: 基本支出, economic: "30101", amount: 10}\n'
)


def _read(tmp_path: Path, body: str) -> object:
    path = tmp_path / "b.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    return read_budget(path)


def _problem(tmp_path: Path, body: str) -> str:
    with pytest.raises(InputError) as info:
        _read(tmp_path, body)
    return info.value.problem


def test_a_project_without_money_is_named(tmp_path: Path) -> None:
    body = "items:\n" + BASIC + "projects:\n  - {name: 遗属补助}\n"
    problem = _problem(tmp_path, body)
    assert "projects[0].name（第5行 / line 5）: 项目“遗属补助”没有预算明细" in problem


def test_items_indicators_and_purchases_must_name_a_listed_project(tmp_path: Path) -> None:
    body = (
        "items:\n"
        '  - {funding: 一般公共预算, functional: "2010303", nature: 项目支出, economic: "30214",'
        " project: 房租, amount: 10}\n"
        "indicators:\n"
        "  - {project: 房租, period: 年度, level1: 产出指标, level2: 数量指标, level3: 层数, value: 5层}\n"
        "procurement:\n  - {name: 设备, category: 货物, amount: 1, project: 设备费}\n"
    )
    problem = _problem(tmp_path, body)
    assert problem.startswith("发现 3 处错误")
    assert "items[0].project（第3行 / line 3）: 项目“房租”不在“项目”表中" in problem
    assert "indicators[0].project（第5行 / line 5）: 项目“房租”不在“项目”表中" in problem
    assert "procurement[0].project（第7行 / line 7）: 项目“设备费”不在“项目”表中" in problem


def test_the_same_crossing_twice_is_refused(tmp_path: Path) -> None:
    problem = _problem(tmp_path, "items:\n" + BASIC + BASIC)
    assert "items[1]（第4行 / line 4）: 与 items[0]（第3行 / line 3） 重复" in problem


def test_projects_named_twice_and_codes_named_twice(tmp_path: Path) -> None:
    body = (
        "items:\n" + BASIC + "code_names:\n"
        '  - {kind: 功能分类, code: "201", name: 一般公共服务支出}\n'
        '  - {kind: 功能分类, code: "201", name: 别的名字}\n'
        '  - {kind: 经济分类, code: "2010350", name: 太长}\n'
    )
    problem = _problem(tmp_path, body)
    assert "201 已有名称“一般公共服务支出”" in problem
    assert "编码 2010350 不是3或5位数字" in problem


def test_indicators_nested_in_a_project_and_goals_make_its_target(tmp_path: Path) -> None:
    body = (
        "items:\n"
        '  - {funding: 一般公共预算, functional: "2010303", nature: 项目支出, economic: "30214",'
        " project: 房租, amount: 1200000}\n"
        "projects:\n"
        "  - name: 房租\n    period_total: 3600000\n    goal_annual: 按要求实施\n"
        "    indicators:\n"
        "      - {period: 年度, level1: 产出指标, level2: 数量指标, level3: 楼房层数, value: 5层}\n"
        "      - {period: implementation, level1: 产出指标, level2: 数量指标, level3: 楼房层数, value: 5层}\n"
    )
    budget = _read(tmp_path, body)
    (target,) = budget.performance_targets  # type: ignore[attr-defined]
    assert target.amount_yuan.value == Decimal("3600000.00")  # 实施期 as given
    assert target.annual_amount_yuan.value == Decimal("1200000.00")  # this year's line items
    assert target.goals == {"annual": "按要求实施"}
    assert [i.period for i in target.indicators] == ["annual", "implementation"]
    assert target.implementing_unit == "测试单位"


def test_assets_and_notes(tmp_path: Path) -> None:
    body = (
        "items:\n" + BASIC + "assets: {as_of: 2024年12月31日, vehicles_actual: 2, office_area_m2: 350.5,"
        " equipment_over_1m: x}\nnotes:\n  - {title: 其他, text: 无。}\n  - {title: 其他, text: 又一条}\n"
    )
    problem = _problem(tmp_path, body)
    assert "assets.equipment_over_1m（第4行 / line 4）: 单价100万元以上专用设备（台/套）应为0至" in problem
    assert "notes[1].title（第7行 / line 7）: “其他”重复" in problem


def test_unknown_profile_and_year_out_of_range(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(
        "facts: {unit: 单位, year: 1850, unit_type: 行政, currency_unit: 元, profile: mars}\nitems:\n"
        + BASIC,
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        read_budget(path)
    assert "没有地区模板 mars" in info.value.problem
    assert "预算年度应为1990至2100之间的整数：'1850'" in info.value.problem
