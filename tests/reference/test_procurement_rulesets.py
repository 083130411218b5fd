"""Rulesets, overlays and national policies: schema-valid, merged, dated."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from yusuan.reference.procurement import (
    compare,
    load_document,
    procurement_dir,
    region_prefix,
    rulesets,
    schema_errors,
)
from yusuan.reference.procurement_policies import policy

DATA_FILES = sorted((procurement_dir() / "rulesets").glob("*.yaml")) + sorted(
    (procurement_dir() / "national").glob("*.yaml")
)


def _raw(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


@pytest.mark.parametrize("path", DATA_FILES, ids=[p.name for p in DATA_FILES])
def test_every_file_is_schema_valid(path: Path) -> None:
    assert schema_errors(_raw(path)) == []


def _shanxi() -> dict[str, Any]:
    return _raw(procurement_dir() / "rulesets" / "cn-140000-shanxi-2022-2023.yaml")


@pytest.mark.parametrize(
    ("mutate", "fragment"),
    [
        (lambda r: r["public_tender"][0].pop("comparison"), "comparison"),
        (lambda r: r["public_tender"][0].__setitem__("comparison", "=>"), "=>"),
        (lambda r: r["public_tender"][0].pop("wording"), "wording"),
        (lambda r: r["public_tender"][0].pop("source"), "source"),
        (lambda r: r["public_tender"][0]["source"].pop("verified"), "verified"),
        (lambda r: r["public_tender"][0].__setitem__("amount", 4000000.5), "4000000.5"),
        (lambda r: r["decentralized_limits"][0].__setitem__("levels", ["city"]), "city"),
        (lambda r: r["jurisdiction"].__setitem__("code", "14"), "14"),
        (lambda r: r.pop("valid"), "valid"),
    ],
)
def test_schema_refuses_a_number_without_its_parts(mutate: Any, fragment: str) -> None:
    raw = copy.deepcopy(_shanxi())
    mutate(raw)
    errors = schema_errors(raw)
    assert errors and any(fragment in e for e in errors), errors


def test_every_threshold_carries_comparison_wording_source() -> None:
    for ruleset in rulesets():
        for line in (
            *ruleset.decentralized_limits,
            *ruleset.public_tender,
            *ruleset.framework_ceilings,
            *ruleset.second_stage,
        ):
            assert line.comparison in (">=", ">", "<=", "<")
            assert line.wording and line.source.document and line.source.clause
            assert isinstance(line.amount, Decimal)


def test_overlay_extends_shanxi() -> None:
    by_id = {r.id: r for r in rulesets()}
    shanxi = by_id["cn-140000-shanxi-2022-2023"]
    shuozhou = by_id["cn-140600-shuozhou-2022-2023"]
    assert shuozhou.chain == (shanxi.id, shuozhou.id)
    assert shuozhou.decentralized_limits == shanxi.decentralized_limits
    assert shuozhou.catalogue == shanxi.catalogue
    assert shuozhou.valid_from == dt.date(2022, 3, 25) and shuozhou.valid_to == dt.date(2023, 12, 31)
    assert shuozhou.sme is not None and shanxi.sme is None
    assert shuozhou.framework_pending is not None and shanxi.framework_pending is None
    # the overlay keeps the province's 30 days and cites the province for them
    assert shuozhou.intention.days_before_start == 30
    assert shuozhou.intention.days_source == shanxi.intention.source
    assert shuozhou.intention.source.document == "朔财购〔2022〕3号"


def test_shanxi_catalogue_has_every_seed_item() -> None:
    shanxi = next(r for r in rulesets() if r.id == "cn-140000-shanxi-2022-2023")
    assert len(shanxi.catalogue) == 36  # 35 coded items + 云计算服务 (code unreadable in the seed)
    assert shanxi.code_scheme == "2013"


def test_unverified_values_are_marked() -> None:
    works = policy("cn-works-tender").values_on(dt.date(2023, 1, 1))
    assert works is not None
    assert works.values["public_tender"][0]["source"]["verified"] is False
    shanxi = next(r for r in rulesets() if r.id == "cn-140000-shanxi-2022-2023")
    assert shanxi.valid_source.verified is False  # the notice names no start date
    assert all(t.source.verified for t in shanxi.decentralized_limits)


def test_policy_patches_by_date() -> None:
    sme = policy("cn-sme")
    assert sme.values_on(dt.date(2020, 12, 31)) is None  # before the base: no value, not a crash
    before = sme.values_on(dt.date(2022, 6, 30))
    after = sme.values_on(dt.date(2022, 7, 1))
    assert before is not None and after is not None
    assert before.documents == ("财库〔2020〕46号",)
    assert after.documents == ("财库〔2020〕46号", "财库〔2022〕19号")

    def goods_deduction(values: dict[str, Any]) -> str:
        return str(next(e for e in values["price_deduction"] if e["object"] == "goods")["max"])

    assert goods_deduction(before.values) == "0.10"
    assert goods_deduction(after.values) == "0.20"
    works_deduction = [e for e in after.values["price_deduction"] if e["object"] == "works"]
    assert [e["max"] for e in works_deduction] == ["0.05"]  # the patch leaves works alone


@pytest.mark.parametrize(
    ("amount", "comparison", "limit", "expected"),
    [
        ("500000", ">=", "500000", True),
        ("500000", ">", "500000", False),
        ("500000", "<=", "500000", True),
        ("500000", "<", "500000", False),
        ("499999.99", ">=", "500000", False),
        ("500000.01", "<=", "500000", False),
    ],
)
def test_compare_follows_the_written_comparison(
    amount: str, comparison: str, limit: str, expected: bool
) -> None:
    assert compare(Decimal(amount), comparison, Decimal(limit)) is expected


def test_region_prefix() -> None:
    assert region_prefix("140000") == "14"
    assert region_prefix("140600") == "1406"
    assert region_prefix("140602") == "140602"


def test_law_clauses_loaded_with_boundary_words() -> None:
    law = policy("cn-law")
    assert law.clause("splitting").comparison == ">"
    assert "不包括本数" in law.clause("boundary_words").text


def test_load_document_refuses_a_broken_file(tmp_path: Path) -> None:
    from yusuan.reference.paths import ReferenceError

    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: ruleset\nid: x\ntitle: x\njurisdiction: {code: '140000', name: x, parent: null}\n")
    with pytest.raises(ReferenceError, match="schema"):
        load_document(bad)


def _with_overlay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: dict[str, Any]) -> None:
    """A copy of the data with the 朔州 overlay changed by ``extra``; the caches cleared."""
    import shutil

    from yusuan.reference import procurement as reference

    data = tmp_path / "data"
    shutil.copytree(procurement_dir(), data / "procurement")
    path = data / "procurement" / "rulesets" / "cn-140600-shuozhou-2022-2023.yaml"
    overlay = _raw(path)
    overlay.update(extra)
    path.write_text(yaml.safe_dump(overlay, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("YUSUAN_DATA", str(data))
    reference.rulesets.cache_clear()


LOOSER = [
    {
        "object": "goods",
        "amount": "1000000",
        "comparison": ">=",
        "wording": "货物100万元",
        "source": {"document": "测试", "clause": "一", "verified": False},
    }
]


def test_an_overlay_may_not_loosen_a_provincial_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from yusuan.reference import procurement as reference
    from yusuan.reference.paths import ReferenceError

    try:
        _with_overlay(tmp_path, monkeypatch, {"decentralized_limits": LOOSER})
        with pytest.raises(ReferenceError, match="只能从严"):
            rulesets()
        replaces = {"decentralized_limits": {"text": "本市另行规定限额", "source": LOOSER[0]["source"]}}
        _with_overlay(tmp_path / "b", monkeypatch, {"decentralized_limits": LOOSER, "replaces": replaces})
        shuozhou = next(r for r in rulesets() if r.id == "cn-140600-shuozhou-2022-2023")
        assert [t.amount for t in shuozhou.decentralized_limits] == [Decimal("1000000")]
        assert [r.text for r in shuozhou.replaced] == ["本市另行规定限额"]  # cited in every decision
    finally:
        monkeypatch.delenv("YUSUAN_DATA")
        reference.rulesets.cache_clear()


def test_an_sme_overlay_replaces_the_national_floor_only_when_it_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """朔州 says nothing of replacing: works above 400万 keep 19号's 40%; with `replaces`, its 30% rules."""
    from yusuan.procurement import build_request, decide
    from yusuan.reference import procurement as reference

    def share() -> str:
        request = build_request(
            code="B01010000", scheme="2022", amount="5000000", level="county", region="140602",
            date="2023-05-01", sme_suitable=True,
        )  # fmt: skip
        found = [o for o in decide(request).obligations if o.kind == "sme_reservation"]
        return found[0].details["share_min"]

    assert share() == "0.40"
    sme = _raw(procurement_dir() / "rulesets" / "cn-140600-shuozhou-2022-2023.yaml")["sme_reservation"]
    sme["replaces"] = {
        "text": "本市预留比例替代全国规定",
        "source": {"document": "测试", "clause": "二", "verified": False},
    }
    try:
        _with_overlay(tmp_path, monkeypatch, {"sme_reservation": sme})
        assert share() == "0.30"
    finally:
        monkeypatch.delenv("YUSUAN_DATA")
        reference.rulesets.cache_clear()
