"""The 问询函: accepted findings only, in report order, in the official form (fonts, margins)."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from yusuan.serve.letter import _chinese_number, kind_label, letter_docx

UPLOAD = {
    "unit": "上海市普陀区财政局",
    "year": 2025,
    "kind": "budget/department",
    "filename": "putuo.pdf",
    "report": {"document": {"title": "上海市普陀区财政局2025年部门预算"}},
}


def _finding(number: int, decision: str | None, reason: str = "") -> dict[str, object]:
    body = {
        "rule": "A101",
        "severity": "error",
        "message": f"第{number}条问题",
        "location": {"page": 3, "table": "expenditure", "row": "合计", "column": "total"},
        "evidence": {"expected": "341.11", "actual": "345.00", "difference": "3.89"},
    }
    return {"rule": "A101", "decision": decision, "reason": reason, "body": body}


def test_letter_has_the_accepted_findings_in_the_official_form() -> None:
    findings = [
        _finding(1, "accepted", "请更正"),
        _finding(2, "dismissed", "无误"),
        _finding(3, None),
        _finding(4, "accepted"),
    ]
    document = Document(io.BytesIO(letter_docx(UPLOAD, findings, "王审核", on=date(2026, 3, 5))))
    lines = [p.text for p in document.paragraphs]
    assert lines[0] == "关于上海市普陀区财政局2025年部门预算公开有关问题的问询函"
    assert lines[1] == "上海市普陀区财政局："
    assert "《上海市普陀区财政局2025年部门预算》" in lines[2]
    assert lines[3] == (
        "一、第3页，expenditure，合计，total：第1条问题"
        "（期望 341.11，实际 345.00，差额 3.89）（审核规则 A101）"
    )
    assert lines[4] == "审核意见：请更正"
    assert lines[5].startswith("二、") and "第4条问题" in lines[5]
    assert not any("第2条问题" in line or "第3条问题" in line for line in lines)
    assert lines[-2:] == ["王审核", "2026年3月5日"]
    title = document.paragraphs[0].runs[0]
    assert title.font.size.pt == 22
    assert title._element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    section = document.sections[0]
    assert (round(section.top_margin / Mm(1)), round(section.left_margin / Mm(1))) == (37, 28)


def test_item_numbers_and_kind_words() -> None:
    assert [_chinese_number(n) for n in (1, 9, 10, 12, 20, 23, 99)] == [
        "一",
        "九",
        "十",
        "十二",
        "二十",
        "二十三",
        "九十九",
    ]
    assert kind_label("final_accounts/unit") == "单位决算"
    assert kind_label("budget/department") == "部门预算"
