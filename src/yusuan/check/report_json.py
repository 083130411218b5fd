"""The JSON contract of a check report (docs/check-json-contract.md).

``{"document": {...}, "findings": [...], "not_evaluated": [...], "not_applicable": [...], "summary": {...}}``;
plain strings and numbers only, amounts as decimal strings.
"""

from __future__ import annotations

from typing import Any

from yusuan.check.engine import Report
from yusuan.model import Finding, Location, Severity
from yusuan.model.serialize import facts_to_json

REPORT_SCHEMA_VERSION = "1.0"


def location_to_json(location: Location) -> dict[str, Any]:
    return {
        "table": location.table,
        "row": location.row,
        "column": location.column,
        "section": location.section,
        "sentence": location.sentence,
        "page": location.page,
        "line": location.line,
    }


def finding_to_json(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "message_en": finding.message_en,
        "location": location_to_json(finding.location),
        "locations": [location_to_json(loc) for loc in finding.locations],
        "evidence": {
            "expected": finding.evidence.expected,
            "actual": finding.evidence.actual,
            "difference": finding.evidence.difference,
            "tolerance": finding.evidence.tolerance,
        },
        "hint": finding.hint,
    }


def report_to_json(report: Report) -> dict[str, Any]:
    return {
        "schema_version": REPORT_SCHEMA_VERSION,
        "document": {"file": report.disclosure.source_file, **facts_to_json(report.disclosure.facts)},
        "findings": [finding_to_json(f) for f in report.findings],
        "not_evaluated": [{"rule": n.rule, "reason": n.reason} for n in report.not_evaluated],
        "not_applicable": [{"rule": n.rule, "reason": n.reason} for n in report.not_applicable],
        "rules_run": list(report.rules_run),
        "summary": {
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "info": report.count(Severity.INFO),
            "not_evaluated": len(report.not_evaluated),
            "not_applicable": len(report.not_applicable),
        },
    }
