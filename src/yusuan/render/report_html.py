"""The check report as one self-contained HTML page a reviewer reads in a browser.

Takes model objects only (the Disclosure, its Findings, the NotEvaluated outcomes, and the
rules' one-line summaries): render never imports check. Each finding shows the table rows
(with the cells involved highlighted) or the sentence it is about.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape

from yusuan.model import Disclosure, Finding, Location, NotEvaluated, Row, Severity, Table

_CSS = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC",sans-serif;margin:2em auto;max-width:72em;color:#222}
h1{font-size:1.4em} h2{font-size:1.15em;border-bottom:1px solid #ccc;margin-top:2em}
.finding{border-left:4px solid #999;padding:.4em .8em;margin:1em 0;background:#fafafa}
.error{border-color:#c62828}.warning{border-color:#ef8f00}.info{border-color:#1565c0}
.sev{font-weight:bold;text-transform:uppercase;font-size:.8em;margin-right:.5em}
.error .sev{color:#c62828}.warning .sev{color:#ef8f00}.info .sev{color:#1565c0}
.en{color:#666;font-size:.9em} .where{color:#555;font-size:.85em;font-family:monospace}
table{border-collapse:collapse;margin:.5em 0;font-size:.85em}
td,th{border:1px solid #ccc;padding:.15em .5em;text-align:right;white-space:nowrap}
td.name,th.name{text-align:left;white-space:normal}
td.hit{background:#ffe082;font-weight:bold} .sentence{background:#fff3cd;padding:.1em .3em}
.summary td{text-align:left} .hint{color:#2e7d32;font-size:.9em}
"""

_WORDS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


def _row_key(row: Row) -> str:
    return f"{row.code} {row.name}" if row.code else row.name


def _where(location: Location) -> str:
    parts = [p for p in (location.table, location.row, location.column, location.section) if p]
    if location.page is not None:
        parts.append(f"第{location.page}页")
    if location.line is not None:
        parts.append(f"第{location.line}行 line {location.line}")
    return " · ".join(parts)


def _table_excerpt(table: Table, locations: list[Location]) -> str:
    keys = [loc.row for loc in locations if loc.table == table.id and loc.row]
    rows = [r for r in table.rows if _row_key(r) in keys]
    if not rows:
        return ""
    hits = {(loc.row, loc.column) for loc in locations if loc.table == table.id}
    head = "".join(f"<th>{escape(c.label)}</th>" for c in table.columns)
    body = []
    for row in rows:
        key = _row_key(row)
        cells = []
        for column, cell in zip(table.columns, row.cells, strict=False):
            css = ' class="hit"' if (key, column.label) in hits else ""
            shown = cell.amount.normalised() if cell.amount is not None else cell.text  # "341. 11" -> 341.11
            cells.append(f"<td{css}>{escape(shown or '')}</td>")
        body.append(f'<tr><td class="name">{escape(key)}</td>{"".join(cells)}</tr>')
    title = escape(table.title)
    return (
        f"<table><caption>{title}（{escape(table.unit.value)}）</caption>"
        f'<tr><th class="name">项目</th>{head}</tr>{"".join(body)}</table>'
    )


def _sentence_excerpt(disclosure: Disclosure, location: Location) -> str:
    if not location.sentence:
        return ""
    return f'<p>“<span class="sentence">{escape(location.sentence)}</span>”</p>'


def _finding(disclosure: Disclosure, finding: Finding, summaries: Mapping[str, str]) -> str:
    sev = finding.severity.value
    parts = [
        f'<div class="finding {sev}">',
        f'<span class="sev">{_WORDS[finding.severity]} {sev}</span><b>{escape(finding.rule)}</b> ',
        f'<span class="en">{escape(summaries.get(finding.rule, ""))}</span>',
        f'<p>{escape(finding.message)}<br><span class="en">{escape(finding.message_en)}</span></p>',
    ]
    for location in finding.locations:
        parts.append(f'<div class="where">{escape(_where(location))}</div>')
    tables = []
    for location in finding.locations:
        if location.table and location.table not in tables:
            tables.append(location.table)
    for table_id in tables:
        table = disclosure.table(table_id)
        if table is not None:
            parts.append(_table_excerpt(table, list(finding.locations)))
    for location in finding.locations:
        parts.append(_sentence_excerpt(disclosure, location))
    e = finding.evidence
    if any((e.expected, e.actual, e.difference, e.tolerance)):
        parts.append(
            "<table><tr><th>应为 expected</th><th>实为 actual</th><th>差额 difference</th>"
            f"<th>容差 tolerance</th></tr><tr><td>{escape(e.expected or '')}</td>"
            f"<td>{escape(e.actual or '')}</td>"
            f"<td>{escape(e.difference or '')}</td><td>{escape(e.tolerance or '')}</td></tr></table>"
        )
    if finding.hint:
        parts.append(f'<p class="hint">{escape(finding.hint)}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def report_html(
    disclosure: Disclosure,
    findings: Iterable[Finding],
    not_evaluated: Iterable[NotEvaluated],
    summaries: Mapping[str, str] | None = None,
) -> str:
    """The whole report page."""
    findings = list(findings)
    not_evaluated = list(not_evaluated)
    summaries = summaries or {}
    facts = disclosure.facts
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    title = f"审核报告 / check report — {facts.unit} {facts.year or ''}"
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        '<table class="summary">',
        f"<tr><td>文件 file</td><td>{escape(disclosure.source_file)}</td></tr>",
        f"<tr><td>单位 unit</td><td>{escape(facts.unit)}</td></tr>",
        f"<tr><td>年度 year</td><td>{facts.year or ''}</td></tr>",
        f"<tr><td>模板 profile</td><td>{escape(facts.profile)}</td></tr>",
        f"<tr><td>错误 errors</td><td>{counts[Severity.ERROR]}</td></tr>",
        f"<tr><td>警告 warnings</td><td>{counts[Severity.WARNING]}</td></tr>",
        f"<tr><td>提示 info</td><td>{counts[Severity.INFO]}</td></tr>",
        f"<tr><td>未能评估 not evaluated</td><td>{len(not_evaluated)}</td></tr>",
        "</table>",
    ]
    for severity, heading in (
        (Severity.ERROR, "错误 / errors"),
        (Severity.WARNING, "警告 / warnings"),
        (Severity.INFO, "提示 / info"),
    ):
        chosen = [f for f in findings if f.severity is severity]
        if chosen:
            out.append(f"<h2>{heading}（{len(chosen)}）</h2>")
            out.extend(_finding(disclosure, f, summaries) for f in chosen)
    if not_evaluated:
        out.append("<h2>未能评估 / not evaluated</h2><ul>")
        out.extend(f"<li><b>{escape(n.rule)}</b> {escape(n.reason)}</li>" for n in not_evaluated)
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
