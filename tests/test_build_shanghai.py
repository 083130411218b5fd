"""A Shanghai unit authors its disclosure: the Shanghai form (data/templates/shanghai/form.yaml).

`yusuan build` of the fictional Shanghai example writes PDF/DOCX/XLSX/HTML with the nine tables
of the Shanghai unit template (元, the 三公 table in 万元); every file reads back with the same
cells and checks clean (the build itself refuses to keep files that read back otherwise).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from readback import same_cells

from yusuan import api
from yusuan.model import Disclosure, Scope, Severity, Unit

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "shanghai-2025-unit-budget.yaml"
FORMATS = ["pdf", "docx", "xlsx", "html"]
TABLES = [
    "overview",
    "income",
    "expenditure",
    "fiscal_overview",
    "general_expenditure",
    "fund_expenditure",
    "capital_budget",
    "general_basic_economic",
    "three_public",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> api.Built:
    return api.build(EXAMPLE, tmp_path_factory.mktemp("shanghai"), formats=FORMATS)


@pytest.fixture(scope="module")
def read(built: api.Built) -> dict[str, Disclosure]:
    return {path.suffix[1:]: api.parse(path) for path in built.written}


def _value(d: Disclosure, table: str, row: str, column: str) -> Decimal | None:
    t = d.tables[table]
    found = next(r for r in t.rows if r.name == row)
    cell = found.cell(t, column)
    return cell.amount.value if cell is not None and cell.amount is not None else None


def test_builds_every_format_clean(built: api.Built) -> None:
    assert built.readback == []
    assert sorted(p.suffix[1:] for p in built.written if p.suffix != ".json") == sorted(FORMATS)
    serious = [f for f in built.report.findings if f.severity in (Severity.ERROR, Severity.WARNING)]
    assert serious == []


def test_the_shanghai_tables(built: api.Built) -> None:
    d = built.disclosure
    assert d.facts.profile == "shanghai"
    assert list(d.tables) == TABLES
    assert {t.unit for i, t in d.tables.items() if i != "three_public"} == {Unit.YUAN}
    assert d.tables["three_public"].unit is Unit.WAN
    # 财政拨款收入 sums the three fiscal sources; 一般公共预算资金 is printed under it
    assert _value(d, "overview", "一、财政拨款收入", "income_amount") == Decimal("3150000.00")
    assert _value(d, "overview", "1、一般公共预算资金", "income_amount") == Decimal("3150000.00")
    assert _value(d, "overview", "支出总计", "personnel") == Decimal("2420000.00")
    assert _value(d, "overview", "支出总计", "public") == Decimal("230000.00")
    # only the 类 with money are listed, numbered in turn
    spending = [r.name for r in d.tables["overview"].iter_rows("expenditure")]
    assert spending[:3] == ["一、一般公共服务支出", "二、社会保障和就业支出", "三、住房保障支出"]
    assert _value(d, "income", "合计", "fiscal") == Decimal("3150000.00")
    assert _value(d, "income", "合计", "other_income") is None
    # one row of figures: the 三公 columns and 机关运行经费 (公用经费 of a 行政 unit)
    assert _value(d, "three_public", "预算数", "total") == Decimal("8.00")
    assert _value(d, "three_public", "预算数", "vehicle_running") == Decimal("6.00")
    assert _value(d, "three_public", "预算数", "abroad") is None
    assert _value(d, "three_public", "预算数", "admin_running") == Decimal("23.00")


def test_the_shanghai_sections(built: api.Built) -> None:
    sections = {s.id: s for s in built.disclosure.sections}
    assert list(sections) == [
        "duties",
        "structure",
        "glossary",
        "budget_explanation",
        "three_public",
        "admin_running",
        "procurement",
        "performance",
        "assets",
    ]
    assert sections["glossary"].text.startswith("（一）财政拨款收入：")
    assert "政府采购服务预算500000.00元" in sections["procurement"].text


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_table_reads_back(built: api.Built, read: dict[str, Disclosure], fmt: str) -> None:
    got = read[fmt]
    assert got.facts.profile == "shanghai"
    compared, wrong = 0, []
    for table_id, table in built.disclosure.tables.items():
        count, differences = same_cells(table, got.tables[table_id])
        compared += count
        wrong += differences
    assert wrong == []
    assert compared > 200


DEPARTMENT = EXAMPLE.with_name("shanghai-2025-department-budget.yaml")


def test_the_department_form_inherits_the_unit_form(tmp_path: Path) -> None:
    built = api.build(DEPARTMENT, tmp_path, formats=["pdf", "html"])
    assert built.readback == []
    assert len(built.written) >= 2
    d = built.disclosure
    assert d.facts.profile == "shanghai_department"
    assert d.facts.scope is Scope.DEPARTMENT
    assert d.facts.title == "上海市示例区财政局2025年部门预算"
    assert d.tables["overview"].title == "2025年部门财务收支预算总表"
    # the department's overview prints one 预算数 column on the spending side
    assert [c.key for c in d.tables["overview"].columns] == ["income_amount", "total"]
    # the 项目经费情况说明 sections are the department's own texts
    assert {"project_overview", "project_targets"} <= {s.id for s in d.sections}
    serious = [f for f in built.report.findings if f.severity in (Severity.ERROR, Severity.WARNING)]
    assert serious == []
