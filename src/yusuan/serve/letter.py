"""The 问询函 (inquiry letter) as DOCX from a document's accepted findings, in the official form.

The wording, fonts and margins are data (data/workbench/letter.yaml), after GB/T 9704-2012.
"""

from __future__ import annotations

import io
from datetime import date
from functools import cache
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from yusuan.reference.paths import data_dir, load_yaml


@cache
def wording() -> dict[str, Any]:
    loaded: dict[str, Any] = load_yaml((data_dir() / "workbench" / "letter.yaml").read_text(encoding="utf-8"))
    return loaded


def kind_label(kind: str | None) -> str:
    """``budget/department`` -> 部门预算."""
    words = wording()
    kind_part, _, scope_part = (kind or "").partition("/")
    return f"{words['scopes'].get(scope_part, '')}{words['kinds'].get(kind_part, kind_part)}"


def _where(location: dict[str, Any]) -> str:
    parts = []
    if location.get("page"):
        parts.append(f"第{location['page']}页")
    for key in ("table", "row", "column", "section"):
        if location.get(key):
            parts.append(str(location[key]))
    return "，".join(parts) or "全文"


def _run(paragraph: Any, text: str, font: str, size: float, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = font
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def letter_docx(
    upload: dict[str, Any], findings: list[dict[str, Any]], reviewer: str, on: date | None = None
) -> bytes:
    """The letter for ``upload`` from its accepted findings (in report order), signed by ``reviewer``."""
    words = wording()
    fonts = words["fonts"]
    body_font, body_size = fonts["body"], fonts["body_size_pt"]
    document = Document()
    for section in document.sections:
        margins = words["margins_mm"]
        section.page_height, section.page_width = Mm(297), Mm(210)
        section.top_margin, section.bottom_margin = Mm(margins["top"]), Mm(margins["bottom"])
        section.left_margin, section.right_margin = Mm(margins["left"]), Mm(margins["right"])
    kind_part, _, scope_part = (upload.get("kind") or "").partition("/")
    facts = {
        "unit": upload.get("unit") or "",
        "year": upload.get("year") or "",
        "kind": words["kinds"].get(kind_part, kind_part),
        "scope": words["scopes"].get(scope_part, ""),
        "filename": ((upload.get("report") or {}).get("document") or {}).get("title")
        or upload.get("filename")
        or "",
    }
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, words["title"].format(**facts), fonts["title"], fonts["title_size_pt"])

    def line(text: str, indent: bool = True, align: Any = None) -> None:
        paragraph = document.add_paragraph()
        if indent:
            paragraph.paragraph_format.first_line_indent = Pt(body_size * 2)
        if align is not None:
            paragraph.alignment = align
        _run(paragraph, text, body_font, body_size)

    line(words["opening"].format(**facts), indent=False)
    line(words["intro"].format(**facts))
    accepted = [f for f in findings if f["decision"] == "accepted"]
    for number, finding in enumerate(accepted, start=1):
        body = finding["body"]
        text = words["item"].format(
            number=_chinese_number(number),
            where=_where(body.get("location") or {}),
            message=body.get("message", ""),
        )
        evidence = body.get("evidence") or {}
        if evidence.get("expected") is not None or evidence.get("actual") is not None:
            text += words["evidence"].format(
                **{k: evidence.get(k) or "—" for k in ("expected", "actual", "difference")}
            )
        text += words["rule"].format(rule=finding["rule"])
        line(text)
        if finding.get("reason"):
            line(words["reason"].format(reason=finding["reason"]))
    line(words["closing"])
    day = on or date.today()
    line(words["signature"].format(reviewer=reviewer), indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    line(
        words["date"].format(year=day.year, month=day.month, day=day.day),
        indent=False,
        align=WD_ALIGN_PARAGRAPH.RIGHT,
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_DIGITS = "零一二三四五六七八九"


def _chinese_number(number: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 23 -> 二十三 (the letter's item numbers)."""
    if number < 10:
        return _DIGITS[number]
    tens, ones = divmod(number, 10)
    if number >= 100:
        return str(number)
    return f"{_DIGITS[tens] if tens > 1 else ''}十{_DIGITS[ones] if ones else ''}"
