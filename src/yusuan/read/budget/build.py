"""Records (from the workbook or the YAML) -> Budget, naming every bad entry at its place.

Both formats produce the same records (see layout.py), so the rules live here once: the unit's
facts, line items that are complete and unique, projects that the line items, indicators and
purchases refer to by name, and money read exactly in the unit the input declares.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from yusuan.model import Amount, Code, CodeKind, Indicator, PerformanceTarget, Section, Unit
from yusuan.model.budget import (
    AssetFacts,
    Budget,
    Division,
    Funding,
    LineItem,
    Nature,
    ProcurementCategory,
    ProcurementItem,
    Project,
    UnitType,
)
from yusuan.read.budget import layout as L
from yusuan.read.budget import values as V
from yusuan.read.budget.values import Problems, Record
from yusuan.reference.profiles import profile_ids

Records = Mapping[str, list[Record]]


def build_budget(path: str, records: Records, problems: Problems) -> Budget:
    """The Budget the records describe; InputError listing every problem (with those found before)."""
    facts = _one(records, L.FACTS)
    unit_name = V.required_text(facts.get("unit"), L.FACTS.field("unit"), problems)
    year = V.count(facts.get("year"), L.FACTS.field("year"), problems, 1990, 2100)
    unit_type = V.choice(facts.get("unit_type"), L.FACTS.field("unit_type"), problems)
    currency = V.choice(facts.get("currency_unit"), L.FACTS.field("currency_unit"), problems)
    profile = V.text(facts.get("profile")) or "shanxi"
    if profile not in profile_ids():
        known = ", ".join(profile_ids())
        problems.add(
            facts.get("profile").where, f"没有地区模板 {profile}（已有：{known}）", f"no profile {profile}"
        )
    if not currency:
        # without the unit no amount can be read; say so once instead of once per amount
        problems.raise_if_any(path)
    unit = Unit.parse(currency)

    budget = Budget(
        unit=unit_name,
        year=year or 0,
        unit_type=UnitType(unit_type) if unit_type else UnitType.PUBLIC_INSTITUTION,
        department=V.text(facts.get("department")),
        profile=profile,
        entry_unit=unit,
        structure_note=V.text(facts.get("structure_note")),
    )
    budget.duties = [V.text(r.get("duty")) for r in records.get("duties", []) if V.text(r.get("duty"))]
    budget.divisions = _divisions(records.get("divisions", []), problems)
    budget.prior_year_totals = _pairs_money(_one(records, L.PRIOR_YEAR), L.PRIOR_YEAR, unit, problems)
    budget.reasons = {
        key: V.text(entry) for key, entry in _one(records, L.REASONS).entries.items() if V.text(entry)
    }
    project_places: dict[str, str] = {}
    budget.projects = _projects(records.get("projects", []), unit, problems, project_places)
    known_projects = set(project_places)
    budget.items = _items(records.get("items", []), unit, known_projects, problems)
    _code_names(budget, records.get("code_names", []), problems)
    funded = {item.project for item in budget.items}
    for name, where in project_places.items():
        if name not in funded:
            problems.add(
                where, f"项目“{name}”没有预算明细：本年无此项目的资金", f"project {name!r} has no line items"
            )
    budget.performance_targets = _targets(budget, records, problems)
    budget.procurement = _procurement(records.get("procurement", []), unit, known_projects, problems)
    if budget.procurement:
        budget.procurement_yuan = {
            c.value: sum((p.amount_yuan for p in budget.procurement if p.category is c), Decimal("0.00"))
            for c in ProcurementCategory
        }
    budget.assets = _assets(_one(records, L.ASSETS), problems)
    budget.notes = _notes(records.get("notes", []), problems)
    budget.sections = _sections(budget)
    problems.raise_if_any(path)
    return budget


def _one(records: Records, sheet: L.SheetSpec) -> Record:
    found = records.get(sheet.key, [])
    return found[0] if found else Record(sheet.name)


def _pairs_money(record: Record, sheet: L.SheetSpec, unit: Unit, problems: Problems) -> dict[str, Decimal]:
    result: dict[str, Decimal] = {}
    for key, entry in record.entries.items():
        amount = V.money(entry, unit, sheet.field(key), problems)
        if amount is not None:
            result[key] = amount
    return result


def _divisions(records: list[Record], problems: Problems) -> list[Division]:
    order: list[str] = []
    duties: dict[str, list[str]] = {}
    current = ""
    for record in records:
        name = (
            V.text(record.get("name")) or current
        )  # a blank name continues the division above (merged cells)
        if not name:
            problems.add(record.get("name").where, "缺少机构名称", "division name is required")
            continue
        if name not in duties:
            order.append(name)
            duties[name] = []
        current = name
        duty = V.text(record.get("duty"))
        if duty:
            duties[name].append(duty)
    return [Division(name, tuple(duties[name])) for name in order]


def _projects(records: list[Record], unit: Unit, problems: Problems, seen: dict[str, str]) -> list[Project]:
    """The projects, in order; ``seen`` receives each name with the place it is given."""
    spec = L.PROJECTS
    projects: list[Project] = []
    for record in records:
        name = V.required_text(record.get("name"), spec.field("name"), problems)
        if not name:
            continue
        if name in seen:
            problems.add(
                record.get("name").where,
                f"项目“{name}”重复（首见于 {seen[name]}）",
                f"project {name!r} repeated",
            )
            continue
        seen[name] = record.get("name").where
        t = {f.key: V.text(record.get(f.key)) for f in spec.fields if f.kind is L.FieldKind.TEXT}
        projects.append(
            Project(
                name=name,
                category=t["category"],
                kind=t["kind"],
                period=t["period"],
                department=t["department"],
                implementing_unit=t["implementing_unit"],
                period_total_yuan=V.money(
                    record.get("period_total"), unit, spec.field("period_total"), problems
                ),
                overview=t["overview"],
                basis=t["basis"],
                necessity=t["necessity"],
                measures=t["measures"],
                plan=t["plan"],
            )
        )
    return projects


def _items(records: list[Record], unit: Unit, projects: set[str], problems: Problems) -> list[LineItem]:
    spec = L.ITEMS
    items: list[LineItem] = []
    seen: dict[tuple[object, ...], str] = {}
    for record in records:
        funding = V.choice(record.get("funding"), spec.field("funding"), problems)
        functional = V.code(record.get("functional"), (7,), spec.field("functional"), problems)
        nature = V.choice(record.get("nature"), spec.field("nature"), problems)
        economic = V.code(record.get("economic"), (5,), spec.field("economic"), problems)
        project = V.text(record.get("project")) or None
        carryover = V.flag(record.get("carryover"), spec.field("carryover"), problems)
        amount = V.money(record.get("amount"), unit, spec.field("amount"), problems)
        where = record.get("project").where
        if nature == Nature.PROJECT.value and project is None:
            problems.add(where, "项目支出必须写明项目名称", "a project item must name its project")
            continue
        if nature == Nature.BASIC.value and project is not None:
            problems.add(where, f"基本支出不写项目名称（写了“{project}”）", "a basic item names no project")
            continue
        if project is not None and project not in projects:
            problems.add(
                where, f"项目“{project}”不在“项目”表中", f"project {project!r} is not in the projects sheet"
            )
            continue
        if not (funding and functional and nature and economic) or amount is None:
            continue
        key = (funding, functional, nature, economic, project, carryover)
        if key in seen:
            problems.add(
                record.where, f"与 {seen[key]} 重复（同一来源、科目、项目）", f"same crossing as {seen[key]}"
            )
            continue
        seen[key] = record.where
        items.append(
            LineItem(
                funding=Funding(funding),
                functional=Code(functional, CodeKind.FUNCTIONAL),
                nature=Nature(nature),
                economic=Code(economic, CodeKind.ECONOMIC),
                amount_yuan=amount,
                project=project,
                carryover=carryover,
            )
        )
    if not records:
        problems.add(f"{L.ITEMS.name} / {L.ITEMS.key}", "没有预算明细", "there are no budget line items")
    return items


def _code_names(budget: Budget, records: list[Record], problems: Problems) -> None:
    spec = L.CODE_NAMES
    for record in records:
        kind = V.choice(record.get("kind"), spec.field("kind"), problems)
        lengths = (3, 5, 7) if kind != "economic" else (3, 5)
        digits = V.code(record.get("code"), lengths, spec.field("code"), problems)
        name = V.required_text(record.get("name"), spec.field("name"), problems)
        if not (kind and digits and name):
            continue
        names = budget.functional_names if kind == "functional" else budget.economic_names
        if names.get(digits, name) != name:
            problems.add(
                record.get("name").where, f"{digits} 已有名称“{names[digits]}”", f"{digits} named twice"
            )
            continue
        names[digits] = name


def _targets(budget: Budget, records: Records, problems: Problems) -> list[PerformanceTarget]:
    spec = L.INDICATORS
    by_project: dict[str, list[Indicator]] = {p.name: [] for p in budget.projects}
    for record in records.get("indicators", []):
        project = V.required_text(record.get("project"), spec.field("project"), problems)
        period = V.choice(record.get("period"), spec.field("period"), problems)
        levels = [
            V.required_text(record.get(k), spec.field(k), problems) for k in ("level1", "level2", "level3")
        ]
        value = V.required_text(record.get("value"), spec.field("value"), problems)
        if project and project not in by_project:
            problems.add(
                record.get("project").where, f"项目“{project}”不在“项目”表中", f"unknown project {project!r}"
            )
            continue
        if project and period and all(levels) and value:
            by_project[project].append(Indicator(period, levels[0], levels[1], levels[2], value))
    goals = {
        V.text(r.get("name")): {
            period: V.text(r.get(f"goal_{period}"))
            for period in ("implementation", "annual")
            if V.text(r.get(f"goal_{period}"))
        }
        for r in records.get("projects", [])
    }
    targets = []
    for entry in budget.projects:
        if not by_project[entry.name] and not goals.get(entry.name):
            continue
        annual = budget.project_yuan(entry.name)
        total = entry.period_total_yuan if entry.period_total_yuan is not None else annual
        targets.append(
            PerformanceTarget(
                project=entry.name,
                department=entry.department or budget.department,
                implementing_unit=entry.implementing_unit or budget.unit,
                amount_yuan=Amount(total, Unit.YUAN, 2),
                annual_amount_yuan=Amount(annual, Unit.YUAN, 2),
                project_kind=entry.kind,
                period=entry.period,
                goals=goals.get(entry.name, {}),
                indicators=by_project[entry.name],
            )
        )
    return targets


def _procurement(
    records: list[Record], unit: Unit, projects: set[str], problems: Problems
) -> list[ProcurementItem]:
    spec = L.PROCUREMENT
    result = []
    for record in records:
        name = V.required_text(record.get("name"), spec.field("name"), problems)
        category = V.choice(record.get("category"), spec.field("category"), problems)
        amount = V.money(record.get("amount"), unit, spec.field("amount"), problems)
        project = V.text(record.get("project")) or None
        if project is not None and project not in projects:
            problems.add(
                record.get("project").where, f"项目“{project}”不在“项目”表中", f"unknown project {project!r}"
            )
            continue
        if name and category and amount is not None:
            code = V.text(record.get("catalogue_code"))
            result.append(ProcurementItem(name, ProcurementCategory(category), amount, project, code))
    return result


def _assets(record: Record, problems: Problems) -> AssetFacts | None:
    if not any(not V.is_blank(e.value) for e in record.entries.values()):
        return None
    spec = L.ASSETS
    vehicles = {}
    for key, kind in L.VEHICLE_KINDS:
        number = V.count(record.get(key), spec.field(key), problems)
        if number is not None:
            vehicles[kind] = number
    return AssetFacts(
        as_of=V.text(record.get("as_of")),
        vehicles=vehicles,
        office_area_m2=V.quantity(record.get("office_area_m2"), spec.field("office_area_m2"), problems),
        equipment_over_500k=V.count(
            record.get("equipment_over_500k"), spec.field("equipment_over_500k"), problems
        ),
        equipment_over_1m=V.count(record.get("equipment_over_1m"), spec.field("equipment_over_1m"), problems),
        note=V.text(record.get("note")),
    )


def _notes(records: list[Record], problems: Problems) -> dict[str, str]:
    notes: dict[str, str] = {}
    for record in records:
        title = V.required_text(record.get("title"), L.NOTES.field("title"), problems)
        body = V.required_text(record.get("text"), L.NOTES.field("text"), problems)
        if title in notes:
            problems.add(record.get("title").where, f"“{title}”重复", f"note {title!r} repeated")
        elif title and body:
            notes[title] = body
    return notes


def _sections(budget: Budget) -> list[Section]:
    """The 概况 texts as the user wrote them: duties numbered, divisions with theirs."""
    sections = []
    if budget.duties:
        text = "\n".join(f"{i}、{duty}" for i, duty in enumerate(budget.duties, 1))
        sections.append(Section("duties", "本单位职责", text, part="概况"))
    if budget.structure_note or budget.divisions:
        lines = [budget.structure_note] if budget.structure_note else []
        for division in budget.divisions:
            lines.append(f"{division.name}职责：")
            lines.extend(f"{i}、{duty}" for i, duty in enumerate(division.duties, 1))
        sections.append(Section("structure", "机构设置情况", "\n".join(lines), part="概况"))
    return sections
