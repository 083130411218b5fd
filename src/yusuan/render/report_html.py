"""The check report as one self-contained HTML page a reviewer reads in a browser.

Takes model objects only (the Disclosure, its Findings, the NotEvaluated outcomes, and the
rules' one-line summaries and families): render never imports check. An index counts the
findings by family and severity, and its check boxes filter the page (a few lines of script;
without script every finding shows). Each finding shows the table rows (with the cells involved
highlighted) or the sentence it is about. Places are named in the document's own words (the
table's printed title, the section's heading), never by internal ids; amounts are printed with
thousands separators in the unit they were stated in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from html import escape

from yusuan.model import Disclosure, Finding, Location, NotEvaluated, Row, Severity, Table
from yusuan.reference.paths import ReferenceError
from yusuan.reference.profiles import Profile, load_profile, profile_ids

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
table.index td,table.index th{text-align:center} table.index th.name,table.index td.name{text-align:left}
table.index td a{color:inherit} .filters label{margin-right:1em;white-space:nowrap}
.family{color:#555;font-size:.85em;margin-left:.5em}
@media print{.filters{display:none} .finding{break-inside:avoid}}
"""

_SCRIPT = """
function yusuanFilter(){
  var off=new Set();
  document.querySelectorAll('.filters input').forEach(function(box){if(!box.checked)off.add(box.value);});
  document.querySelectorAll('.finding').forEach(function(item){
    item.hidden=off.has(item.dataset.severity)||off.has(item.dataset.family);
  });
}
document.querySelectorAll('.filters input').forEach(function(box){
  box.addEventListener('change',yusuanFilter);
});
"""

_AMOUNT = re.compile(r"^(?P<sign>[-+−]?)(?P<whole>\d+)(?P<places>\.\d+)?(?P<unit>\s*(?:元|万元|亿元)?)$")
OTHER_FAMILY = "其他 / other"

_WORDS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


def _row_key(row: Row) -> str:
    return f"{row.code} {row.name}" if row.code else row.name


def separated(text: str) -> str:
    """An amount with thousands separators ("31214205.80元" -> "31,214,205.80元"); other text as is."""
    match = _AMOUNT.match(text.strip())
    if match is None:
        return text
    whole = f"{int(match['whole']):,}"
    return f"{match['sign']}{whole}{match['places'] or ''}{match['unit']}"


class _Names:
    """The document's own words for the places findings name: table titles, section headings."""

    def __init__(self, disclosure: Disclosure) -> None:
        self.disclosure = disclosure
        try:
            self.profile: Profile | None = load_profile(disclosure.facts.profile)
        except ReferenceError:
            self.profile = None

    def table(self, table_id: str) -> str:
        table = self.disclosure.table(table_id)
        if table is not None and table.title:
            return table.title
        spec = self.profile.table(table_id) if self.profile is not None else None
        if spec is not None:
            return spec.title.replace("{year}", str(self.disclosure.facts.year or ""))
        return table_id

    def section(self, section_id: str) -> str:
        section = next((s for s in self.disclosure.sections if s.id == section_id), None)
        if section is not None and section.title:
            return section.title
        for profile in self._profiles():
            spec = profile.section(section_id)
            if spec is not None:
                return spec.title
        return section_id

    def _profiles(self) -> list[Profile]:
        """The document's profile first, then every other (a section id means the same in each)."""
        others = []
        for profile_id in profile_ids():
            if self.profile is None or profile_id != self.profile.id:
                try:
                    others.append(load_profile(profile_id))
                except ReferenceError:
                    continue
        return ([self.profile] if self.profile is not None else []) + others

    def where(self, location: Location) -> str:
        parts = []
        if location.table:
            parts.append(self.table(location.table))
        parts += [p for p in (location.row, location.column) if p]
        if location.section:
            parts.append(self.section(location.section))
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
            # "341. 11" -> 341.11, then with separators: 31,214,205.80
            shown = separated(cell.amount.normalised()) if cell.amount is not None else cell.text
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


def _finding(
    names: _Names, finding: Finding, summaries: Mapping[str, str], families: Mapping[str, str]
) -> str:
    disclosure = names.disclosure
    sev = finding.severity.value
    family = families.get(finding.rule, OTHER_FAMILY)
    parts = [
        f'<div class="finding {sev}" data-severity="{sev}" data-family="{escape(family)}">',
        f'<span class="sev">{_WORDS[finding.severity]} {sev}</span><b>{escape(finding.rule)}</b> ',
        f'<span class="en">{escape(summaries.get(finding.rule, ""))}</span>',
        f'<span class="family">{escape(family)}</span>',
        f'<p>{escape(finding.message)}<br><span class="en">{escape(finding.message_en)}</span></p>',
    ]
    for location in finding.locations:
        parts.append(f'<div class="where">{escape(names.where(location))}</div>')
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
            f"<th>容差 tolerance</th></tr><tr><td>{escape(separated(e.expected or ''))}</td>"
            f"<td>{escape(separated(e.actual or ''))}</td>"
            f"<td>{escape(separated(e.difference or ''))}</td><td>{escape(separated(e.tolerance or ''))}</td>"
            "</tr></table>"
        )
    if finding.hint:
        parts.append(f'<p class="hint">{escape(finding.hint)}</p>')
    parts.append("</div>")
    return "\n".join(parts)


_SEVERITIES = (
    (Severity.ERROR, "错误 / errors"),
    (Severity.WARNING, "警告 / warnings"),
    (Severity.INFO, "提示 / info"),
)


def _index(findings: list[Finding], families: Mapping[str, str]) -> list[str]:
    """Counts by family (rows) and severity (columns), each count a link; check boxes filter."""
    order = list(dict.fromkeys(families.get(f.rule, OTHER_FAMILY) for f in findings))
    if not order:
        return []
    out = [
        "<h2>索引 / index</h2>",
        '<table class="index"><tr><th class="name">类别 family</th>'
        + "".join(f"<th>{escape(h)}</th>" for _, h in _SEVERITIES)
        + "</tr>",
    ]
    for family in order:
        cells = []
        for severity, _ in _SEVERITIES:
            count = sum(
                1 for f in findings if f.severity is severity and families.get(f.rule, OTHER_FAMILY) == family
            )
            cells.append(f'<td><a href="#{severity.value}">{count}</a></td>' if count else "<td>0</td>")
        out.append(f'<tr><td class="name">{escape(family)}</td>{"".join(cells)}</tr>')
    out.append("</table>")
    boxes = [
        f'<label><input type="checkbox" value="{s.value}" checked> {escape(h)}</label>'
        for s, h in _SEVERITIES
    ]
    boxes += [
        f'<label><input type="checkbox" value="{escape(f)}" checked> {escape(f)}</label>' for f in order
    ]
    out.append(f'<p class="filters">显示 / show: {"".join(boxes)}</p>')
    return out


def report_html(
    disclosure: Disclosure,
    findings: Iterable[Finding],
    not_evaluated: Iterable[NotEvaluated],
    summaries: Mapping[str, str] | None = None,
    families: Mapping[str, str] | None = None,
) -> str:
    """The whole report page; ``families`` names each rule's family ("算术 / arithmetic")."""
    findings = list(findings)
    not_evaluated = list(not_evaluated)
    summaries = summaries or {}
    families = families or {}
    names = _Names(disclosure)
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
        f"<tr><td>金额单位 currency unit</td><td>{escape(facts.currency_unit.value)}</td></tr>",
        f"<tr><td>错误 errors</td><td>{counts[Severity.ERROR]}</td></tr>",
        f"<tr><td>警告 warnings</td><td>{counts[Severity.WARNING]}</td></tr>",
        f"<tr><td>提示 info</td><td>{counts[Severity.INFO]}</td></tr>",
        f"<tr><td>未能评估 not evaluated</td><td>{len(not_evaluated)}</td></tr>",
        "</table>",
    ]
    out += _index(findings, families)
    for severity, heading in _SEVERITIES:
        chosen = [f for f in findings if f.severity is severity]
        if chosen:
            out.append(f'<h2 id="{severity.value}">{heading}（{len(chosen)}）</h2>')
            out.extend(_finding(names, f, summaries, families) for f in chosen)
    if not_evaluated:
        out.append("<h2>未能评估 / not evaluated</h2><ul>")
        out.extend(f"<li><b>{escape(n.rule)}</b> {escape(n.reason)}</li>" for n in not_evaluated)
        out.append("</ul>")
    if findings:
        out.append(f"<script>{_SCRIPT}</script>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
