"""The summary as a file people open: .xlsx (filters, a chart), .csv (UTF-8 BOM) or .html.

The HTML summary sorts by any column (a click on its header) and links each row to the
document's own HTML report, written beside the summary in ``<name>-reports/``.
"""

from __future__ import annotations

import csv
import html
from pathlib import Path
from typing import Any

from yusuan.batch.jobs import Outcome
from yusuan.batch.summary import columns, family_totals, header, summary_rows
from yusuan.read.errors import InputError

SUFFIXES = (".xlsx", ".csv", ".html")


def check_summary_path(path: Path) -> None:
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(
            str(path), "汇总表应为 .xlsx、.csv 或 .html / the summary must be .xlsx, .csv or .html"
        )
    if not path.parent.exists():
        raise InputError(str(path), "所在文件夹不存在 / its folder does not exist")


def write_summary(path: Path, outcomes: list[Outcome]) -> Path:
    rows = summary_rows(outcomes)
    try:
        suffix = path.suffix.lower()
        if suffix == ".csv":
            _csv(path, rows)
        elif suffix == ".xlsx":
            _xlsx(path, rows)
        else:
            _html(path, rows, outcomes)
    except OSError as exc:
        raise InputError(str(path), f"无法写入 / cannot write: {exc.strerror or exc}") from None
    return path


def _csv(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([header(c) for c in columns()])
        for row in rows:
            writer.writerow([row[c] for c in columns()])


def _xlsx(path: Path, rows: list[dict[str, Any]]) -> None:
    import xlsxwriter

    names = columns()
    with xlsxwriter.Workbook(str(path)) as book:
        sheet = book.add_worksheet("汇总 summary")
        bold = book.add_format({"bold": True, "bg_color": "#EEEEEE", "text_wrap": True})
        sheet.write_row(0, 0, [header(c) for c in names], bold)
        for r, row in enumerate(rows, start=1):
            sheet.write_row(r, 0, [row[c] for c in names])
        sheet.autofilter(0, 0, max(len(rows), 1), len(names) - 1)  # sort and filter in Excel/WPS/LO
        sheet.freeze_panes(1, 1)
        sheet.set_column(0, 0, 48)
        sheet.set_column(1, 1, 30)
        totals = family_totals(rows)
        if totals:
            data = book.add_worksheet("按规则族 by family")
            data.write_row(0, 0, ["规则族 / family", "问题数 / findings"], bold)
            for r, (family, count) in enumerate(totals.items(), start=1):
                data.write_row(r, 0, [family, count])
            chart = book.add_chart({"type": "bar"})
            chart.add_series(
                {
                    "name": "问题数 / findings",
                    "categories": ["按规则族 by family", 1, 0, len(totals), 0],
                    "values": ["按规则族 by family", 1, 1, len(totals), 1],
                }
            )
            chart.set_title({"name": "各规则族问题数 / findings by family"})
            data.insert_chart(1, 3, chart)


def _report_name(index: int, outcome: Outcome) -> str:
    return f"{index:04d}-{Path(outcome.file).stem}.html"


_SORT_SCRIPT = """
document.querySelectorAll('th').forEach(function (th, col) {
  th.addEventListener('click', function () {
    var body = th.closest('table').tBodies[0];
    var asc = th.dataset.sort !== 'asc';
    th.parentNode.querySelectorAll('th').forEach(function (h) { delete h.dataset.sort; });
    th.dataset.sort = asc ? 'asc' : 'desc';
    Array.from(body.rows).sort(function (a, b) {
      var x = a.cells[col].dataset.v || a.cells[col].textContent;
      var y = b.cells[col].dataset.v || b.cells[col].textContent;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, 'zh');
      return asc ? c : -c;
    }).forEach(function (r) { body.appendChild(r); });
  });
});
"""

_STYLE = """
body{font-family:"Noto Sans CJK SC",sans-serif;margin:1.5em}
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:3px 6px}
th{background:#eee;cursor:pointer}
th[data-sort=asc]::after{content:" ▲"}th[data-sort=desc]::after{content:" ▼"}
td.n{text-align:right}.bar{background:#c0392b;height:0.9em;display:inline-block}
"""


def _html(path: Path, rows: list[dict[str, Any]], outcomes: list[Outcome]) -> None:
    reports = path.parent / f"{path.stem}-reports"
    names = columns()
    body: list[str] = []
    for index, (row, outcome) in enumerate(zip(rows, outcomes, strict=True), start=1):
        cells = []
        for name in names:
            value = row[name]
            text = html.escape(str(value))
            if name == "file" and outcome.html:
                reports.mkdir(exist_ok=True)
                target = reports / _report_name(index, outcome)
                target.write_text(outcome.html, encoding="utf-8")
                href = html.escape(f"{reports.name}/{target.name}")
                text = f'<a href="{href}">{text}</a>'
            elif name == "status" and row.get("error"):
                text = f'<span title="{html.escape(row["error"])}">{text}</span>'
            numeric = isinstance(value, int)
            cells.append(f'<td class="n">{text}</td>' if numeric else f"<td>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    totals = family_totals(rows)
    top = max(totals.values(), default=1)
    chart = "".join(
        f"<tr><td>{html.escape(f)}</td><td class='n'>{n}</td>"
        f"<td><span class='bar' style='width:{300 * n // top}px'></span></td></tr>"
        for f, n in totals.items()
    )
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>审核汇总 / check summary</title>
<style>{_STYLE}</style></head><body>
<h1>审核汇总 / check summary</h1>
<p>{len(rows)} 份文件 / documents · 点击表头排序 / click a header to sort</p>
<table id="summary"><thead><tr>{"".join(f"<th>{html.escape(header(n))}</th>" for n in names)}</tr></thead>
<tbody>
{chr(10).join(body)}
</tbody></table>
<h2>各规则族问题数 / findings by family</h2>
<table>{chart}</table>
<script>{_SORT_SCRIPT}</script>
</body></html>
"""
    path.write_text(page, encoding="utf-8")
