"""The Shanghai 决算 templates: the department version is a small extends of the unit version."""

from __future__ import annotations

from yusuan.reference.profiles import load_profile


def test_the_department_final_accounts_extends_the_unit_one() -> None:
    unit, department = load_profile("shanghai_final"), load_profile("shanghai_final_department")
    assert (unit.kind, unit.scope, department.kind, department.scope) == (
        "final_accounts",
        "unit",
        "final_accounts",
        "department",
    )
    assert [t.id for t in department.tables] == [t.id for t in unit.tables]
    assert len(unit.tables) == 9
    assert [s.id for s in department.sections] == [s.id for s in unit.sections]
    assert len([s for s in unit.sections if s.part == "情况说明"]) == 11
    assert unit.section("structure").title == "机构设置"  # type: ignore[union-attr]
    assert department.section("structure").title == "部门决算单位构成"  # type: ignore[union-attr]
    assert "年度单位决算" in unit.detect_patterns and "年度部门决算" in department.detect_patterns
