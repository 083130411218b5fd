"""Tables by named rows: 基本支出分经济科目表, "三公"经费表, 机关运行经费表, 项目支出表."""

from __future__ import annotations

from yusuan.derive.cells import ItemFilter, cells_for
from yusuan.derive.context import Context, by_funding
from yusuan.model import Row, Table
from yusuan.model.budget import Funding, LineItem, Nature


def _fiscal_columns(ctx: Context, table_id: str) -> list[tuple[str, ItemFilter | None]]:
    keys = set(ctx.column_keys(table_id))
    columns: list[tuple[str, ItemFilter | None]] = [("total", None)]
    return columns + [(f.value, by_funding(f)) for f in Funding if f.value in keys]


def general_basic_economic(ctx: Context) -> Table:
    """一般公共预算基本支出分经济科目表: 类 rows, then their 款 with the 政府经济分类 label."""
    table_id = "general_basic_economic"
    items = ctx.items(Funding.GENERAL, carryover=False, nature=Nature.BASIC)
    unit, keys = ctx.unit_of(table_id), ctx.column_keys(table_id)
    personnel = ctx.form.personnel_classes
    columns: list[tuple[str, ItemFilter | None]] = [
        ("total", None),
        ("personnel", lambda i: i.economic.digits[:3] in personnel),
        ("public", lambda i: i.economic.digits[:3] not in personnel),
    ]
    rows = [Row(name=ctx.form.total_row, cells=cells_for(items, columns, keys, unit))]
    codes: set[str] = set()
    for item in items:
        codes.update({item.economic.digits[:3], item.economic.digits})
    for code in sorted(codes):
        under = [i for i in items if i.economic.digits.startswith(code)]
        labels = {} if len(code) == 3 else {"government_economic": ctx.names.government_label(code)}
        rows.append(
            Row(
                name=ctx.names.economic_name(code),
                code=code,
                cells=cells_for(under, columns, keys, unit),
                labels=labels,
            )
        )
    return ctx.table(table_id, rows)


def three_public(ctx: Context) -> Table:
    """ "三公"经费: fiscal spending on the economic codes the template form names per row."""
    table_id = "three_public"
    items = ctx.items(ctx.fiscal)
    unit, keys = ctx.unit_of(table_id), ctx.column_keys(table_id)
    if ctx.spec(table_id).layout == "record":
        return _three_public_record(ctx, items)
    columns = _fiscal_columns(ctx, table_id)
    rows = []
    for name, codes in ctx.form.three_public:
        under = [i for i in items if i.economic.digits.startswith(codes)]
        rows.append(Row(name=name, cells=cells_for(under, columns, keys, unit)))
    return ctx.table(table_id, rows)


def _economic_in(codes: tuple[str, ...]) -> ItemFilter:
    return lambda item: item.economic.digits.startswith(codes)


def _three_public_record(ctx: Context, items: list[LineItem]) -> Table:
    """One row of figures: a column per "三公" key of the form, and 机关运行经费 beside them."""
    table_id = "three_public"
    unit, keys = ctx.unit_of(table_id), ctx.column_keys(table_id)
    columns: list[tuple[str, ItemFilter | None]] = [
        (key, _economic_in(codes)) for key, codes in ctx.form.three_public
    ]
    running = set(admin_running_items(ctx))  # fiscal basic items too, so among ``items``
    columns.append(("admin_running", lambda i: i in running))
    spec = ctx.spec(table_id)
    name = spec.rows[0] if spec.rows else ctx.form.total_row
    return ctx.table(table_id, [Row(name=name, cells=cells_for(items, columns, keys, unit))])


def admin_running_items(ctx: Context) -> list[LineItem]:
    """机关运行经费: 公用经费 of fiscal basic spending, for 行政 and 参公 units only."""
    if ctx.budget.unit_type.value not in ctx.form.admin_running_unit_types:
        return []
    personnel = ctx.form.personnel_classes
    basic = ctx.items(ctx.fiscal, carryover=False, nature=Nature.BASIC)
    return [i for i in basic if i.economic.digits[:3] not in personnel]


def admin_running(ctx: Context) -> Table:
    table_id = "admin_running"
    unit, keys = ctx.unit_of(table_id), ctx.column_keys(table_id)
    spec = ctx.spec(table_id)
    name = spec.rows[0] if spec.rows else ctx.form.total_row
    cells = cells_for(admin_running_items(ctx), _fiscal_columns(ctx, table_id), keys, unit)
    return ctx.table(table_id, [Row(name=name, cells=cells)])


def _project_rows(ctx: Context, table_id: str, items: list[LineItem]) -> list[Row]:
    """The unit's row with the sum, then each project in the order it was entered."""
    unit, keys = ctx.unit_of(table_id), ctx.column_keys(table_id)
    columns = _fiscal_columns(ctx, table_id)
    if not items:
        return []
    rows = [Row(name=ctx.budget.unit, cells=cells_for(items, columns, keys, unit))]
    projects = list(dict.fromkeys(i.project for i in items if i.project is not None))
    for project in projects:
        under = [i for i in items if i.project == project]
        rows.append(Row(name=project, cells=cells_for(under, columns, keys, unit)))
    return rows


def projects(ctx: Context) -> Table:
    """项目支出预算表(本年预算): this year's project spending, every funding source."""
    items = ctx.items(carryover=False, nature=Nature.PROJECT)
    return ctx.table("projects", _project_rows(ctx, "projects", items))


def projects_carryover(ctx: Context) -> Table:
    """项目支出预算表(上年结转): carried-over project spending of fiscal appropriations."""
    items = ctx.items(ctx.fiscal, carryover=True, nature=Nature.PROJECT)
    return ctx.table("projects_carryover", _project_rows(ctx, "projects_carryover", items))
