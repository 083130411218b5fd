"""The Jiangsu documents as published give only their genuine findings (each judged against the
printed PDF); with those corrected, a Jiangsu document gives no error."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_mutations import mutate

from yusuan import api
from yusuan.model import Severity
from yusuan.read import read_document

JIANGSU = Path(__file__).resolve().parents[1] / "corpus" / "jiangsu"
PROCURATORATE = JIANGSU / "jiangsu-procuratorate-2019-dept-budget.pdf"

# The procuratorate's genuine errors, corrected as the tables and arithmetic say (pp. 25-27):
# 基本支出 15,844.04 ÷ 24,169.74 is 65.55%, not 65.56%; 2228.78 ÷ 21940.96 is 10.16%, not
# 10.15% (one finding, three places: pp. 25, 27, 29); 项目支出 "减少了1237.7万元，减少 13.22 %"
# repeats the 基本支出's rate (1237.7 ÷ 5573.0 is 22.21%); 1311.6 ÷ 3666.0 is 35.78%, not 35.77%.
CORRECTED = [
    {"replace_text": {"section": "expenditure", "old": "占65.56%", "new": "占65.55%"}},
    {"replace_text": {"section": "overview", "old": "增长10.15 %", "new": "增长10.16 %"}},
    {"replace_text": {"section": "fiscal_expenditure", "old": "增长 10.15 %", "new": "增长 10.16 %"}},
    {"replace_text": {"section": "general_expenditure", "old": "增长10.15%", "new": "增长10.16%"}},
    {"replace_text": {"section": "overview", "old": "减少 13.22 %", "new": "减少 22.21 %"}},
    {"replace_text": {"section": "fiscal_expenditure", "old": "减少35.77 %", "new": "减少35.78 %"}},
]


@pytest.mark.parametrize(
    ("stem", "errors", "warnings"),
    [
        (
            "jiangsu-procuratorate-2019-dept-budget",
            [
                ("N102", "expenditure"),
                ("N104", "fiscal_expenditure"),
                ("N104", "overview"),
                ("N104", "overview"),
            ],
            # 离休费 426.00 + 退休费 1064.45 (经济科目, p. 19) against 400.02 in 2080504, the only
            # 离退休 项 of the functional tables (p. 16): retirement pay booked under another 项.
            [("X102", None)],
        ),
        (
            "jiangsu-high-court-2018-dept-budget",
            # 法院（款）一般行政事务管理（项）"减少 392.92 万元，减少 5.95%": 392.92 ÷ 6442.89 is 6.10%
            [("N104", "fiscal_expenditure")],
            # the empty 政府性基金 table with no note (the text only says 0 万元, p. 14); "减少
            # 9.52，" without its % (p. 19); 离休费 461.60 + 退休费 744.51 against 397.23 in 2080504;
            # the text's 一般行政事务管理 for the table's 2040502 一般行政管理事务 (p. 19).
            [("C104", None), ("N107", "fiscal_expenditure"), ("N114", "fiscal_expenditure"), ("X102", None)],
        ),
    ],
)
def test_a_jiangsu_document_gives_only_its_genuine_findings(
    stem: str, errors: list[tuple[str, str | None]], warnings: list[tuple[str, str | None]]
) -> None:
    report = api.check(JIANGSU / f"{stem}.pdf")

    def places(severity: Severity) -> list[tuple[str, str | None]]:
        found = [f for f in report.findings if f.severity is severity]
        return sorted((f.rule, f.locations[0].section) for f in found)

    assert places(Severity.ERROR) == errors
    assert places(Severity.WARNING) == warnings


def test_the_corrected_jiangsu_document_gives_no_error() -> None:
    report = api.check_disclosure(mutate(read_document(PROCURATORATE), CORRECTED))
    assert [f.message for f in report.findings if f.severity is Severity.ERROR] == []


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


def test_an_upper_bound_is_worded_as_one() -> None:
    """X102 on 退休费 says the economic lines exceed the 项 that holds them, each side named with its
    figure, and the evidence gives the bound (≤) as expected and the economic sum as printed."""
    report = api.check(JIANGSU / "jiangsu-high-court-2018-dept-budget.pdf")
    (found,) = [f for f in report.findings if f.rule == "X102"]
    assert found.message == (
        "经济分类退休费、离休费之和1206.11万元，超过功能分类2080504 未归口管理的行政单位离退休的397.23万元"
        "（应不超过），多808.88万元"
    )
    assert (found.evidence.expected, found.evidence.actual) == ("≤397.23万元", "1206.11万元")
    assert [loc.table for loc in found.locations] == ["general_basic_economic"] * 2 + ["general_expenditure"]
