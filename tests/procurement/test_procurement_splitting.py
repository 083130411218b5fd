"""化整为零 (实施条例 第二十八条): cumulative non-tender purchases of one item or category *exceeding*
the tender threshold; methods from a closed list; rows read through yusuan.read.rows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from yusuan.model import Severity
from yusuan.procurement import ProcurementInputError, check_splitting
from yusuan.procurement.purchases import parse_purchases
from yusuan.read.rows import read_rows

HEADER = "预算项目,品目,采购方式,金额,日期,名称\n"
TAIYUAN_DISTRICT = "140105"  # 小店区: county level, Shanxi ruleset, no overlay


def _csv(tmp_path: Path, rows: str, name: str = "purchases.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes((HEADER + rows).encode(encoding))
    return path


def _check(path: Path, region: str = TAIYUAN_DISTRICT):  # type: ignore[no-untyped-def]
    return check_splitting(read_rows(path), str(path), region)


def test_exactly_the_threshold_is_not_splitting(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "信息化建设,A02010103,询价,2000000,2023-04-01,第一批\n信息化建设,A02010103,竞争性磋商,2000000,2023-09-01,第二批\n",
    )
    report = _check(path)
    assert report.rows == 2 and report.groups == 1
    assert report.findings == []  # 超过 excludes the number itself


def test_one_cent_over_is_splitting(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "信息化建设,A02010103,询价,2000000,2023-04-01,第一批\n"
        "信息化建设,A02010103,竞争性磋商,2000000.01,2023-09-01,第二批\n"
        "信息化建设,A02010103,公开招标,9000000,2023-10-01,已招标\n",
    )
    report = _check(path, "140602")
    assert len(report.findings) == 1
    finding = report.findings[0]
    assert finding.rule == "procurement.splitting" and finding.severity is Severity.WARNING
    assert finding.evidence.actual == "4000000.01" and finding.evidence.difference == "0.01"
    assert [loc.line for loc in finding.locations] == [2, 3]
    assert "政府采购法实施条例 第二十八条" in finding.message and "晋财购〔2022〕3号" in finding.message


def test_groups_by_year_project_and_category(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "甲项目,A02010103,询价,3000000,2023-04-01,\n"
        "乙项目,A02010103,询价,3000000,2023-04-02,\n"
        "甲项目,C16010000,询价,3000000,2023-04-03,\n"
        "甲项目,A02010103,询价,3000000,2022-12-30,\n",
    )
    report = _check(path)
    assert report.findings == []
    assert report.groups == 4


def test_same_category_different_items_are_one_group(tmp_path: Path) -> None:
    """“同一品目或者类别”: 2022 服务器 and 台式计算机 are both 计算机 (A02010100)."""
    path = _csv(
        tmp_path,
        "信息化,A02010104,询价,2100000,2023-04-01,服务器\n信息化,A02010105,询价,2100000,2023-05-01,台式机\n",
    )
    report = _check(path)
    assert len(report.findings) == 1
    assert "A02010100 计算机" in report.findings[0].message


def test_the_same_item_under_its_2013_and_2022_codes_is_one_group(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(
        "预算项目,品目,编码体系,采购方式,金额,日期\n"
        "办公,A02010104,2013,询价,2100000,2023-04-01\n"  # 2013 台式计算机
        "办公,A02010105,2022,竞争性谈判,2100000,2023-05-01\n",  # 2022 台式计算机
        encoding="utf-8",
    )
    report = _check(path)
    assert len(report.findings) == 1
    assert [loc.line for loc in report.findings[0].locations] == [2, 3]


def test_a_2013_category_and_a_2022_item_inside_it_are_one_group(tmp_path: Path) -> None:
    path = _csv(
        tmp_path, "家具,A06,询价,2100000,2023-04-01,\n家具,A05010201,询价,2100000,2023-05-01,办公桌\n"
    )
    report = _check(path)
    assert len(report.findings) == 1


def test_a_category_written_as_a_2022_name_joins_its_codes(tmp_path: Path) -> None:
    path = _csv(tmp_path, "办公,复印纸,询价,2100000,2023-04-01,\n办公,A05040101,询价,2100000,2023-05-01,\n")
    assert len(_check(path).findings) == 1


def test_works_are_outside_article_28_and_unknown_objects_are_reported(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "道路,B01010000,竞争性谈判,3000000,2023-04-01,\n道路,B01010000,竞争性谈判,3000000,2023-05-01,\n"
        "办公,杂项开支,询价,100,2023-05-01,\n",
    )
    report = _check(path)
    assert report.findings == []
    assert len(report.not_evaluated) == 1 and "货物或服务" in report.not_evaluated[0].reason


def test_object_column_gives_the_category(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(
        "project,category,method,amount,date,object\n"
        '培训,培训服务,询价,2500000,2023-04-01,服务\n培训,培训服务,inquiry,"1,500,000.01",2023-06-01,服务\n',
        encoding="utf-8",
    )
    assert len(_check(path).findings) == 1


def test_a_date_outside_every_ruleset_is_not_evaluated(tmp_path: Path) -> None:
    path = _csv(tmp_path, "甲,A02010103,询价,3000000,2024-04-01,\n甲,A02010103,询价,3000000,2024-05-01,\n")
    report = _check(path)
    assert report.findings == [] and report.groups == 0
    assert "2024-04-01" in report.not_evaluated[0].reason


@pytest.mark.parametrize("encoding", ["gbk", "utf-16", "utf-8-sig", "gb18030"])
def test_csv_encodings(tmp_path: Path, encoding: str) -> None:
    path = _csv(
        tmp_path,
        "信息化建设,A02010103,询价,2000000,2023-04-01,第一批\n信息化建设,A02010103,询价,2000000.01,2023-09-01,第二批\n",
        encoding=encoding,
    )
    report = _check(path)
    assert len(report.findings) == 1 and "信息化建设" in report.findings[0].message


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["预算项目", "品目", "采购方式", "金额", "日期"])
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_xlsx_input(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "purchases.xlsx",
        [
            ["信息化建设", "A02010103", "询价", 2500000, dt.datetime(2023, 4, 1)],
            ["信息化建设", "A02010103", "询价", 1500000.01, dt.datetime(2023, 5, 1)],
        ],
    )
    purchases = parse_purchases(read_rows(path), str(path))
    assert purchases[1].amount == Decimal("1500000.01") and purchases[0].date == dt.date(2023, 4, 1)
    report = _check(path)
    assert len(report.findings) == 1
    assert report.to_json()["findings"][0]["evidence"]["actual"] == "4000000.01"


def test_negative_xlsx_amount_is_refused_with_its_line(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "neg.xlsx", [["甲", "A02010103", "询价", -5, dt.datetime(2023, 4, 1)]])
    with pytest.raises(ProcurementInputError, match=r"neg.xlsx:2.*负"):
        _check(path)


@pytest.mark.parametrize("method", ["非公开招标方式", "公开招标方式", "网上竞价", "其他"])
def test_methods_outside_the_closed_list_are_refused_with_the_line(tmp_path: Path, method: str) -> None:
    path = _csv(tmp_path, f"甲,A02010103,询价,100,2023-01-01,\n甲,A02010103,{method},100,2023-01-02,\n")
    with pytest.raises(ProcurementInputError, match=r"purchases.csv:3.*采购方式"):
        _check(path)


@pytest.mark.parametrize(
    ("content", "name", "fragment"),
    [
        ("预算项目,品目,金额,日期\n甲,A,1,2023-01-01\n", "a.csv", "采购方式"),
        (HEADER + "甲,A02010103,询价,abc,2023-01-01,\n", "b.csv", "金额"),
        (HEADER + "甲,A02010103,询价,-1,2023-01-01,\n", "b2.csv", "负"),
        (HEADER + "甲,A02010103,询价,100,2023/01/01,\n", "c.csv", "YYYY-MM-DD"),
        (HEADER + "甲,A02010103,,100,2023-01-01,\n", "d.csv", "采购方式"),
        ("", "e.csv", "空"),
    ],
)
def test_bad_rows_raise_one_error(tmp_path: Path, content: str, name: str, fragment: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ProcurementInputError, match=fragment):
        _check(path)


def test_region_and_level_must_agree(tmp_path: Path) -> None:
    path = _csv(tmp_path, "甲,A02010103,询价,100,2023-01-01,\n")
    with pytest.raises(ProcurementInputError, match="140602"):
        check_splitting(read_rows(path), str(path), "140602", "province")
