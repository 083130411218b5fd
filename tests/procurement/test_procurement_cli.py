"""`yusuan procure`: the issue's command lines, the JSON contract, one-line errors with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from yusuan.cli import main

EXAMPLE = [
    "procure", "--code", "A02010104", "--scheme", "2013", "--object", "goods", "--amount", "350000",
    "--level", "county", "--region", "140602", "--date", "2023-05-01",
]  # fmt: skip
KEYS = {
    "in_scope",
    "route",
    "mode",
    "second_stage",
    "public_tender_required",
    "approval_needed_for_other_method",
    "obligations",
    "reasons",
    "review_reason",
}


def test_issue_example_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*EXAMPLE, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert KEYS <= set(result)
    assert result["route"] == "centralized_agency" and result["mode"] == "framework_agreement"
    assert all(set(r) >= {"text", "source"} for r in result["reasons"])


def test_issue_example_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(EXAMPLE) == 0
    out = capsys.readouterr().out
    assert "集中采购机构采购" in out and "晋财购〔2022〕3号" in out


def test_item_search(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["procure", "--item", "台式计算机"]) == 0
    out = capsys.readouterr().out
    assert "2013  A02010104" in out and "2022  A02010105" in out
    assert main(["procure", "--item", "台式计算机", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)["items"]
    assert [(i["scheme"], i["code"]) for i in items] == [("2013", "A02010104"), ("2022", "A02010105")]


def test_review_is_an_answer_not_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    args = [a if a != "2023-05-01" else "2024-05-01" for a in EXAMPLE]
    assert main([*args, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["route"] == "review_required" and "2024-05-01" in result["review_reason"]


@pytest.mark.parametrize(
    ("replace", "fragment"),
    [
        (("350000", "三十五万"), "amount"),
        (("140602", "1406"), "region"),
        (("2023-05-01", "2023-02-30"), "date"),
        (("A02010104", "A02-01"), "code"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], replace: tuple[str, str], fragment: str
) -> None:
    args = [replace[1] if a == replace[0] else a for a in EXAMPLE]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and fragment in err and "Traceback" not in err


def test_missing_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["procure", "--code", "A02010104", "--scheme", "2013"]) == 2
    assert "--amount" in capsys.readouterr().err


def test_splitting_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.csv"
    path.write_text(
        "预算项目,品目,采购方式,金额,日期\n甲,A02010103,询价,2000000,2023-04-01\n甲,A02010103,询价,2000001,2023-05-01\n",
        encoding="utf-8",
    )
    assert main(["procure", "--purchases", str(path), "--region", "140602", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["findings"]) == 1
    assert main(["procure", "--purchases", str(tmp_path / "none.csv"), "--region", "140602"]) == 2
    assert main(["procure", "--purchases", str(path), "--region", "14"]) == 2


def test_broken_reference_data_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A ruleset file that breaks the schema stops the command with its file named, exit 2."""
    import shutil

    from yusuan.reference import procurement as reference

    data = tmp_path / "data"
    shutil.copytree(reference.procurement_dir(), data / "procurement")
    broken = data / "procurement" / "rulesets" / "cn-140000-shanxi-2022-2023.yaml"
    broken.write_text(broken.read_text("utf-8").replace('comparison: ">="', 'comparison: "=>"', 1), "utf-8")
    monkeypatch.setenv("YUSUAN_DATA", str(data))
    reference.rulesets.cache_clear()
    reference.schema.cache_clear()
    try:
        assert main(EXAMPLE) == 2
        err = capsys.readouterr().err
        assert "cn-140000-shanxi-2022-2023.yaml" in err and "=>" in err and err.count("\n") == 1
    finally:
        monkeypatch.delenv("YUSUAN_DATA")
        reference.rulesets.cache_clear()
        reference.schema.cache_clear()


def test_region_and_level_contradicting_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    args = [a if a != "county" else "province" for a in EXAMPLE]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "140602" in err and "province" in err


def test_exemptions_and_condition_options(capsys: pytest.CaptureFixture[str]) -> None:
    base = ["procure", "--code", "A02010103", "--scheme", "2022", "--amount", "3000000", "--level", "county"]
    base += ["--region", "140602", "--date", "2023-05-01", "--json"]
    assert main([*base, "--sme-exemption", "sole_supplier"]) == 0
    kinds = [o["kind"] for o in json.loads(capsys.readouterr().out)["obligations"]]
    assert "sme_price_deduction" in kinds and "sme_reservation" not in kinds
    assert main([*base, "--sme-exemption", "whatever"]) == 2
    assert "sole_supplier" in capsys.readouterr().err  # the known keys are listed
    steel = ["procure", "--code", "A1004", "--scheme", "2013", "--amount", "100000", "--level", "county"]
    steel += ["--region", "140602", "--date", "2023-05-01", "--json"]
    assert main(steel) == 0
    assert json.loads(capsys.readouterr().out)["route"] == "review_required"
    assert main([*steel, "--catalogue-condition", "yes"]) == 0
    assert json.loads(capsys.readouterr().out)["route"] == "centralized_agency"
    assert main([*steel, "--catalogue-exemption", "research_instruments"]) == 0
    assert json.loads(capsys.readouterr().out)["route"] == "outside_law"  # not the catalogue: no question


def test_search_marks_the_catalogue_and_counts_a_cut_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["procure", "--item", "笔记本"]) == 0
    out = capsys.readouterr().out
    assert "★ 2013  A02010105" in out and "常用名“笔记本”" in out
    assert main(["procure", "--item", "设备", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["truncated"] and result["total"] > result["shown"] == 50 == len(result["items"])
    assert main(["procure", "--item", "设备"]) == 0
    assert f"共 {result['total']} 项，只列出前 50 项" in capsys.readouterr().out


def test_splitting_command_reads_gbk_and_names_the_bad_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes(
        "预算项目,品目,采购方式,金额,日期\n甲,A02010103,询价,2000000,2023-04-01\n甲,A02010103,询价,2000001,2023-05-01\n".encode(
            "gbk"
        )
    )
    assert main(["procure", "--purchases", str(path), "--region", "140602", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["findings"]) == 1
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "预算项目,品目,采购方式,金额,日期\n甲,A02010103,非公开招标方式,1,2023-04-01\n", encoding="utf-8"
    )
    assert main(["procure", "--purchases", str(bad), "--region", "140602"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.csv:2" in err and "非公开招标方式" in err
