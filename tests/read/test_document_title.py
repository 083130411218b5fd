"""Facts from the title property (DOCX, XLSX) or <title> (HTML) when no page prints a title line."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest

from yusuan.model import Kind, Scope
from yusuan.read import read_document

TITLE = "朔州市朔城区数字政府服务中心2025年度部门决算公开"
TABLES = ["2025年预算收支总表", "2025年预算收入总表", "2025年预算支出总表"]
ROW = ["201", "一般公共服务支出", "293.07"]


def _docx(path: Path, printed: str | None) -> None:
    document = docx.Document()
    document.core_properties.title = TITLE
    if printed:
        document.add_paragraph(printed)
    document.add_paragraph("第二部分 报表")
    for title in TABLES:
        document.add_paragraph(title)
        table = document.add_table(rows=1, cols=3)
        for cell, text in zip(table.rows[0].cells, ROW, strict=True):
            cell.text = text
    document.save(str(path))


def _xlsx(path: Path, printed: str | None) -> None:
    book = openpyxl.Workbook()
    book.properties.title = TITLE
    sheet = book.active
    if printed:
        sheet.append([printed])
    sheet.append(["第二部分 报表"])
    for title in TABLES:
        sheet.append([title])
        sheet.append(ROW)
    book.save(path)


def _html(path: Path, printed: str | None) -> None:
    body = (f"<h1>{printed}</h1>" if printed else "") + "<h2>第二部分 报表</h2>"
    body += "".join(
        f"<p>{t}</p><table><tr>{''.join(f'<td>{c}</td>' for c in ROW)}</tr></table>" for t in TABLES
    )
    path.write_text(f"<html><head><title>{TITLE}</title></head><body>{body}</body></html>", encoding="utf-8")


WRITERS = {"docx": _docx, "xlsx": _xlsx, "html": _html}


@pytest.mark.parametrize("kind", list(WRITERS))
def test_facts_from_the_file_title(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"tables.{kind}"
    WRITERS[kind](path, None)
    facts = read_document(path).facts
    assert (facts.unit, facts.year, facts.kind, facts.scope, facts.title) == (
        "朔州市朔城区数字政府服务中心",
        2025,
        Kind.FINAL_ACCOUNTS,
        Scope.DEPARTMENT,
        TITLE,
    )
    assert facts.source is not None and facts.source.locator in ("docProps/core.xml: title", "<title>")


@pytest.mark.parametrize("kind", list(WRITERS))
def test_a_printed_title_wins(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"printed.{kind}"
    WRITERS[kind](path, "朔州市朔城区某单位 2025年度单位预算公开")
    facts = read_document(path).facts
    assert (facts.unit, facts.kind, facts.scope) == ("朔州市朔城区某单位", Kind.BUDGET, Scope.UNIT)
    assert facts.source is not None and facts.source.locator not in ("docProps/core.xml: title", "<title>")
