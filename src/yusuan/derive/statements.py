"""情况说明 九 … 十二 and the 概况: procurement, performance, assets, other notes, duties.

The procurement and asset statements are built as structured records and as the section text
that states them (the text a reader of the published document reads them from).
"""

from __future__ import annotations

from decimal import Decimal

from yusuan.derive.cells import amount, total_yuan
from yusuan.derive.context import Context
from yusuan.derive.narrative import opening
from yusuan.derive.sentences import Writer
from yusuan.model import AssetStatement, ProcurementStatement
from yusuan.model.budget import Nature

PROCUREMENT_KINDS = ("goods", "works", "services")


def procurement_text(ctx: Context, w: Writer, statement: ProcurementStatement) -> str:
    values = {
        key: (getattr(statement, key).normalised() if getattr(statement, key) is not None else "0")
        for key in ("total", *PROCUREMENT_KINDS)
    }
    return w.texts.text("procurement", "text").format(
        year=ctx.budget.year, unit=ctx.budget.unit, currency=ctx.profile.currency_unit.value, **values
    )


def performance(ctx: Context, w: Writer) -> str:
    """十、绩效管理情况: the unit-wide target, then projects under targets and those published."""
    t = ("performance",)
    whole = total_yuan(ctx.items())
    lines = [
        w.texts.text(*t, "unit_wide_heading"),
        w.texts.text(*t, "unit_wide").format(year=ctx.budget.year)
        + w.amount(w.texts.text(*t, "unit_wide_label"), whole)
        + "。",
        w.texts.text(*t, "projects_heading"),
    ]
    items = ctx.items(carryover=False, nature=Nature.PROJECT)
    names = list(dict.fromkeys(i.project for i in items if i.project is not None))
    sums = {name: total_yuan(i for i in items if i.project == name) for name in names}
    if not names:
        lines.append(w.texts.text(*t, "none"))
        return "\n".join(lines)
    projects_yuan = sum(sums.values(), Decimal(0))
    label = w.texts.text(*t, "projects_label").format(year=ctx.budget.year, unit=ctx.budget.unit)
    sentence = w.count_amount(label, len(names), w.texts.text(*t, "projects_intro"), projects_yuan)
    category_of = {p.name: p.category for p in ctx.budget.projects}
    categories = list(w.texts.words(*t, "categories"))
    categories += [
        c for c in dict.fromkeys(category_of.get(n, "") for n in names) if c and c not in categories
    ]
    parts = []
    for category in categories:
        members = [n for n in names if category_of.get(n, "") == category]
        parts.append(
            w.count_amount(
                w.texts.text(*t, "category_label").format(category=category),
                len(members),
                w.texts.text(*t, "category_intro"),
                sum((sums[n] for n in members), Decimal(0)),
            )
        )
    lines.append(f"{sentence}。其中：{'；'.join(parts)}。")
    sheets = {s.project for s in ctx.budget.performance_targets}
    published = [n for n in names if n in sheets]
    published_yuan = sum((sums[n] for n in published), Decimal(0))
    statement = w.count_amount(
        w.texts.text(*t, "published_label"),
        len(published),
        w.texts.text(*t, "published_intro"),
        published_yuan,
    )
    if projects_yuan != 0:
        statement += "，" + w.coverage(w.texts.text(*t, "coverage_phrase"), published_yuan, projects_yuan)
    lines.append(statement + "。")
    if published:
        lines.append(w.texts.text(*t, "sheets_note"))
    return "\n".join(lines)


def assets(ctx: Context, w: Writer) -> AssetStatement:
    """十一、国有资产占有使用情况 as the unit states it: vehicles by kind, office space, equipment."""
    t = ("assets",)
    facts = ctx.budget.assets
    if facts is None:
        return AssetStatement(text=w.texts.text(*t, "none"))
    vehicles = dict(facts.vehicles)
    kinds = "、".join(
        w.texts.text(*t, "vehicle_kind").format(kind=kind, count=vehicles.get(kind, 0))
        for kind in w.texts.words(*t, "vehicle_kinds")
    )
    text = w.texts.text(*t, "vehicles").format(
        as_of=facts.as_of or f"{ctx.budget.year - 1}年12月31日",
        unit=ctx.budget.unit,
        quota=vehicles.get("编制", 0),
        actual=vehicles.get("实有", 0),
        kinds=kinds,
    )
    figures: dict[str, str] = {}
    if facts.office_area_m2 is not None:
        area = f"{facts.office_area_m2.normalize():f}"
        text += w.texts.text(*t, "office").format(area=area)
        figures["办公用房建筑总面积"] = f"{area}平方米"
    if facts.equipment_over_500k is not None or facts.equipment_over_1m is not None:
        text += w.texts.text(*t, "equipment").format(
            general=facts.equipment_over_500k or 0, special=facts.equipment_over_1m or 0
        )
    if facts.note:
        text += facts.note
    full = {"编制": vehicles.get("编制", 0), "实有": vehicles.get("实有", 0)}
    full.update({k: vehicles.get(k, 0) for k in w.texts.words(*t, "vehicle_kinds")})
    return AssetStatement(text=text, vehicles=full, figures=figures)


def other(ctx: Context, w: Writer) -> str:
    """十二、其他说明: the user's notes, numbered （一）（二）…"""
    if not ctx.budget.notes:
        return w.texts.text("other", "none")
    return "\n".join(
        w.texts.text("other", "item").format(ordinal=ctx.form.ordinal(i), title=title, text=text)
        for i, (title, text) in enumerate(ctx.budget.notes.items())
    )


def overview_sections(ctx: Context) -> dict[str, str]:
    """概况: 本单位职责 numbered; 机构设置 with each division's duties (the user's own words)."""
    budget = ctx.budget
    found = {s.id: s.text for s in budget.sections if s.part == "概况" or s.id in ("duties", "structure")}
    if budget.duties:
        found["duties"] = "\n".join(f"{i}、{duty}" for i, duty in enumerate(budget.duties, 1))
    if budget.structure_note or budget.divisions:
        lines = [budget.structure_note] if budget.structure_note else []
        for division in budget.divisions:
            lines.append(f"{division.name}职责：")
            lines.extend(f"{i}、{duty}" for i, duty in enumerate(division.duties, 1))
        found["structure"] = "\n".join(lines)
    return found


def procurement(ctx: Context, w: Writer) -> ProcurementStatement:
    """政府采购预算: the total and its split into 货物/工程/服务, in the profile's currency unit."""
    given = ctx.budget.procurement_yuan
    unit = ctx.profile.currency_unit
    parts = {kind: amount(given.get(kind, Decimal(0)), unit) for kind in PROCUREMENT_KINDS}
    total = amount(sum((given.get(k, Decimal(0)) for k in PROCUREMENT_KINDS), Decimal(0)), unit)
    statement = ProcurementStatement(
        total=total, goods=parts["goods"], works=parts["works"], services=parts["services"]
    )
    statement.text = procurement_text(ctx, w, statement)
    return statement


__all__ = ["assets", "opening", "other", "overview_sections", "performance", "procurement"]
