"""Budget -> the rows of the authoring input, and those rows -> budget.yaml (or its empty template).

The rows are what a user would type: amounts in the budget's entry unit (万元 or 元) written
exactly, choices by their Chinese labels, codes as text. The workbook writer fills its sheets
from the same rows, so the YAML and the workbook of one budget say the same thing.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from yusuan.model import Unit
from yusuan.model.budget import Budget
from yusuan.read.budget import layout as L
from yusuan.reference.profiles import load_profile

Rows = dict[str, list[dict[str, str]]]


def money_text(yuan: Decimal, unit: Unit) -> str:
    """An amount in ``unit``, exact, with at least two decimal places ("75.384", "4.90")."""
    value = yuan / unit.factor
    places = max(2, -int(value.normalize().as_tuple().exponent))
    return f"{value:.{places}f}"


def _label(spec: L.Field, value: str) -> str:
    return next((label for label, v in spec.choices if v == value), value)


def budget_rows(budget: Budget) -> Rows:
    """Every sheet of the layout as rows of text, keyed by field."""
    unit = budget.entry_unit
    rows: Rows = {}
    rows["facts"] = [
        {
            "unit": budget.unit,
            "year": str(budget.year),
            "unit_type": budget.unit_type.value,
            "currency_unit": unit.value,
            "department": budget.department,
            "profile": budget.profile,
            "structure_note": budget.structure_note,
        }
    ]
    rows["duties"] = [{"duty": duty} for duty in budget.duties]
    rows["divisions"] = [
        {"name": d.name, "duty": duty} for d in budget.divisions for duty in (d.duties or ("",))
    ]
    rows["prior_year"] = [{k: money_text(v, unit) for k, v in budget.prior_year_totals.items()}]
    rows["reasons"] = [dict(budget.reasons)]
    items = L.ITEMS
    rows["items"] = [
        {
            "funding": _label(items.field("funding"), i.funding.value),
            "functional": i.functional.digits,
            "nature": _label(items.field("nature"), i.nature.value),
            "economic": i.economic.digits,
            "project": i.project or "",
            "carryover": "是" if i.carryover else "",
            "amount": money_text(i.amount_yuan, unit),
        }
        for i in budget.items
    ]
    rows["code_names"] = [
        {"kind": kind, "code": code, "name": name}
        for kind, names in (("功能分类", budget.functional_names), ("经济分类", budget.economic_names))
        for code, name in sorted(names.items())
    ]
    targets = {t.project: t for t in budget.performance_targets}
    rows["projects"] = []
    rows["indicators"] = []
    for p in budget.projects:
        target = targets.get(p.name)
        goals = target.goals if target else {}
        rows["projects"].append(
            {
                "name": p.name,
                "category": p.category,
                "kind": p.kind,
                "period": p.period,
                "department": p.department,
                "implementing_unit": p.implementing_unit,
                "period_total": money_text(p.period_total_yuan, unit)
                if p.period_total_yuan is not None
                else "",
                "overview": p.overview,
                "basis": p.basis,
                "necessity": p.necessity,
                "measures": p.measures,
                "plan": p.plan,
                "goal_implementation": goals.get("implementation", ""),
                "goal_annual": goals.get("annual", ""),
            }
        )
        for ind in target.indicators if target else []:
            rows["indicators"].append(
                {
                    "project": p.name,
                    "period": _label(L.INDICATORS.field("period"), ind.period),
                    "level1": ind.level1,
                    "level2": ind.level2,
                    "level3": ind.level3,
                    "value": ind.value,
                }
            )
    rows["procurement"] = [
        {
            "name": x.name,
            "category": _label(L.PROCUREMENT.field("category"), x.category.value),
            "amount": money_text(x.amount_yuan, unit),
            "project": x.project or "",
            "catalogue_code": x.catalogue_code,
        }
        for x in budget.procurement
    ]
    rows["assets"] = [_asset_row(budget)]
    rows["notes"] = [{"title": t, "text": body} for t, body in budget.notes.items()]
    return rows


def _asset_row(budget: Budget) -> dict[str, str]:
    a = budget.assets
    if a is None:
        return {}
    row = {"as_of": a.as_of, "note": a.note}
    for key, kind in L.VEHICLE_KINDS:
        if kind in a.vehicles:
            row[key] = str(a.vehicles[kind])
    if a.office_area_m2 is not None:
        row["office_area_m2"] = str(a.office_area_m2)
    if a.equipment_over_500k is not None:
        row["equipment_over_500k"] = str(a.equipment_over_500k)
    if a.equipment_over_1m is not None:
        row["equipment_over_1m"] = str(a.equipment_over_1m)
    return row


# ---- YAML ------------------------------------------------------------------------------------------


class _Number(str):
    """Text of a number, written as a plain YAML scalar (no quotes) and read back exactly."""


class _Flow(dict[str, Any]):
    """A mapping written on one line: a line item, a code name."""


class _Dumper(yaml.SafeDumper):
    pass


def _represent_number(dumper: yaml.SafeDumper, data: _Number) -> yaml.ScalarNode:
    tag = dumper.resolve(yaml.ScalarNode, str(data), (True, False))  # type: ignore[no-untyped-call]
    return dumper.represent_scalar(tag, str(data))


def _represent_flow(dumper: yaml.SafeDumper, data: _Flow) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)


_Dumper.add_representer(_Number, _represent_number)
_Dumper.add_representer(_Flow, _represent_flow)

_NUMERIC = (L.FieldKind.MONEY, L.FieldKind.INT, L.FieldKind.DECIMAL)


def _typed(sheet: L.SheetSpec, row: dict[str, str]) -> dict[str, Any]:
    """Drop blanks; numbers as plain scalars, everything else as text."""
    kinds = {f.key: f.kind for f in sheet.fields}
    return {k: (_Number(v) if kinds.get(k) in _NUMERIC else v) for k, v in row.items() if v != ""}


def budget_to_yaml(budget: Budget) -> str:
    rows = budget_rows(budget)
    doc: dict[str, Any] = {}
    for sheet in L.SHEETS:
        if sheet.form is L.SheetForm.PAIRS:
            doc[sheet.key] = _typed(sheet, rows[sheet.key][0]) if rows[sheet.key] else {}
    doc["duties"] = [r["duty"] for r in rows["duties"]]
    doc["divisions"] = [
        {"name": d.name, "duties": list(d.duties)} if d.duties else {"name": d.name} for d in budget.divisions
    ]
    doc["items"] = [_Flow(_typed(L.ITEMS, r)) for r in rows["items"]]
    doc["code_names"] = [_Flow(r) for r in rows["code_names"]]
    doc["projects"] = []
    for row in rows["projects"]:
        project = _typed(L.PROJECTS, row)
        indicators = [
            _Flow({k: v for k, v in r.items() if k != "project"})
            for r in rows["indicators"]
            if r["project"] == row["name"]
        ]
        if indicators:
            project["indicators"] = indicators
        doc["projects"].append(project)
    doc["procurement"] = [_Flow(_typed(L.PROCUREMENT, r)) for r in rows["procurement"]]
    doc["notes"] = [_Flow(r) for r in rows["notes"]]
    order = [s.key for s in L.SHEETS if s.key != "indicators"]
    ordered = {k: doc[k] for k in order if doc.get(k) not in (None, {}, [])}
    header = f"# {budget.unit} {budget.year}年预算 — yusuan 预算录入（YAML）/ budget input\n"
    return header + yaml.dump(ordered, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def yaml_template(profile_id: str) -> str:
    """The empty budget.yaml: every key, what it holds and an example, in comments."""
    profile = load_profile(profile_id)
    out = [
        "# yusuan 预算录入（YAML）/ budget input — 填写后运行 yusuan 编制公开文件",
        "# 说明见 docs/budget-input.md。金额单位由 facts.currency_unit 决定（元最多2位小数，万元最多6位）。",
        "# Keys are English; values may be Chinese labels (一般公共预算) or English values (general_budget).",
        "# 不接受 YAML 锚点/别名与自定义标签 / anchors, aliases and custom tags are refused.",
        "",
    ]
    prefill = {"currency_unit": profile.currency_unit.value, "profile": profile.id}
    for sheet in L.SHEETS:
        if sheet.key == "indicators":
            continue
        out.append(f"# {sheet.name} / {sheet.en}: {sheet.help}")
        if sheet.form is L.SheetForm.PAIRS:
            out.append(f"{sheet.key}:")
            for f in sheet.fields:
                value = prefill.get(f.key, "") if sheet is L.FACTS else ""
                out.append(f"  {f.key}: {value}".rstrip() + f"  # {_describe(f)}")
        elif sheet is L.DUTIES:
            out += [f"{sheet.key}: []", f"#  - {L.DUTIES.fields[0].example}"]
        elif sheet is L.DIVISIONS:
            out += [
                f"{sheet.key}: []",
                "#  - name: 办公室",
                "#    duties: [负责预决算编制及执行工作, 负责财务档案管理工作]",
            ]
        else:
            out.append(f"{sheet.key}: []")
            out.append(f"#  - {_example(sheet)}")
            if sheet is L.PROJECTS:
                out.append("#    indicators:")
                out.append(f"#      - {_example(L.INDICATORS, skip=('project',))}")
        out.append("")
    return "\n".join(out)


def _describe(f: L.Field) -> str:
    parts = [f.zh + ("（必填）" if f.required else "")]
    if f.choices:
        parts.append("可选：" + "、".join(label for label, _ in f.choices))
    if f.help:
        parts.append(f.help)
    if f.example:
        parts.append(f"例：{f.example}")
    return "；".join(parts)


def _example(sheet: L.SheetSpec, skip: tuple[str, ...] = ()) -> str:
    pairs = []
    for f in sheet.fields:
        if f.key in skip:
            continue
        example = f.example or (f.choices[0][0] if f.kind is L.FieldKind.CHOICE else "")
        if example:
            pairs.append(f"{f.key}: {example}")
    return "{" + ", ".join(pairs) + "}"


def write_budget_yaml(budget: Budget, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(budget_to_yaml(budget), encoding="utf-8")
    return path
