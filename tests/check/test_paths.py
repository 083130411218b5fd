"""Item paths of the narrative bound to their lines: code first, then 类/款/项 names (check/paths.py)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from yusuan.check.paths import Lines, find_by_path, split_path
from yusuan.model import Row, Table, Unit
from yusuan.read import read_document
from yusuan.reference.narrative import load_narrative

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PATTERNS = load_narrative("shanghai_department")


@cache
def _table(stem: str) -> Table:
    table = read_document(CORPUS / f"{stem}.pdf").table("general_expenditure")
    assert table is not None
    return table


PUTUO = "shanghai-putuo-finance-bureau-2025-dept-budget"
WANLI = "shanghai-putuo-wanli-subdistrict-2025-dept-budget"


def test_a_path_splits_into_its_levels() -> None:
    assert split_path("一般公共服务支出（类）财政事务（款）行政运行（项）", PATTERNS) == [
        (0, "一般公共服务支出"),
        (1, "财政事务"),
        (2, "行政运行"),
    ]
    assert split_path("一般公共服务支出", PATTERNS) == [(None, "一般公共服务支出")]


def test_a_last_name_after_a_marked_one_is_the_level_below() -> None:
    """Jiangsu's "2．法院（款）一般行政事务管理（项）支出…" leaves the （项） outside the path slot."""
    assert split_path("法院（款）一般行政事务管理", PATTERNS) == [(1, "法院"), (2, "一般行政事务管理")]
    assert split_path("财政事务（款）行政运行（项）其他", PATTERNS)[-1] == (None, "其他")  # nothing below 项


@pytest.mark.parametrize(
    ("stem", "path", "code"),
    [
        (PUTUO, "一般公共服务支出（类）财政事务（款）行政运行（项）", "2010601"),
        # 一般行政管理事务 recurs under six 款 of Wanli: the 款 of the path picks the line
        (WANLI, "一般公共服务支出（类）组织事务（款）一般行政管理事务（项）", "2013202"),
        (WANLI, "一般公共服务支出（类）宣传事务（款）一般行政管理事务（项）", "2013302"),
        (WANLI, "城乡社区支出（类）城乡社区管理事务（款）行政运行（项）", "2120101"),
        (WANLI, "卫生健康支出", "210"),
        (PUTUO, "2080506机关事业单位职业年金缴费支出", "2080506"),
    ],
)
def test_the_line_a_path_names(stem: str, path: str, code: str) -> None:
    found = find_by_path(_table(stem), path, PATTERNS)
    assert found.row is not None and found.row.code == code
    assert found.renamed == ()


def test_a_variant_spelling_binds_and_is_reported_as_a_naming_difference() -> None:
    path = "社会保障和就业支出（类）行政事业单位养老支出（款）其它行政事业单位养老支出（项）"
    found = find_by_path(_table(PUTUO), path, PATTERNS)
    assert found.row is not None and found.row.code == "2080599"
    assert found.renamed == (("其它行政事业单位养老支出", "其他行政事业单位养老支出"),)


def _holding(amount: str) -> Callable[[Row], bool]:
    """Whether a line's 合计 is ``amount`` 万元 (the table prints 元)."""
    table = _table(PUTUO)
    return lambda row: (a := row.amount(table, "total")) is not None and a.to(Unit.WAN) == Decimal(amount)


def test_another_wording_under_the_same_parent_binds_to_the_alike_line_holding_the_amount() -> None:
    path = "一般公共服务支出（类）财政事务（款）信息化系统建设（项）"
    found = find_by_path(_table(PUTUO), path, PATTERNS, confirms=_holding("166.66"))
    assert found.row is not None and found.row.code == "2010607"
    assert found.renamed == (("信息化系统建设", "信息化建设"),)


def test_a_name_that_only_resembles_a_line_is_not_bound_to_it() -> None:
    """Without the amount to confirm it, a resembling name must not become an amount error."""
    path = "一般公共服务支出（类）财政事务（款）信息化系统建设（项）"
    assert find_by_path(_table(PUTUO), path, PATTERNS, confirms=_holding("10")).row is None
    assert find_by_path(_table(PUTUO), path, PATTERNS).row is None


def test_a_numbered_path_is_read_without_its_number() -> None:
    found = find_by_path(_table(PUTUO), "2、一般公共服务支出（类）财政事务（款）行政运行（项）", PATTERNS)
    assert found.row is not None and found.row.code == "2010601"


def test_a_name_at_the_wrong_level_binds_to_the_one_line_of_that_name() -> None:
    path = "卫生健康支出（类）卫生健康支出（款）计划生育事务（项）"
    found = find_by_path(_table(WANLI), path, PATTERNS)
    assert found.row is not None and found.row.code == "21007"
    assert found.renamed and found.renamed[0][1] == "21007 计划生育事务"


def test_a_line_the_table_lacks_is_unbound_with_the_reason() -> None:
    found = find_by_path(_table(PUTUO), "教育支出（类）普通教育（款）小学教育（项）", PATTERNS)
    assert found.row is None
    assert "小学教育" in found.reason


def test_kept_lines_bind_as_a_fresh_scan_does() -> None:
    """With the names and lines kept between calls (as a check run keeps them), every line of the
    table, named by its path of 类/款/项 names, by its own name alone, by its code, and names no
    line has, binds to what a call without them finds."""
    names: dict[str, str] = {}
    lines: Lines = {}
    compared = bound = 0
    for stem in (PUTUO, WANLI):
        table = _table(stem)
        by_code = {r.code: r for r in table.rows if r.code}
        for row in table.rows:
            code = row.code or ""
            path = "".join(
                f"{by_code[code[:n]].name}（{mark}）"
                for mark, n in (("类", 3), ("款", 5), ("项", 7))
                if len(code) >= n and code[:n] in by_code
            )
            for text in (path, row.name, f"{code}{row.name}", f"{row.name}其他", "没有的科目（项）"):
                if not text:
                    continue
                kept = find_by_path(table, text, PATTERNS, names=names, lines=lines)
                assert kept == find_by_path(table, text, PATTERNS), (stem, text)
                compared += 1
                bound += kept.row is not None
    assert compared > 300 and bound > 150 and lines
