"""Matching performance sheets to projects: an exact name wins over a similar one."""

from yusuan.check.projects import sheet_for
from yusuan.model import PerformanceTarget


def _sheet(project: str) -> PerformanceTarget:
    return PerformanceTarget(project=project, department="", implementing_unit="", amount_yuan=None)


def test_exact_name_wins_over_an_earlier_similar_one() -> None:
    sheets = [_sheet("办公设备购置费二期"), _sheet("办公设备购置费一期")]
    assert sheet_for(sheets, "办公设备购置费一期") is sheets[1]
    assert sheet_for(sheets, "办公设备购置费二期") is sheets[0]


def test_similar_name_still_matches_an_ocr_slip() -> None:
    sheets = [_sheet("24小时服务大厅免费服务费")]
    assert sheet_for(sheets, "24小时服务大厅免费服務费") is sheets[0]
    assert sheet_for(sheets, "办公用房租赁费") is None
