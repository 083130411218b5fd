"""Form and authoring data inherited along ``extends`` (yusuan.reference.inherited)."""

from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.reference.authoring import load_authoring
from yusuan.reference.inherited import profile_data_file, read_merged
from yusuan.reference.paths import ReferenceError
from yusuan.reference.templates import load_template_form


def test_a_profile_without_a_file_uses_the_one_it_extends() -> None:
    assert profile_data_file("templates", "shanghai_2026").parent.name == "shanghai"
    assert profile_data_file("templates", "shanghai_department_2026").parent.name == "shanghai_department"
    assert load_template_form("shanghai_2026").document_title == "{unit}{year}年单位预算"


def test_a_file_that_extends_replaces_keys_and_tables_one_by_one() -> None:
    unit, department = load_template_form("shanghai"), load_template_form("shanghai_department")
    assert department.document_title == "{unit}{year}年部门预算"
    assert department.funding_groups == unit.funding_groups  # inherited
    assert department.table("overview").groups == ()  # replaced: one 预算数 column
    assert department.table("income") == unit.table("income")  # kept
    assert load_authoring("shanghai_department").glossary == load_authoring("shanghai").glossary


def test_an_extends_cycle_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, parent in (("a", "b"), ("b", "a")):
        (tmp_path / "templates" / name).mkdir(parents=True)
        (tmp_path / "templates" / name / "form.yaml").write_text(f"extends: {parent}\n", encoding="utf-8")
    monkeypatch.setenv("YUSUAN_DATA", str(tmp_path))
    with pytest.raises(ReferenceError, match="a -> b -> a"):
        read_merged("templates", tmp_path / "templates" / "a" / "form.yaml", ("a",))


def test_the_shanxi_form_is_its_own() -> None:
    assert profile_data_file("authoring", "shanxi").parent.name == "shanxi"
    assert load_template_form("shanxi").funding_groups == {}
