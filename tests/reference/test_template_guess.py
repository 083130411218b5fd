"""Unknown templates: the known templates' table titles as a shared vocabulary."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from yusuan.read import read_document
from yusuan.read.errors import InputError
from yusuan.reference.template_guess import guess_template

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "000_6562e89d941fc7ec.txt"

# The five titles Shanxi's template is recognised by, reworded as no template prints them.
REWORDED = [
    ("预算收支总表", "收支一览表"),
    ("预算收入总表", "收入一览表"),
    ("预算支出总表", "支出一览表"),
    ("财政拨款收支总表", "财政拨款收支一览表"),
    ("项目支出预算表", "项目支出一览表"),
]

UNKNOWN = """某某局2025年部门预算
第二部分 部门预算表
表一 2025年收支预算总表
项目\t预算数\t项目\t预算数
一、财政拨款\t100.00\t一、一般公共服务支出\t100.00
表二 2025年收入预算总表
项目\t金额
收入总计\t100.00
表三 2025年支出预算总表
合计\t基本支出\t项目支出
100.00\t60.00\t40.00
"""


def _reworded(tmp_path: Path) -> Path:
    text = SEED.read_text(encoding="utf-8")
    for printed, other in REWORDED:
        text = text.replace(printed, other)
    path = tmp_path / "reworded.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_reworded_template_is_read_as_the_one_it_resembles(tmp_path: Path) -> None:
    disclosure = read_document(_reworded(tmp_path))
    facts = disclosure.facts
    assert facts.profile == "shanxi" and facts.profile_confidence is not None
    assert 0.5 <= facts.profile_confidence < 1  # 7 of the 13 tables kept their titles
    assert (facts.unit, facts.year) == ("朔州市朔城区数字政府服务中心", 2025)
    assert {"general_expenditure", "general_basic_economic", "three_public"} <= set(disclosure.tables)


def test_a_document_recognised_by_its_own_words_carries_no_confidence() -> None:
    assert read_document(SEED).facts.profile_confidence is None


def test_the_guess_names_what_it_found_when_no_template_matches() -> None:
    guess = guess_template(UNKNOWN.splitlines())
    assert guess.profile is None
    assert (guess.kind, guess.scope) == ("budget", None)
    assert guess.titles == ("表一2025年收支预算总表", "表二2025年收入预算总表", "表三2025年支出预算总表")
    message = guess.describe()
    assert message.startswith("看起来是预算公开文件；找到 表一2025年收支预算总表")
    assert "没有匹配的模板" in message and "no template matches" in message
    best = guess.candidates[0]
    assert best.profile.startswith("jiangsu") and best.tables == ("overview", "income", "expenditure")


def test_a_document_of_no_template_is_refused_with_the_diagnosis(tmp_path: Path) -> None:
    path = tmp_path / "unknown.txt"
    path.write_text(UNKNOWN.replace("某某局2025年部门预算", "某某局2025年部门预算\n部门预算"), "utf-8")
    with pytest.raises(InputError, match="没有匹配的模板") as raised:
        read_document(path)
    diagnosis = raised.value.diagnosis
    assert diagnosis is not None and diagnosis["error"] == "unknown_template"
    assert len(diagnosis["tables_found"]) == 3 and diagnosis["file"] == str(path)


@pytest.mark.parametrize("command", ["parse", "check"])
def test_json_output_is_the_diagnosis_and_exit_2(command: str, tmp_path: Path) -> None:
    path = tmp_path / "unknown.txt"
    path.write_text(UNKNOWN, "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "yusuan.cli", command, "--json", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "没有匹配的模板" in result.stderr
    diagnosis = json.loads(result.stdout)
    assert diagnosis["error"] == "unknown_template" and diagnosis["looks_like"]["kind"] == "budget"
    assert diagnosis["candidates"][0]["profile"].startswith("jiangsu")
