"""One folder per template: the parts are found there, a file in a former place is refused."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from yusuan.reference.authoring import load_authoring
from yusuan.reference.narrative import load_narrative, load_wording
from yusuan.reference.paths import ReferenceError, data_dir
from yusuan.reference.profiles import TEMPLATES_ENV, load_profile, profile_ids
from yusuan.reference.template_folders import template_part
from yusuan.reference.templates import load_template_form

ROOT = Path(__file__).resolve().parents[2]
PARTS = {"template.yaml", "form.yaml", "narrative.yaml", "authoring.yaml"}


def test_every_template_folder_holds_only_known_parts_and_a_template() -> None:
    folders = sorted(p for p in (data_dir() / "templates").iterdir())
    assert folders, "no template folders"
    for folder in folders:
        assert folder.is_dir(), f"{folder}: a file among the template folders"
        names = {p.name for p in folder.iterdir()}
        assert names <= PARTS, f"{folder}: unknown parts {names - PARTS}"
        # the generic printed form (default/) is the only folder without a template.yaml
        assert "template.yaml" in names or folder.name == "default", folder


def test_the_parts_of_a_template_come_from_its_folder() -> None:
    shanxi = data_dir() / "templates" / "shanxi"
    assert template_part("shanxi", "narrative.yaml") == shanxi / "narrative.yaml"
    assert load_authoring("shanxi").glossary  # authoring.yaml
    assert load_template_form("shanxi").charts  # form.yaml
    assert load_narrative("shanghai").patterns  # narrative.yaml over data/shared/sentences.yaml
    assert load_wording().reason_intros  # data/shared/wording.yaml
    assert template_part("shanghai_2026", "narrative.yaml") is None  # a part is not inherited
    assert "default" not in profile_ids()


def _data_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(data_dir() / "templates", data / "templates")
    shutil.copytree(data_dir() / "shared", data / "shared")
    return data


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("profiles/jiangsu_2030.yaml", "templates/jiangsu_2030/template.yaml"),
        ("narrative/shanghai_final_2026.yaml", "templates/shanghai_final_2026/narrative.yaml"),
        ("narrative/wording.yaml", "shared/wording.yaml"),
        ("authoring/shanghai.yaml", "templates/shanghai/authoring.yaml"),
        ("templates/shanghai.yaml", "templates/shanghai/form.yaml"),
        # where a merge's directory-rename guess carries a file added in a former place
        ("shared/jiangsu.yaml", "templates/jiangsu/"),
        ("templates/shanxi/shanghai.yaml", "templates/shanghai/"),
    ],
)
def test_a_file_in_a_former_place_is_refused_naming_where_it_belongs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str
) -> None:
    data = _data_copy(tmp_path)
    (data / old).parent.mkdir(parents=True, exist_ok=True)
    (data / old).write_text("name: x\n", encoding="utf-8")
    monkeypatch.setenv("YUSUAN_DATA", str(data))
    with pytest.raises(ReferenceError) as raised:
        load_profile("shanxi")
    assert str(data / old) in str(raised.value) and str(data / new) in str(raised.value)


def test_a_flat_file_in_an_extra_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "demo.yaml").write_text("extends: shanxi\nname: 示例\n", encoding="utf-8")
    monkeypatch.setenv(TEMPLATES_ENV, str(tmp_path))
    with pytest.raises(ReferenceError, match=r"demo/template\.yaml"):
        profile_ids()


def test_the_cli_says_so_in_one_line(tmp_path: Path) -> None:
    data = _data_copy(tmp_path)
    (data / "profiles").mkdir()
    (data / "profiles" / "jiangsu_2030.yaml").write_text("name: x\n", encoding="utf-8")
    document = ROOT / "examples" / "000_6562e89d941fc7ec.txt"
    environment = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "src"), "YUSUAN_DATA": str(data)}
    run = subprocess.run(
        [sys.executable, "-m", "yusuan", "check", str(document)],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert "templates/jiangsu_2030/template.yaml" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
