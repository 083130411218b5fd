"""The 决算 rules on the real Shanghai 决算 (Putuo planning bureau 2024), the official template,
and the real document with defects planted by hand in its lines and tables, read through the
real PDF reader (read_pdf -> disclosure_from_pages)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from yusuan.api import check_disclosure
from yusuan.model import Disclosure, Finding, Kind, Scope, Severity
from yusuan.read.lines import Line
from yusuan.read.pdf import PdfReading, RawTable, read_pdf
from yusuan.read.pdf.disclosure import disclosure_from_pages, read_pdf_document

CORPUS = Path(__file__).parents[3] / "corpus" / "final"
REAL = CORPUS / "shanghai-putuo-planning-bureau-2024-dept-final-accounts.pdf"
TEMPLATE = CORPUS / "shanghai-2024-dept-final-accounts-template.pdf"


@cache
def _reading() -> PdfReading:
    return read_pdf(REAL)


def _errors(disclosure: Disclosure) -> list[Finding]:
    return [f for f in check_disclosure(disclosure).findings if f.severity is Severity.ERROR]


def _planted(
    lines: Callable[[list[Line]], list[Line]] = list,
    tables: Callable[[list[RawTable]], list[RawTable]] = list,
) -> Disclosure:
    """The real document with its genuine errors corrected, then ``lines`` and ``tables`` planted."""
    reading = _reading()
    assert reading.profile is not None
    return disclosure_from_pages(
        reading.file,
        lines(_CLEAN(list(reading.lines))),
        tables(_clean_tables(list(reading.tables))),
        reading.profile,
    )


def _replace_text(old: str, new: str) -> Callable[[list[Line]], list[Line]]:
    def change(lines: list[Line]) -> list[Line]:
        hits = [i for i, line in enumerate(lines) if old in line.text]
        assert hits, f"{old!r} is not printed in the document"
        line = lines[hits[0]]
        lines[hits[0]] = replace(line, cells=tuple(c.replace(old, new) for c in line.cells))
        return lines

    return change


def _replace_everywhere(*pairs: tuple[str, str]) -> Callable[[list[Line]], list[Line]]:
    def change(lines: list[Line]) -> list[Line]:
        for old, new in pairs:
            hits = [i for i, line in enumerate(lines) if old in line.text]
            assert hits, f"{old!r} is not printed in the document"
            for i in hits:
                lines[i] = replace(lines[i], cells=tuple(c.replace(old, new) for c in lines[i].cells))
        return lines

    return change


def _clean_lines(lines: list[Line]) -> list[Line]:
    """The genuine F104 findings corrected: 95.45% (9746.50 ÷ 10210.34 is 95.457…%), and the rates
    stated for the 三公 parts budgeted at 0 (因公出国（境）费, 公务用车: "完成预算的 0.00%"); and the
    narrative's genuine defects: "下降（增长）" left from the template (D103), the unit's name
    written 规划与自然资源局 three times (D112, pp. 25-26), 人员经费 4896.98 in the text where the
    基本支出决算表 totals 4884.09 (N101, p. 24 against p. 16), and three items named otherwise than
    their lines: 其他国土资源事务支出 for 2200199 其他自然资源事务支出, and the 款 住房保障支出 for
    22102 住房改革支出, twice (N107, p. 23); the tables' heading naming 上海市规划和自然资源局 (D101,
    p. 6); "增长 13.95。" without its % (N114, p. 20)."""
    lines = _replace_text("完成年初预算的 95.45%", "完成年初预算的 95.46%")(lines)
    lines = _replace_everywhere(
        ("下降（增长）27.78%", "下降 27.78%"),
        ("规划与自然资源局", "规划和自然资源局"),
        ("经费 4896.98 万元", "经费 4884.09 万元"),
        ("基本支出 5377.64 万元。其中", "基本支出 5364.75 万元。其中"),
        ("他国土资源事务支出", "他自然资源事务支出"),
        ("住房保障支出（类）住房保障支出（款）", "住房保障支出（类）住房改革支出（款）"),
        ("康支出（类）236.63 万元", "康支出（类）236.64 万元"),  # as the tables are corrected below
        ("上海市规划和自然资源局 2024", "上海市普陀区规划和自然资源局 2024"),  # the tables' heading (D101)
        ("增长 13.95。", "增长 13.95%。"),  # the rate's % (N114)
    )(lines)
    return [replace(ln, cells=tuple(c.replace("，完成预算的 0.00%", "") for c in ln.cells)) for ln in lines]


_CLEAN = _clean_lines


def _clean_tables(tables: list[RawTable]) -> list[RawTable]:
    """The three genuine F102 errors corrected: the two overviews print 236.63 for 卫生健康支出 and
    3845.25 for 城乡社区支出 where the expenditure tables print 236.64 and 3845.24."""
    fixes = {"九、卫生健康支出": ("236.63", "236.64"), "十一、城乡社区支出": ("3845.25", "3845.24")}
    tables = [_copy(t) for t in tables]
    for table in tables:
        if table.title not in ("收入支出决算总表", "财政拨款收入支出决算总表"):
            continue
        for i, row in enumerate(table.body):
            for name, (old, new) in fixes.items():
                if name in [c.replace(" ", "") for c in row.cells]:
                    table.body[i] = replace(row, cells=tuple(new if c == old else c for c in row.cells))
    return tables


def _rules(findings: list[Finding]) -> set[str]:
    return {f.rule for f in findings}


def test_the_real_final_accounts_read_with_facts_and_every_table() -> None:
    d = read_pdf_document(REAL)
    assert (d.facts.unit, d.facts.year) == ("上海市普陀区规划和自然资源局", 2024)
    assert (d.facts.kind, d.facts.scope, d.facts.profile) == (
        Kind.FINAL_ACCOUNTS,
        Scope.DEPARTMENT,
        "shanghai_final_department",
    )
    assert list(d.tables) == [
        "final_overview",
        "final_income",
        "final_expenditure",
        "final_fiscal_overview",
        "final_general_expenditure",
        "final_general_basic",
        "final_three_public",
        "final_fund",
        "final_capital",
    ]
    assert [s.id for s in d.sections][:2] == ["duties", "structure"]
    assert len(d.sections) == 14 and len(d.glossary) == 11
    three = d.tables["final_three_public"]
    assert [(r.name, r.cells[0].normalised, r.cells[5].normalised) for r in three.rows] == [
        ("预算数", "2.85", "2.85"),
        ("决算数", "0.39", "0.39"),
    ]


def test_the_template_reads_as_a_final_accounts_template() -> None:
    d = read_pdf_document(TEMPLATE)
    assert (d.facts.unit, d.facts.year, d.facts.kind) == ("上海市XX局", 2024, Kind.FINAL_ACCOUNTS)
    assert len(d.tables) == 9 and len(d.sections) == 14


def test_the_real_document_gives_only_its_genuine_errors() -> None:
    """95.45% printed where 9746.50 ÷ 10210.34 = 95.457…% (truncated, not rounded); the overviews'
    卫生健康支出 236.63 against 236.64 in the expenditure tables, 城乡社区支出 3845.25 against 3845.24;
    the template's "下降（增长）" left in the 三公 text (p. 25); 人员经费 4896.98 in the text where the
    基本支出决算表 totals 4884.09 (p. 24 against p. 16); the tables' heading "上海市规划和自然资源局
    2024 年度部门决算表" (p. 6) naming the city's bureau, not the district's."""
    errors = _errors(read_pdf_document(REAL))
    assert sorted((f.rule, f.evidence.expected, f.evidence.actual) for f in errors) == [
        ("D101", None, None),
        # "下降（增长）27.78%": the template's pair of words left in the 三公 text, one defect, one rule
        ("D103", None, None),
        ("F102", "236.64万元", "236.63万元"),
        ("F102", "236.64万元", "236.63万元"),
        ("F102", "3845.24万元", "3845.25万元"),
        ("F104", "95.46%", "95.45%"),
        ("N101", "4884.09万元", "4896.98万元"),
    ]
    (placeholder,) = [f for f in errors if f.rule == "D103"]
    assert "下降（增长）" in placeholder.message and placeholder.locations[0].section == "three_public"
    warnings = [
        f for f in check_disclosure(read_pdf_document(REAL)).findings if f.severity is Severity.WARNING
    ]
    assert sorted((f.rule, f.locations[0].section) for f in warnings) == [
        ("D112", "three_public"),  # 规划与自然资源局 for 规划和自然资源局
        ("F104", "three_public"),
        ("F104", "three_public"),
        ("N107", "general_explanation"),  # 其他国土资源事务支出 for 2200199 其他自然资源事务支出
        ("N107", "general_explanation"),  # 住房保障支出（款） for 22102 住房改革支出, twice
        ("N107", "general_explanation"),
        ("N114", "general_explanation"),  # "增长 13.95。" without its %
    ]


def test_a_clean_variant_gives_no_error_and_no_warning() -> None:
    report = check_disclosure(_planted())
    assert [f for f in report.findings if f.severity is not Severity.INFO] == []


def test_the_template_gives_its_placeholder_findings() -> None:
    rules = _rules(_errors(read_pdf_document(TEMPLATE)))
    assert {"D103", "F106"} <= rules
    # its undecided words and XXXXXXXX reasons are template text: D103's alone
    assert not rules & {"F105", "N108"}
    assert not rules & {"F101", "F102", "F103", "F104"}  # nothing to add up or recompute in it


@pytest.mark.parametrize(
    ("plant", "rule", "where"),
    [
        # a placeholder heading: the unit on the cover left as in the template
        (_replace_text("上海市普陀区规划和自然", "上海市 XX"), "D103", "单位名称"),
        # a wrong year: the assets' stock date of last year in a 2024 决算
        (_replace_text("截至 2024 年 12 月 31 日", "截至 2023 年 12 月 31 日"), "D104", "other_matters"),
        # a wrong year: a 2024 决算 compared with 2022
        (
            _replace_text("与 2023 年度相比，收入支出总计", "与 2022 年度相比，收入支出总计"),
            "D104",
            "overview_explanation",
        ),
        # wrong direction words: 452.40 budgeted, 446.11 spent, "大于"
        (
            _replace_text(
                "446.11 万元，完成年初预算的 98.61%。决算数小于预算数的主",
                "446.11 万元，完成年初预算的 98.61%。决算数大于预算数的主",
            ),
            "F105",
            "general_explanation",
        ),
        # an undecided direction left from the template: template text, D103's (F105 leaves it)
        (
            _replace_text("100.00%。决算数同预算数持平。", "100.00%。决算数大于（小于）预算数。"),
            "D103",
            "general_explanation",
        ),
        # a completion rate with its digits swapped
        (_replace_text("98.61%", "98.16%"), "F104", "general_explanation"),
        # a 三公 part's rate recomputed against the 三公 table's 预算数 (0.39 of 2.85 is 13.68%)
        (_replace_text("完成预算的 13.68%。", "完成预算的 31.68%。"), "F104", "three_public"),
        # an empty reason: N108's (F105 leaves a printed reason to it)
        (_replace_text("年中社会保险缴费基数变更导致。", "。"), "N108", "general_explanation"),
    ],
)
def test_a_planted_defect_in_the_text_is_found(
    plant: Callable[[list[Line]], list[Line]], rule: str, where: str
) -> None:
    errors = _errors(_planted(lines=plant))
    found = [f for f in errors if f.rule == rule]
    assert found, f"{rule} not found among {_rules(errors)}"
    assert any(where in (loc.section or loc.table or "") for f in found for loc in f.locations)


def _without_table(title: str) -> Callable[[list[RawTable]], list[RawTable]]:
    def change(tables: list[RawTable]) -> list[RawTable]:
        kept = [t for t in tables if t.title != title]
        assert len(kept) == len(tables) - 1
        return kept

    return change


def _figures(title: str, row_name: str, value: str) -> Callable[[list[RawTable]], list[RawTable]]:
    """Every figure of the printed row ``row_name`` of the table ``title`` set to ``value``."""

    def change(tables: list[RawTable]) -> list[RawTable]:
        for table in tables:
            if table.title != title:
                continue
            for i, row in enumerate(table.body):
                if row.cells[0].replace(" ", "") == row_name:
                    cells = tuple(value if c.replace(".", "").isdigit() else c for c in row.cells)
                    table.body[i] = replace(row, cells=cells)
                    return tables
        raise AssertionError(f"{row_name} not in {title}")

    return change


def _copy(table: RawTable) -> RawTable:
    return replace(table, body=list(table.body))


def test_a_missing_table_is_found() -> None:
    errors = _errors(_planted(tables=_without_table("财政拨款“三公”经费支出决算表")))
    assert [f.locations[0].table for f in errors if f.rule == "C101"] == ["final_three_public"]


def test_a_zero_total_is_found() -> None:
    zero = _figures("收入支出决算总表", "总计", "0.00")
    errors = _errors(_planted(tables=lambda tables: zero([_copy(t) for t in tables])))
    assert "F106" in _rules(errors)
    assert "F101" in _rules(errors)  # 本年收入合计 + 年初结转和结余 no longer make the 总计


def test_a_three_public_line_that_does_not_add_up_is_found() -> None:
    def change(tables: list[RawTable]) -> list[RawTable]:
        tables = [_copy(t) for t in tables]
        table = next(t for t in tables if t.title == "财政拨款“三公”经费支出决算表")
        row = table.body[0]
        table.body[0] = replace(row, cells=(*row.cells[:1], "0.49", *row.cells[2:]))
        return tables

    errors = _errors(_planted(tables=change))
    assert [f.locations[0].row for f in errors if f.rule == "F103"] == ["决算数"]


def test_a_total_that_differs_between_tables_is_found() -> None:
    """The 收入决算表's 合计 no longer the 收入支出决算总表's 本年收入合计."""

    def change(tables: list[RawTable]) -> list[RawTable]:
        tables = [_copy(t) for t in tables]
        table = next(t for t in tables if t.title == "收入决算表")
        row = table.body[0]
        table.body[0] = replace(row, cells=tuple("9736.50" if c == "9746.50" else c for c in row.cells))
        return tables

    found = [f for f in _errors(_planted(tables=change)) if f.rule == "F102"]
    assert {loc.table for f in found for loc in f.locations} >= {"final_income", "final_overview"}


@pytest.mark.parametrize(
    ("plant", "owner", "left_by"),
    [
        # the template's pair of words: template text, D103's; F105 leaves the undecided statement
        (
            _replace_text("100.00%。决算数同预算数持平。", "100.00%。决算数大于（小于）预算数。"),
            "D103",
            "F105",
        ),
        # "下降（增长）" in a 三公 statement (as the real document prints it)
        (_replace_text("下降 27.78%", "下降（增长）27.78%"), "D103", "F105"),
        # an empty reason: N108's; F105 leaves a reason that is printed
        (_replace_text("年中社会保险缴费基数变更导致。", "。"), "N108", "F105"),
    ],
)
def test_one_defect_is_reported_by_one_rule(
    plant: Callable[[list[Line]], list[Line]], owner: str, left_by: str
) -> None:
    findings = check_disclosure(_planted(lines=plant)).findings
    rules = [f.rule for f in findings if f.severity is not Severity.INFO]
    assert rules.count(owner) == 1 and left_by not in rules, rules


def test_a_difference_with_no_reason_at_all_is_f105s() -> None:
    plant = _replace_text("决算数小于预算数的主要原因", "决算数小于预算数。其")
    findings = check_disclosure(_planted(lines=plant)).findings
    assert [(f.rule, f.severity) for f in findings if f.severity is not Severity.INFO] == [
        ("F105", Severity.WARNING)
    ]
