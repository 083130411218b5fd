"""Budget -> Disclosure: every table of the profile from the line items, in the profile's order."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from yusuan.derive import coded, named, side_by_side
from yusuan.derive.cells import amount
from yusuan.derive.context import Context
from yusuan.derive.errors import DeriveError
from yusuan.derive.names import CodeNames
from yusuan.model import Disclosure, DocumentFacts, Kind, ProcurementStatement, Scope, Table
from yusuan.model.budget import Budget
from yusuan.reference.paths import ReferenceError
from yusuan.reference.profiles import load_profile
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

PROCUREMENT_KINDS = ("goods", "works", "services")


def context_for(budget: Budget, names: CodeNames, profile_id: str) -> Context:
    try:
        return Context(budget, names, load_profile(profile_id), load_template_form(profile_id))
    except ReferenceError as exc:
        raise DeriveError(str(exc)) from exc


def derive_tables(ctx: Context) -> dict[str, Table]:
    """Every table of the profile that derive knows, in the profile's order."""
    unknown = [spec.id for spec in ctx.profile.tables if spec.id not in DERIVERS]
    if unknown:
        raise DeriveError(f"模板中的表无法生成 / cannot derive tables of the profile: {', '.join(unknown)}")
    return {spec.id: DERIVERS[spec.id](ctx) for spec in ctx.profile.tables}


def procurement(ctx: Context) -> ProcurementStatement:
    """政府采购预算: the total and its split into 货物/工程/服务, in the profile's currency unit."""
    given = ctx.budget.procurement_yuan
    wrong = sorted(set(given) - set(PROCUREMENT_KINDS))
    if wrong:
        raise DeriveError(
            "政府采购类别应为 货物/工程/服务 / procurement kinds are goods, works, services: "
            + ", ".join(wrong)
        )
    unit = ctx.profile.currency_unit
    parts = {kind: amount(given.get(kind, Decimal(0)), unit) for kind in PROCUREMENT_KINDS}
    total = amount(sum((given.get(k, Decimal(0)) for k in PROCUREMENT_KINDS), Decimal(0)), unit)
    return ProcurementStatement(
        total=total, goods=parts["goods"], works=parts["works"], services=parts["services"]
    )


def derive_disclosure(budget: Budget, names: CodeNames, profile_id: str = "shanxi") -> Disclosure:
    """The unit's budget disclosure: facts, tables, procurement, the user's texts and sheets."""
    ctx = context_for(budget, names, profile_id)
    facts = DocumentFacts(
        unit=budget.unit,
        year=budget.year,
        kind=Kind.BUDGET,
        scope=Scope.UNIT,
        profile=ctx.profile.id,
        currency_unit=ctx.profile.currency_unit,
        title=ctx.form.document_title.format(unit=budget.unit, year=budget.year),
    )
    return Disclosure(
        facts=facts,
        tables=derive_tables(ctx),
        sections=list(budget.sections),
        performance_targets=list(budget.performance_targets),
        procurement=procurement(ctx),
        glossary=list(budget.glossary),
    )
