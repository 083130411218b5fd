"""The compiler-like text of a check report: ``file:line: severity ID message``, by family."""

from __future__ import annotations

from yusuan.check.engine import FAMILIES, Report, all_rules
from yusuan.model import Finding, Severity

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_WORD = {Severity.ERROR: "错误 error", Severity.WARNING: "警告 warning", Severity.INFO: "提示 info"}


def _line(file: str, finding: Finding) -> str:
    loc = finding.location
    where = file
    if loc.page is not None:
        where += f":p{loc.page}"
    if loc.line is not None:
        where += f":{loc.line}"
    place = "/".join(p for p in (loc.table, loc.row, loc.column, loc.section) if p)
    text = f"{where}: {finding.severity.value} {finding.rule} {finding.message}"
    if place:
        text += f"  [{place}]"
    return text


def report_text(report: Report, file: str | None = None, show_info: bool = False) -> str:
    """The report as a person reads it in a terminal."""
    name = file or report.disclosure.source_file or "-"
    family_of = {r.id: r.family for r in all_rules()}
    out: list[str] = []
    shown = [f for f in report.findings if show_info or f.severity is not Severity.INFO]
    for family, (_letter, zh, en) in FAMILIES.items():
        items = sorted(
            (f for f in shown if family_of.get(f.rule) == family),
            key=lambda f: (_ORDER[f.severity], f.rule, f.location.line or 0),
        )
        if not items:
            continue
        out.append(f"── {zh} / {en} ──")
        for finding in items:
            out.append(_line(name, finding))
            evidence = finding.evidence
            if evidence.expected or evidence.actual:
                parts = [
                    f"应为 expected {evidence.expected}" if evidence.expected else "",
                    f"实为 actual {evidence.actual}" if evidence.actual else "",
                    f"容差 tolerance {evidence.tolerance}" if evidence.tolerance else "",
                ]
                out.append("    " + "；".join(p for p in parts if p))
            if finding.hint:
                out.append(f"    提示 hint: {finding.hint}")
        out.append("")
    if report.not_evaluated:
        out.append("── 未能评估 / not evaluated ──")
        out.extend(f"{name}: {n.rule} {n.reason}" for n in report.not_evaluated)
        out.append("")
    errors, warnings, infos = (report.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    hidden = "" if show_info else "（提示未显示，用 --info 显示 / info hidden, use --info）"
    out.append(
        f"{name}: {errors} 个错误 errors, {warnings} 个警告 warnings, {infos} 个提示 info{hidden}；"
        f"{len(report.rules_run)} 条规则 rules run, {len(report.not_evaluated)} 项未能评估 not evaluated, "
        f"{len(report.not_applicable)} 条不适用 not applicable"
    )
    return "\n".join(out) + "\n"
