"""The template loader: kind, scope, years, ``extends`` with deep merge, the JSON Schema, extra folders."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from yusuan.reference.paths import ReferenceError, data_dir
from yusuan.reference.profile_merge import merge_profiles
from yusuan.reference.profiles import TEMPLATES_ENV, detect_profile, load_profile, profile_ids, raw_profile


def _schema() -> dict[str, object]:
    return json.loads((data_dir() / "schema" / "profile.schema.json").read_text(encoding="utf-8"))


def _all_ids() -> list[str]:
    return sorted(p.parent.name for p in (data_dir() / "templates").glob("*/template.yaml"))


def test_the_schema_is_a_valid_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(_schema())


@pytest.mark.parametrize("profile_id", _all_ids())
def test_every_profile_validates_against_the_schema_after_merging(profile_id: str) -> None:
    jsonschema.Draft202012Validator(_schema()).validate(raw_profile(profile_id))
    profile = load_profile(profile_id)
    assert profile.kind in {"budget", "final_accounts"}
    assert profile.scope in {"unit", "department", None}
    assert len({t.id for t in profile.tables}) == len(profile.tables)


def test_the_schema_rejects_a_misspelt_key() -> None:
    raw = {**raw_profile("shanxi"), "currency_units": "元"}
    with pytest.raises(jsonschema.ValidationError, match="currency_units"):
        jsonschema.Draft202012Validator(_schema()).validate(raw)
    table = {**raw_profile("shanxi")["tables"][0], "layuot": "coded"}
    with pytest.raises(jsonschema.ValidationError, match="layuot"):
        jsonschema.Draft202012Validator(_schema()).validate({**raw_profile("shanxi"), "tables": [table]})


def test_kind_scope_and_years_of_the_shipped_profiles() -> None:
    shanxi, unit, department = (load_profile(p) for p in ("shanxi", "shanghai", "shanghai_department"))
    assert (shanxi.kind, shanxi.scope, shanxi.years) == ("budget", None, (None, None))
    assert (unit.kind, unit.scope, unit.years) == ("budget", "unit", (None, 2025))
    assert (department.kind, department.scope, department.extends) == ("budget", "department", "shanghai")
    assert department.years == unit.years  # inherited
    assert unit.covers(2025) and not unit.covers(2026) and unit.covers(None)


def test_the_department_version_is_the_unit_version_with_its_differences() -> None:
    unit, department = raw_profile("shanghai"), raw_profile("shanghai_department")
    # inherited: the reading vocabulary, the table layouts and the unit's own sections
    assert department["reading"] == unit["reading"]
    assert [t["id"] for t in department["tables"]] == [t["id"] for t in unit["tables"]]
    assert department["tables"][1]["columns"] == unit["tables"][1]["columns"]
    assert department["tables"][1]["title"] == "{year}年部门收入预算总表"
    assert [s["id"] for s in department["sections"]][: len(unit["sections"])] == [
        s["id"] for s in unit["sections"]
    ]
    assert department["detect"]["min_hits"] == unit["detect"]["min_hits"]
    assert department["detect"]["patterns"] != unit["detect"]["patterns"]  # lists of words are replaced


def test_merge_by_id_replaces_appends_and_drops() -> None:
    base = {
        "tables": [{"id": "a", "title": "A", "columns": [1, 2]}, {"id": "b", "title": "B"}],
        "detect": {"min_hits": 3, "patterns": ["x", "y"]},
    }
    over = {
        "tables": [{"id": "a", "columns": [3]}, {"id": "b", "drop": True}, {"id": "c", "title": "C"}],
        "detect": {"patterns": ["z"]},
    }
    assert merge_profiles(base, over) == {
        "tables": [{"id": "a", "title": "A", "columns": [3]}, {"id": "c", "title": "C"}],
        "detect": {"min_hits": 3, "patterns": ["z"]},
    }
    assert base["tables"][0]["columns"] == [1, 2]  # the parent is not changed


def _write(folder: Path, profile_id: str, data: dict[str, object]) -> None:
    (folder / profile_id).mkdir()
    text = yaml.safe_dump(data, allow_unicode=True)
    (folder / profile_id / "template.yaml").write_text(text, encoding="utf-8")


def test_a_template_in_an_extra_folder_loads_without_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(
        tmp_path,
        "shanghai_2030",
        {
            "extends": "shanghai",
            "name": "上海 2030 版",
            "years": [2030, None],
            "tables": [
                {"id": "income", "title": "{year}年收入预算表", "title_pattern": "收入预算表"},
            ],
        },
    )
    monkeypatch.setenv(TEMPLATES_ENV, str(tmp_path))
    assert "shanghai_2030" in profile_ids()
    profile = load_profile("shanghai_2030")
    income = profile.table("income")
    assert income is not None and income.title_for(2030) == "2030年收入预算表"
    assert profile.years == (2030, None) and profile.extends == "shanghai" and profile.scope == "unit"
    jsonschema.Draft202012Validator(_schema()).validate(raw_profile("shanghai_2030"))
    monkeypatch.delenv(TEMPLATES_ENV)
    assert "shanghai_2030" not in profile_ids()


def test_a_cycle_or_an_unknown_parent_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path, "one", {"extends": "two", "name": "x"})
    _write(tmp_path, "two", {"extends": "one", "name": "y"})
    _write(tmp_path, "orphan", {"extends": "nowhere", "name": "z"})
    monkeypatch.setenv(TEMPLATES_ENV, str(tmp_path))
    with pytest.raises(ReferenceError, match="one -> two -> one"):
        load_profile("one")
    with pytest.raises(ReferenceError, match="'nowhere'"):
        load_profile("orphan")


def test_a_new_region_in_an_extra_folder_reads_a_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A region whose template is the MoF layout with its own titles: one file, no code."""
    folder = tmp_path / "templates"
    folder.mkdir()
    _write(
        folder,
        "demo_province",
        {
            "extends": "mof_standard",
            "name": "某省部门预算公开模板",
            "years": [2025, None],
            "detect": {"min_hits": 2, "patterns": ["部门收支总览表", "部门收入总览表"]},
            "tables": [
                {"id": "overview", "title": "{year}年部门收支总览表", "title_pattern": "部门收支总览表"},
                {"id": "income", "title": "{year}年部门收入总览表", "title_pattern": "部门收入总览表"},
            ],
        },
    )
    document = tmp_path / "doc.txt"
    document.write_text(
        "某某厅2025年部门预算\n第二部分 部门预算表\n2025年部门收支总览表\n单位：万元\n"
        "项目\t预算数\t项目\t预算数\n一、一般公共预算\t12.50\t一、一般公共服务支出\t12.50\n"
        "2025年部门收入总览表\n单位：万元\n科目编码\t科目名称\t合计\n\t合计\t12.50\n",
        encoding="utf-8",
    )
    monkeypatch.setenv(TEMPLATES_ENV, str(folder))
    from yusuan.read import read_document

    disclosure = read_document(document)
    assert (disclosure.facts.profile, disclosure.facts.unit, disclosure.facts.year) == (
        "demo_province",
        "某某厅",
        2025,
    )
    overview = disclosure.tables["overview"]
    assert [(r.side, r.name, r.cells[0].normalised or r.cells[1].normalised) for r in overview.rows] == [
        ("income", "一、一般公共预算", "12.50"),
        ("expenditure", "一、一般公共服务支出", "12.50"),
    ]
    assert disclosure.tables["income"].rows[0].cells[0].normalised == "12.50"


def test_detection_parses_only_the_template_it_chooses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A malformed template that the document does not match does not stop its detection."""
    seed = (Path(__file__).resolve().parents[2] / "examples" / "000_6562e89d941fc7ec.txt").read_text(
        encoding="utf-8"
    )
    chosen = detect_profile(seed)
    assert chosen is not None
    _write(
        tmp_path,
        "broken_2031",
        {
            "name": "无章节",
            "currency_unit": "万元",
            "tables": [],
            "detect": {"min_hits": 9, "patterns": ["无此标题"]},
        },
    )
    monkeypatch.setenv(TEMPLATES_ENV, str(tmp_path))
    assert "broken_2031" in profile_ids()
    again = detect_profile(seed)
    assert again is not None and again.id == chosen.id
    with pytest.raises(ReferenceError, match="broken_2031"):
        load_profile("broken_2031")  # no sections: refused when it is loaded
