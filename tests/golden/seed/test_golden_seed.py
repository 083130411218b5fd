"""Keeps the hand-read golden of the seed honest.

The golden (expected.json) and the reviewer's list (known_problems.yaml) were written by hand; these
tests check that they follow the profile and the JSON contract, that every known problem points at a
table/row/cell that exists in the golden with the figure it claims, and that the arithmetic claimed in
the problems and in the `consistent` list holds on the golden's own figures.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from yusuan.model import Amount, Unit, quantize, rounding_tolerance
from yusuan.reference.profiles import load_profile

HERE = Path(__file__).parent
GOLDEN: dict[str, Any] = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
PROBLEMS: dict[str, Any] = yaml.safe_load((HERE / "known_problems.yaml").read_text(encoding="utf-8"))
SEED = HERE.parents[2] / "examples" / "000_6562e89d941fc7ec.txt"
PROFILE = load_profile("shanxi")
TABLES = {t["id"]: t for t in GOLDEN["tables"]}

FAMILIES = {
    "completeness",
    "document_facts",
    "arithmetic",
    "cross_table",
    "code_names",
    "narrative",
    "performance",
    "three_public_admin",
    "procurement_assets",
}
SEVERITIES = {"error", "warning", "info"}
DECIMAL = re.compile(r"^\d+(\.\d+)?$")


def cell(table_id: str, key: str, *, code: str | None = None, name: str | None = None) -> str | None:
    table = TABLES[table_id]
    rows = [
        r
        for r in table["rows"]
        if (code is None or r["code"] == code) and (name is None or r["name"] == name)
    ]
    assert len(rows) == 1, (table_id, code, name, rows)
    value: str | None = rows[0]["cells"][table["columns"].index(key)]
    return value


def wan(text: str | None) -> Amount:
    amount = Amount.parse(text, Unit.WAN)
    assert amount is not None, text
    return amount


def total(*texts: str | None) -> Decimal:
    return sum((wan(t).value for t in texts), Decimal(0))


# ---------------------------------------------------------------- shape against profile and contract


def test_tables_follow_profile_order_titles_and_columns() -> None:
    assert [t["id"] for t in GOLDEN["tables"]] == [spec.id for spec in PROFILE.tables]
    for spec in PROFILE.tables:
        table = TABLES[spec.id]
        assert table["title"] == spec.title_for(GOLDEN["facts"]["year"]), spec.id
        assert spec.title_pattern.search(table["title"]), spec.id
        assert table["columns"] == [c.key for c in spec.columns], spec.id
        assert table["unit"] == PROFILE.currency_unit.value
        assert table["unit_name"] == GOLDEN["facts"]["unit"]


def test_rows_have_one_normalised_cell_per_column() -> None:
    for table in GOLDEN["tables"]:
        for row in table["rows"]:
            assert len(row["cells"]) == len(table["columns"]), (table["id"], row)
            assert not re.search(r"\s", row["name"]), row["name"]
            assert row["code"] is None or row["code"].isdigit()
            for text in row["cells"]:
                if text is not None:
                    assert DECIMAL.match(text), text
                    assert wan(text).normalised() == text


def test_sides_only_on_side_by_side_tables_and_never_across() -> None:
    for spec in PROFILE.tables:
        table = TABLES[spec.id]
        side_by_side = spec.layout.startswith("side_by_side")
        for row in table["rows"]:
            if not side_by_side:
                assert row["side"] is None, (spec.id, row)
                continue
            assert row["side"] in ("income", "expenditure"), (spec.id, row)
            for column, text in zip(spec.columns, row["cells"], strict=True):
                if column.side != row["side"]:
                    assert text is None, (spec.id, row, column.key)


def test_labels_only_on_the_economic_table() -> None:
    for spec in PROFILE.tables:
        allowed = {label.key for label in spec.labels}
        for row in TABLES[spec.id]["rows"]:
            assert set(row["labels"]) <= allowed, (spec.id, row)
    labelled = [r for r in TABLES["general_basic_economic"]["rows"] if r["labels"]]
    assert len(labelled) == 12  # 7 工资福利 + 3 商品和服务 + 2 对个人和家庭的补助 items


def test_row_lines_point_at_the_seed_text() -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for table in GOLDEN["tables"]:
        for row in table["rows"]:
            printed = re.sub(r"\s", "", lines[row["line"] - 1])
            assert row["name"] in printed, (table["id"], row)
            for text in row["cells"]:
                assert text is None or text in printed, (table["id"], row)


def test_sections_are_the_profile_sections_in_order() -> None:
    assert [(s["id"], s["title"]) for s in GOLDEN["sections"]] == [(s.id, s.title) for s in PROFILE.sections]
    for section in GOLDEN["sections"]:
        assert section["heading"] == f"{section['number']}、{section['title']}"


def test_performance_counts_match_the_listed_indicators() -> None:
    assert len(GOLDEN["performance_targets"]) == 4
    for sheet in GOLDEN["performance_targets"]:
        for period, count in sheet["indicator_counts"].items():
            assert count == sum(1 for i in sheet["indicators"] if i["period"] == period), sheet["sheet"]
        assert Amount.parse(sheet["amount_yuan"]) is not None
        assert sheet["annual_amount_yuan"] == sheet["amount_yuan"]


# ---------------------------------------------------------------- known problems point at real cells


def _table_locations() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for problem in PROBLEMS["problems"]:
        for location in problem["locations"]:
            if "table" in location:
                found.append((problem["id"], location))
    return found


def test_problem_records_are_complete() -> None:
    ids = [p["id"] for p in PROBLEMS["problems"]]
    assert len(ids) == len(set(ids))
    for problem in PROBLEMS["problems"]:
        assert problem["family"] in FAMILIES, problem["id"]
        assert problem["severity"] in SEVERITIES, problem["id"]
        assert problem["nature"] in ("disclosure", "extraction"), problem["id"]
        assert problem["locations"], problem["id"]
        assert all("line" in location for location in problem["locations"]), problem["id"]
        assert " / " in problem["title"], problem["id"]  # 中文 / English
    for item in PROBLEMS["consistent"]:
        assert item["family"] in FAMILIES


@pytest.mark.parametrize(("problem_id", "location"), _table_locations())
def test_table_locations_exist_in_golden(problem_id: str, location: dict[str, Any]) -> None:
    table = TABLES[location["table"]]
    row = location.get("row")
    if row is None:
        return
    matches = [
        r
        for r in table["rows"]
        if r["code"] == row["code"] and r["name"] == row["name"] and r["side"] == row["side"]
    ]
    assert len(matches) == 1, (problem_id, location)
    assert matches[0]["line"] == location["line"], (problem_id, location)
    if location.get("column") is not None:
        assert location["column"] in table["columns"], (problem_id, location)


def test_arithmetic_problems_print_what_the_golden_holds() -> None:
    for problem in PROBLEMS["problems"]:
        if problem["family"] != "arithmetic":
            continue
        for location in problem["locations"]:
            row = location["row"]
            printed = cell(location["table"], location["column"], code=row["code"], name=row["name"])
            assert printed == problem["printed"], (problem["id"], location)


# ---------------------------------------------------------------- the arithmetic behind the problems


def test_kp01_income_total_row_misses_its_total() -> None:
    assert cell("income", "total", name="合计") is None
    assert cell("income", "general_budget", name="合计") == "341.11"
    classes = [cell("income", "total", code=code) for code in ("201", "208", "210", "221")]
    assert total(*classes) == Decimal("341.11")


def test_kp16_20805_is_a_rounding_difference() -> None:
    for table_id, key in (("income", "total"), ("expenditure", "basic"), ("general_expenditure", "total")):
        parent = wan(cell(table_id, key, code="20805"))
        items = [wan(cell(table_id, key, code=code)) for code in ("2080502", "2080505")]
        difference = abs(parent.value - sum(i.value for i in items))
        assert difference == Decimal("0.01")
        assert difference <= rounding_tolerance([parent, *items], Unit.WAN)


def test_kp03_kp04_published_sheets_cover_three_projects() -> None:
    unit = GOLDEN["facts"]["unit"]
    projects = {r["name"]: wan(r["cells"][0]) for r in TABLES["projects"]["rows"] if r["name"] != unit}
    own = [s for s in GOLDEN["performance_targets"] if s["implementing_unit"] == unit]
    covered = {s["project"]: Amount.parse(s["amount_yuan"], Unit.YUAN) for s in own}
    for name, amount in covered.items():
        assert amount is not None
        assert projects[name].yuan == amount.yuan, name  # 元 on the sheet = 万元 in the table
    assert set(projects) - set(covered) == {"好差评系统购置费及维护费"}
    share = sum(projects[n].value for n in covered) / wan(cell("projects", "total", name=unit)).value
    assert quantize(share * 100, 2) == Decimal("93.26")
    foreign = [s for s in GOLDEN["performance_targets"] if s["implementing_unit"] != unit]
    assert [s["project"] for s in foreign] == ["遗属补助"]
    assert foreign[0]["project"] not in projects


def test_consistent_shares_and_year_on_year() -> None:
    grand = wan(cell("expenditure", "total", name="合计")).value
    stated = {"201": "85.92", "208": "6.23", "210": "2.47", "221": "5.38"}
    for code, share in stated.items():
        value = wan(cell("general_expenditure", "total", code=code)).value
        assert quantize(value / grand * 100, 2) == Decimal(share)
    assert quantize(wan(cell("expenditure", "basic", name="合计")).value / grand * 100, 2) == Decimal("56.93")
    assert quantize(wan(cell("expenditure", "project", name="合计")).value / grand * 100, 2) == Decimal(
        "43.07"
    )
    assert quantize(Decimal("3.92") / (grand - Decimal("3.92")) * 100, 2) == Decimal("1.16")


def test_consistent_economic_table_adds_up() -> None:
    economic = TABLES["general_basic_economic"]
    groups: dict[str, list[str | None]] = {}
    for row in economic["rows"]:
        if row["labels"]:
            groups.setdefault(row["labels"]["government_economic"], []).append(row["cells"][0])
    assert total(*groups["工资福利支出"]) == Decimal("187.56")
    assert total(*groups["商品和服务支出"]) == Decimal("5.70")
    personnel = cell("general_basic_economic", "personnel", name="合计")
    public = cell("general_basic_economic", "public", name="合计")
    assert total(personnel, public) == wan(cell("expenditure", "basic", name="合计")).value
