"""The Jiangsu documents as published: no error, and only their genuine warnings (each judged
against the printed PDF)."""

from __future__ import annotations

from pathlib import Path

import pytest

from yusuan import api
from yusuan.model import Severity

JIANGSU = Path(__file__).resolve().parents[1] / "corpus" / "jiangsu"


@pytest.mark.parametrize(
    ("stem", "warnings"),
    [
        # 离休费 426.00 + 退休费 1064.45 (经济科目, p. 19) against 400.02 in 2080504, the only 离退休
        # 项 of the functional tables (p. 16): retirement pay booked under another 项.
        ("jiangsu-procuratorate-2019-dept-budget", [("X102", "general_basic_economic")]),
        # the same for the high court (461.60 + 744.51 against 397.23, pp. 11, 14); and "减少
        # 9.52，" without its % (法院（款）案件执行（项）, p. 19).
        (
            "jiangsu-high-court-2018-dept-budget",
            [("N114", None), ("X102", "general_basic_economic")],
        ),
    ],
)
def test_a_jiangsu_document_gives_only_its_genuine_findings(
    stem: str, warnings: list[tuple[str, str | None]]
) -> None:
    report = api.check(JIANGSU / f"{stem}.pdf")
    assert [f.message for f in report.findings if f.severity is Severity.ERROR] == []
    found = [f for f in report.findings if f.severity is Severity.WARNING]
    assert sorted((f.rule, f.locations[0].table) for f in found) == warnings


def test_a_file_without_its_tables_is_one_reading_warning_not_twelve_missing_tables() -> None:
    """The NPC standing committee's file prints "2019年部门预算公开表附后" (p. 6) and no table: R101
    says so once; its genuine errors are the template's "增加（减少）" left in three sections."""
    report = api.check(JIANGSU / "jiangsu-npc-standing-committee-2019-dept-budget.pdf")
    serious = [f for f in report.findings if f.severity is not Severity.INFO]
    assert sorted((f.rule, f.severity.value) for f in serious) == [
        ("D103", "error"),
        ("D103", "error"),
        ("D103", "error"),
        ("R101", "warning"),
    ]
    assert any(n.rule == "C101" for n in report.not_evaluated)
