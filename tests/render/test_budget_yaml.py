"""Budget -> budget.yaml -> the same Budget; the empty YAML template names every missing fact."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.model import Unit
from yusuan.read.budget import read_budget
from yusuan.read.errors import InputError
from yusuan.render.budget_yaml import budget_to_yaml, money_text, write_budget_yaml, yaml_template

ROOT = Path(__file__).resolve().parents[2]


def test_round_trip_through_yaml(tmp_path: Path) -> None:
    budget = read_budget(ROOT / "examples" / "shuozhou-2025-budget.yaml")
    again = read_budget(write_budget_yaml(budget, tmp_path / "again.yaml"))
    assert again == budget
    text = budget_to_yaml(budget)
    assert "amount: 75.384}" in text  # amounts written exactly, unquoted, in the entry unit
    assert "functional: '2010350'" in text  # codes stay text


def test_yuan_budget_round_trips_in_yuan(tmp_path: Path) -> None:
    budget = read_budget(ROOT / "examples" / "shuozhou-2025-budget.yaml")
    budget.entry_unit = Unit.YUAN
    again = read_budget(write_budget_yaml(budget, tmp_path / "yuan.yaml"))
    assert again.items == budget.items and again.entry_unit is Unit.YUAN
    assert "amount: 753840.00}" in budget_to_yaml(budget)


@pytest.mark.parametrize(
    ("yuan", "unit", "text"),
    [("753840.00", Unit.WAN, "75.384"), ("49000", Unit.WAN, "4.90"), ("0.01", Unit.WAN, "0.000001"),
     ("1200000.5", Unit.YUAN, "1200000.50")],
)  # fmt: skip
def test_money_text(yuan: str, unit: Unit, text: str) -> None:
    assert money_text(Decimal(yuan), unit) == text


def test_empty_yaml_template_lists_what_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(yaml_template("shanxi"), encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_budget(path)
    problem = info.value.problem
    assert problem.startswith("发现 4 处错误")
    for missing in ("缺少单位名称", "缺少预算年度", "缺少单位类型", "没有预算明细"):
        assert missing in problem
