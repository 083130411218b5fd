"""Budget -> Disclosure: every table of the profile from the line items, in the profile's order."""

from __future__ import annotations

from collections.abc import Callable

from yusuan.derive import coded, named, narrative, side_by_side, statements
from yusuan.derive.context import Context
from yusuan.derive.errors import DeriveError
from yusuan.derive.names import CodeNames
from yusuan.derive.sentences import Writer
from yusuan.model import (
    AssetStatement,
    Disclosure,
    DocumentFacts,
    GlossaryEntry,
    Kind,
    ProcurementStatement,
    Scope,
    Section,
    Table,
)
from yusuan.model.budget import Budget
from yusuan.reference.authoring import load_authoring
from yusuan.reference.narrative import load_narrative
from yusuan.reference.paths import ReferenceError
from yusuan.reference.profiles import load_profile
from yusuan.reference.roles import tag_roles
from yusuan.reference.templates import load_template_form

TableDeriver = Callable[[Context], Table]

DERIVERS: dict[str, TableDeriver] = {
    "overview": side_by_side.overview,
    "income": coded.income,
    "expenditure": coded.expenditure,
    "fiscal_overview": side_by_side.fiscal_overview,
    "general_expenditure": coded.general_expenditure,
    "general_basic_economic": named.general_basic_economic,
    "fund_income": coded.fund_income,
    "fund_expenditure": coded.fund_expenditure,
    "capital_budget": coded.capital_budget,
    "three_public": named.three_public,
    "admin_running": named.admin_running,
    "projects": named.projects,
    "projects_carryover": named.projects_carryover,
}

NarrativeWriter = Callable[[Context, Writer], str]

# 情况说明 sections by the profile's section id; 九 and 十一 come from their statements
NARRATIVE: dict[str, NarrativeWriter] = {
    "changes": narrative.changes,
    "income": narrative.income,
    "expenditure": narrative.expenditure,
    "fiscal": narrative.fiscal,
    "general_expenditure": narrative.general_expenditure,
    "general_basic": narrative.general_basic,
    "three_public": narrative.three_public,
    "admin_running": narrative.admin_running,
    "performance": statements.performance,
    "other": statements.other,
}


def context_for(budget: Budget, names: CodeNames, profile_id: str) -> Context:
    try:
        return Context(budget, names, load_profile(profile_id), load_template_form(profile_id))
    except ReferenceError as exc:
        raise DeriveError(str(exc)) from exc


def writer_for(ctx: Context) -> Writer:
    try:
        return Writer(load_narrative(ctx.profile.id), load_authoring(ctx.profile.id), ctx.budget.reasons)
    except ReferenceError as exc:
        raise DeriveError(str(exc)) from exc


def derive_tables(ctx: Context) -> dict[str, Table]:
    """Every table of the profile that derive knows, in the profile's order."""
    unknown = [spec.id for spec in ctx.profile.tables if spec.id not in DERIVERS]
    if unknown:
        raise DeriveError(f"模板中的表无法生成 / cannot derive tables of the profile: {', '.join(unknown)}")
    return {spec.id: DERIVERS[spec.id](ctx) for spec in ctx.profile.tables}


def _check_procurement_kinds(budget: Budget) -> None:
    wrong = sorted(set(budget.procurement_yuan) - set(statements.PROCUREMENT_KINDS))
    if wrong:
        raise DeriveError(
            "政府采购类别应为 货物/工程/服务 / procurement kinds are goods, works, services: "
            + ", ".join(wrong)
        )


def _derived(w: Writer) -> set[str]:
    """The sections derive writes: those the authoring data lists (all it can, by default);
    the others are the unit's own texts, whose figures the checker ties to the tables."""
    listed = w.texts.raw.get("derived_sections")
    return set(NARRATIVE) if listed is None else {str(x) for x in listed} & set(NARRATIVE)


def derive_sections(
    ctx: Context, w: Writer, procurement: ProcurementStatement, assets: AssetStatement
) -> list[Section]:
    """Every section the profile lists, in its order: 概况 from the user's texts, 情况说明 derived."""
    derived = _derived(w)
    given = statements.overview_sections(ctx)
    given.update({s.id: s.text for s in ctx.budget.sections if s.id not in derived and s.id not in given})
    sections = []
    for spec in ctx.profile.sections:
        if spec.id in derived:
            text = NARRATIVE[spec.id](ctx, w)
        elif spec.id == "procurement":
            text = procurement.text
        elif spec.id == "assets":
            text = assets.text
        elif spec.id in given:
            text = given[spec.id]
        elif spec.id == "glossary":  # a template that prints its 名词解释 as a section of text
            item = w.texts.raw.get("glossary_item", "{term}：{definition}")
            text = "\n".join(
                item.format(ordinal=ctx.form.ordinal(i), term=g.term, definition=g.definition)
                for i, g in enumerate(glossary(ctx, w))
            )
        elif spec.title in ctx.budget.notes:  # a section the unit writes, entered as a note of its title
            text = ctx.budget.notes[spec.title]
        else:
            continue  # a 概况 text the user did not write: the checker names it (C102)
        sections.append(Section(id=spec.id, title=spec.title, text=text, part=spec.part))
    return sections


def glossary(ctx: Context, w: Writer) -> list[GlossaryEntry]:
    """The budget's own entries first, then the profile's glossary for every other term."""
    own = list(ctx.budget.glossary)
    given = {g.term for g in own}
    return own + [g for g in w.texts.glossary if g.term not in given]


def derive_disclosure(budget: Budget, names: CodeNames, profile_id: str = "shanxi") -> Disclosure:
    """The unit's complete budget disclosure: facts, tables, narrative, sheets, statements, glossary."""
    ctx = context_for(budget, names, profile_id)
    _check_procurement_kinds(budget)
    w = writer_for(ctx)
    facts = DocumentFacts(
        unit=budget.unit,
        year=budget.year,
        kind=Kind.BUDGET,
        scope=Scope(ctx.profile.scope or Scope.UNIT.value),
        profile=ctx.profile.id,
        currency_unit=ctx.profile.currency_unit,
        title=ctx.form.document_title.format(unit=budget.unit, year=budget.year),
    )
    tables = derive_tables(ctx)
    tag_roles(tables.values(), ctx.profile, budget.unit)
    procurement = statements.procurement(ctx, w)
    assets = statements.assets(ctx, w)
    return Disclosure(
        facts=facts,
        tables=tables,
        sections=derive_sections(ctx, w, procurement, assets),
        performance_targets=list(budget.performance_targets),
        procurement=procurement,
        assets=assets,
        glossary=glossary(ctx, w),
    )
