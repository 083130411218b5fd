"""化整为零 (实施条例 第二十八条): cumulative non-tender purchases *exceeding* the tender threshold."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from yusuan.model import Severity
from yusuan.procurement import ProcurementInputError, check_splitting
from yusuan.procurement.splitting import read_purchases

HEADER = "预算项目,品目,采购方式,金额,日期,名称\n"


def _csv(tmp_path: Path, rows: str, name: str = "purchases.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_exactly_the_threshold_is_not_splitting(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "信息化建设,A02010103,询价,2000000,2023-04-01,第一批\n信息化建设,A02010103,竞争性磋商,2000000,2023-09-01,第二批\n",
    )
    report = check_splitting(path, "140100")
    assert report.rows == 2 and report.groups == 1
    assert report.findings == []  # 超过 excludes the number itself


def test_one_cent_over_is_splitting(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "信息化建设,A02010103,询价,2000000,2023-04-01,第一批\n"
        "信息化建设,A02010103,竞争性磋商,2000000.01,2023-09-01,第二批\n"
        "信息化建设,A02010103,公开招标,9000000,2023-10-01,已招标\n",
    )
    report = check_splitting(path, "140602")
    assert len(report.findings) == 1
    finding = report.findings[0]
    assert finding.rule == "procurement.splitting" and finding.severity is Severity.WARNING
    assert finding.evidence.actual == "4000000.01" and finding.evidence.difference == "0.01"
    assert [loc.line for loc in finding.locations] == [2, 3]
    assert "政府采购法实施条例 第二十八条" in finding.message and "晋财购〔2022〕3号" in finding.message


def test_groups_by_year_project_and_item(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "甲项目,A02010103,询价,3000000,2023-04-01,\n"
        "乙项目,A02010103,询价,3000000,2023-04-02,\n"
        "甲项目,C16010000,询价,3000000,2023-04-03,\n"
        "甲项目,A02010103,询价,3000000,2022-12-30,\n",
    )
    report = check_splitting(path, "140100")
    assert report.findings == []
    assert report.groups == 4


def test_works_are_outside_article_28_and_unknown_objects_are_reported(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "道路,B01010000,竞争性谈判,3000000,2023-04-01,\n道路,B01010000,竞争性谈判,3000000,2023-05-01,\n"
        "办公,办公设备,询价,100,2023-05-01,\n",
    )
    report = check_splitting(path, "140100")
    assert report.findings == []
    assert len(report.not_evaluated) == 1 and "货物或服务" in report.not_evaluated[0].reason


def test_object_column_gives_the_category(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(
        "project,category,method,amount,date,object\n"
        '培训,培训服务,询价,2500000,2023-04-01,服务\n培训,培训服务,询价,"1,500,000.01",2023-06-01,服务\n',
        encoding="utf-8",
    )
    report = check_splitting(path, "140100")
    assert len(report.findings) == 1


def test_a_date_outside_every_ruleset_is_not_evaluated(tmp_path: Path) -> None:
    path = _csv(tmp_path, "甲,A02010103,询价,3000000,2024-04-01,\n甲,A02010103,询价,3000000,2024-05-01,\n")
    report = check_splitting(path, "140100")
    assert report.findings == [] and report.groups == 0
    assert "2024-04-01" in report.not_evaluated[0].reason


def test_xlsx_input(tmp_path: Path) -> None:
    path = tmp_path / "purchases.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["预算项目", "品目", "采购方式", "金额", "日期"])
    sheet.append(["信息化建设", "A02010103", "询价", 2500000, dt.datetime(2023, 4, 1)])
    sheet.append(["信息化建设", "A02010103", "询价", 1500000.01, dt.datetime(2023, 5, 1)])
    workbook.save(path)
    purchases = read_purchases(path)
    assert purchases[1].amount == Decimal("1500000.01") and purchases[0].date == dt.date(2023, 4, 1)
    report = check_splitting(path, "140100")
    assert len(report.findings) == 1
    assert report.to_json()["findings"][0]["evidence"]["actual"] == "4000000.01"


@pytest.mark.parametrize(
    ("content", "name", "fragment"),
    [
        ("预算项目,品目,金额,日期\n甲,A,1,2023-01-01\n", "a.csv", "采购方式"),
        (HEADER + "甲,A02010103,询价,abc,2023-01-01,\n", "b.csv", "金额"),
        (HEADER + "甲,A02010103,询价,100,2023/01/01,\n", "c.csv", "YYYY-MM-DD"),
        (HEADER + "甲,A02010103,,100,2023-01-01,\n", "d.csv", "采购方式"),
        ("", "e.csv", "空"),
        ("x", "f.txt", "CSV"),
        ("not a workbook", "g.xlsx", "XLSX"),
    ],
)
def test_bad_files_raise_one_error(tmp_path: Path, content: str, name: str, fragment: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ProcurementInputError, match=fragment):
        check_splitting(path, "140100")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProcurementInputError, match="不存在"):
        check_splitting(tmp_path / "none.csv", "140100")
