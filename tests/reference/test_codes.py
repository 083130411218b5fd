"""The code list: names by year and kind; unknown codes are unknown, never wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.model import CodeKind
from yusuan.reference.codes import load_code_list, normalise_name
from yusuan.reference.paths import ReferenceError

SEED_CODES = {
    "201": "一般公共服务支出",
    "20103": "政府办公厅（室）及相关机构事务",
    "2010303": "机关服务",
    "2010350": "事业运行",
    "2080505": "机关事业单位基本养老保险缴费支出",
    "2101102": "事业单位医疗",
    "2210201": "住房公积金",
}


def test_seed_codes_known() -> None:
    codes = load_code_list(2025)
    assert codes.year == 2025
    for code, name in SEED_CODES.items():
        assert codes.name(code) == name


def test_shanghai_corpus_codes_known() -> None:
    codes = load_code_list(2025)
    assert codes.name("2010601") == "行政运行"
    assert codes.name("30217", CodeKind.ECONOMIC) == "公务接待费"
    assert codes.code_for_name("住房公积金", CodeKind.ECONOMIC) == "30113"


def test_unknown_code_is_unknown() -> None:
    assert load_code_list(2025).name("2999999") is None


def test_other_years_fall_back_and_say_so() -> None:
    later = load_code_list(2026)
    assert later.requested_year == 2026 and later.year == 2025
    earlier = load_code_list(2019)  # no earlier list: the nearest one, named
    assert earlier.year == 2025


def test_mirrors_pair_economic_and_functional_lines() -> None:
    mirrors = {m.name: m for m in load_code_list(2025).mirrors}
    assert mirrors["住房公积金"].functional == ("2210201",)


def test_names_compare_without_spaces_and_bracket_kind() -> None:
    assert normalise_name("政府办公厅(室) 及相关机构事务") == normalise_name("政府办公厅（室）及相关机构事务")


def test_malformed_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "codes" / "2030"
    folder.mkdir(parents=True)
    (folder / "functional.yaml").write_text("kind: functional\n", encoding="utf-8")
    monkeypatch.setenv("YUSUAN_DATA", str(tmp_path))
    load_code_list.cache_clear()
    try:
        with pytest.raises(ReferenceError):
            load_code_list(2030)
    finally:
        load_code_list.cache_clear()
