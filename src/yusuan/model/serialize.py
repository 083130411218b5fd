"""The JSON contract of a Disclosure (docs/json-contract.md; schema in yusuan/schema/).

Pure conversion to plain dicts/lists/strings; amounts become normalised decimal strings
("146.90"), never floats. Bump SCHEMA_VERSION on any incompatible change.
"""

from __future__ import annotations

from typing import Any

from yusuan.model.amount import Amount
from yusuan.model.disclosure import Disclosure, DocumentFacts
from yusuan.model.document import PerformanceTarget, Section
from yusuan.model.source import Source
from yusuan.model.table import Row, Table

SCHEMA_VERSION = "1.0"

Json = dict[str, Any]


def _source(source: Source | None) -> Json | None:
    return source.to_json() if source is not None else None


def _amount(amount: Amount | None) -> str | None:
    return amount.normalised() if amount is not None else None


def row_to_json(row: Row) -> Json:
    return {
        "code": row.code,
        "name": row.name,
        "side": row.side,
        "role": row.role,
        "cells": [cell.normalised for cell in row.cells],
        "labels": dict(row.labels),
        "source": _source(row.source),
    }


def table_to_json(table: Table) -> Json:
    return {
        "id": table.id,
        "title": table.title,
        "number": table.number,
        "unit": table.unit.value,
        "unit_name": table.unit_name,
        "unit_line": table.unit_line,
        "columns": [{"key": c.key, "label": c.label, "side": c.side} for c in table.columns],
        "rows": [row_to_json(row) for row in table.rows],
        "notes": list(table.notes),
        "source": _source(table.source),
    }


def section_to_json(section: Section) -> Json:
    return {
        "id": section.id,
        "title": section.title,
        "part": section.part,
        "text": section.text,
        "source": _source(section.source),
    }


def target_to_json(target: PerformanceTarget) -> Json:
    return {
        "project": target.project,
        "department": target.department,
        "implementing_unit": target.implementing_unit,
        "amount_yuan": _amount(target.amount_yuan),
        "annual_amount_yuan": _amount(target.annual_amount_yuan),
        "project_kind": target.project_kind,
        "period": target.period,
        "goals": dict(target.goals),
        "indicators": [
            {
                "period": i.period,
                "level1": i.level1,
                "level2": i.level2,
                "level3": i.level3,
                "value": i.value,
            }
            for i in target.indicators
        ],
        "unreadable": list(target.unreadable),
        "source": _source(target.source),
    }


def facts_to_json(facts: DocumentFacts) -> Json:
    """The document facts: unit, year, kind, scope, profile, currency unit, title; and how sure
    the template is when it was guessed (``profile_confidence``, only then)."""
    out: Json = {
        "unit": facts.unit,
        "year": facts.year,
        "kind": facts.kind.value,
        "scope": facts.scope.value,
        "profile": facts.profile,
        "currency_unit": facts.currency_unit.value,
        "title": facts.title,
    }
    if facts.profile_confidence is not None:
        out["profile_confidence"] = round(facts.profile_confidence, 2)
    return out


def disclosure_to_json(disclosure: Disclosure) -> Json:
    procurement = disclosure.procurement
    assets = disclosure.assets
    return {
        "schema_version": SCHEMA_VERSION,
        **facts_to_json(disclosure.facts),
        "source_file": disclosure.source_file,
        "tables": [table_to_json(t) for t in disclosure.tables.values()],
        "sections": [section_to_json(s) for s in disclosure.sections],
        "performance_targets": [target_to_json(t) for t in disclosure.performance_targets],
        "procurement": None
        if procurement is None
        else {
            "total": _amount(procurement.total),
            "goods": _amount(procurement.goods),
            "works": _amount(procurement.works),
            "services": _amount(procurement.services),
            "unit": (procurement.total.unit.value if procurement.total else None),
            "text": procurement.text,
            "source": _source(procurement.source),
        },
        "assets": None
        if assets is None
        else {
            "text": assets.text,
            "vehicles": dict(assets.vehicles),
            "figures": dict(assets.figures),
            "source": _source(assets.source),
        },
        "glossary": [{"term": g.term, "definition": g.definition} for g in disclosure.glossary],
        "attachments": [
            {"title": a.title, "source": _source(a.source), "end_line": a.end_line, "length": len(a.text)}
            for a in disclosure.attachments
        ],
        "contents": [
            {"text": c.text, "table": c.table, "section": c.section, "source": _source(c.source)}
            for c in disclosure.contents
        ],
        "problems": [
            {"kind": p.kind.value, "what": p.what, "text": p.text, "source": _source(p.source)}
            for p in disclosure.problems
        ],
    }
