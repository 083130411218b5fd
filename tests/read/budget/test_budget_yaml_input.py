"""budget.yaml -> Budget: the example's figures, and hostile YAML refused with a clear InputError."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.model.amount import Unit
from yusuan.model.budget import Funding, Nature, UnitType
from yusuan.read.budget import read_budget
from yusuan.read.errors import InputError

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE_YAML = ROOT / "examples" / "shuozhou-2025-budget.yaml"


def _wan(budget_total: Decimal) -> Decimal:
    return (budget_total / 10000).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")


def test_example_reproduces_the_seed_totals() -> None:
    budget = read_budget(EXAMPLE_YAML)
    assert (budget.unit, budget.year, budget.unit_type) == (
        "朔州市朔城区数字政府服务中心",
        2025,
        UnitType.PUBLIC_INSTITUTION,
    )
    assert budget.entry_unit is Unit.WAN
    assert budget.total_yuan() == Decimal("3411100.00")
    basic = sum((i.amount_yuan for i in budget.items if i.nature is Nature.BASIC), Decimal(0))
    project = sum((i.amount_yuan for i in budget.items if i.nature is Nature.PROJECT), Decimal(0))
    # the seed prints 341.11 = 194.21 + 146.90 (万元)
    assert (_wan(budget.total_yuan()), _wan(basic), _wan(project)) == (
        Decimal("341.11"),
        Decimal("194.21"),
        Decimal("146.90"),
    )
    by_functional: dict[str, Decimal] = {}
    for item in budget.items:
        for prefix in (3, 5, 7):
            key = item.functional.digits[:prefix]
            by_functional[key] = by_functional.get(key, Decimal(0)) + item.amount_yuan
    seed = {  # 支出总表 of the seed, every row
        "201": "293.07", "20103": "293.07", "2010303": "146.90", "2010350": "146.17",
        "208": "21.26", "20805": "21.26", "2080502": "0.83", "2080505": "20.42",
        "210": "8.42", "21007": "0.12", "2100799": "0.12", "21011": "8.30", "2101102": "8.30",
        "221": "18.36", "22102": "18.36", "2210201": "18.36",
    }  # fmt: skip
    assert {k: str(_wan(v)) for k, v in by_functional.items()} == seed
    assert all(i.funding is Funding.GENERAL and not i.carryover for i in budget.items)


def test_example_projects_targets_and_procurement() -> None:
    budget = read_budget(EXAMPLE_YAML)
    names = [p.name for p in budget.projects]
    assert names == ["办公用房租赁费", "网络通讯费", "24小时服务大厅免费服务费", "好差评系统购置费及维护费"]
    assert "遗属补助" not in {t.project for t in budget.performance_targets}  # another unit's project
    targets = {t.project: t for t in budget.performance_targets}
    assert set(targets) == set(names)
    own = targets["好差评系统购置费及维护费"]
    assert own.annual_amount_yuan is not None and own.annual_amount_yuan.value == Decimal("99000.00")
    assert {i.period for i in own.indicators} == {"implementation", "annual"}
    assert budget.procurement_yuan == {
        "goods": Decimal("39300.00"),
        "works": Decimal("0.00"),
        "services": Decimal("0.00"),
    }
    assert budget.prior_year_totals["total"] == Decimal("3371900.00")  # 341.11 − 3.92 万元
    assert budget.reasons["changes"] == "较上年增加好差评系统购置及维护费"
    assert budget.functional_names["2010350"] == "事业运行"
    assert [s.id for s in budget.sections] == ["duties", "structure"]
    assert budget.assets is not None and budget.assets.vehicles["实有"] == 0


def _write(tmp_path: Path, text: str, name: str = "budget.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _problem(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_budget(path)
    return info.value.problem


MINIMAL = """
facts: {unit: 测试单位, year: 2025, unit_type: 行政, currency_unit: 元}
items:
  - {funding: 一般公共预算, functional: "2010101", nature: 基本支出, economic: "30101", amount: 100.00}
"""


def test_minimal_yaml_reads_exactly(tmp_path: Path) -> None:
    budget = read_budget(_write(tmp_path, MINIMAL))
    assert budget.items[0].amount_yuan == Decimal("100.00")
    assert budget.profile == "shanxi"


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8)
    )
    problem = _problem(_write(tmp_path, bomb))
    assert "别名" in problem and "aliases are refused" in problem and "第2行" in problem


def test_merge_key_alias_is_refused(tmp_path: Path) -> None:
    text = MINIMAL + "assets: &x {as_of: 2024}\nnotes:\n  - <<: *x\n"
    assert "aliases are refused" in _problem(_write(tmp_path, text))


@pytest.mark.parametrize(
    "tag", ["!!python/object/apply:os.system ['echo pwned']", "!!python/name:os.system", "!custom 1"]
)
def test_python_and_custom_tags_are_refused(tmp_path: Path, tag: str) -> None:
    problem = _problem(_write(tmp_path, MINIMAL + f"notes: {tag}\n"))
    assert "标签" in problem and "refused" in problem


def test_oversized_yaml_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL + "# " + "x" * (6 * 1024 * 1024) + "\n")
    assert "过大" in _problem(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[1, 2]", "顶层应为映射"),
        ("facts: {unit: [", "YAML 格式错误"),
        ("# only a comment\n", "空的 YAML"),
    ],
)
def test_malformed_yaml_gives_one_clear_error(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in _problem(_write(tmp_path, text))


def test_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "budget.yaml"
    path.write_bytes("facts: {unit: 测试}".encode("gbk"))
    assert "UTF-8" in _problem(path)


def test_unknown_keys_are_named_with_their_line(tmp_path: Path) -> None:
    text = MINIMAL + "itmes: []\nfacts2: 1\n"
    problem = _problem(_write(tmp_path, text))
    assert "未知的键“itmes”" in problem and "第5行" in problem and "facts2" in problem


def test_every_bad_entry_is_listed_with_its_place(tmp_path: Path) -> None:
    text = """
facts: {unit: 测试单位, year: 2025, unit_type: 行政, currency_unit: 万元}
items:
  - {funding: 一般公共预算, functional: "2010x", nature: 基本支出, economic: "30101", amount: 1}
  - {funding: 一般预算, functional: "2010101", nature: 基本支出, economic: "301", amount: 1.1234567}
  - {funding: 一般公共预算, functional: "2010101", nature: 项目支出, economic: "30101", amount: -1}
"""
    problem = _problem(_write(tmp_path, text))
    assert "发现 6 处错误" in problem
    assert "items[0].functional（第4行 / line 4）: 功能科目编码 2010x 不是7位数字" in problem
    assert "items[1].funding（第5行 / line 5）: 资金来源“一般预算”应为" in problem
    assert "items[1].economic（第5行 / line 5）: 经济科目编码 301 不是5位数字" in problem
    assert "items[1].amount（第5行 / line 5）: 金额 1.1234567 有7位小数：以万元计最多6位" in problem
    assert "items[2].amount（第6行 / line 6）: 金额不能为负数：-1" in problem
    assert "items[2]（第6行 / line 6）: 项目支出必须写明项目名称" in problem
