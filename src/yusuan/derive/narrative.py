"""情况说明 一 … 八: the figures of the tables restated, with shares, changes and reasons.

Each function returns a section's text. Amounts are the exact sums of the line items in 元
(the same sums the tables print), written through :class:`Writer` with the profile's sentence
patterns; the words around them come from data/templates/<profile>/authoring.yaml.
"""

from __future__ import annotations

import re
from decimal import Decimal

from yusuan.derive.cells import total_yuan
from yusuan.derive.context import Context
from yusuan.derive.named import admin_running_items
from yusuan.derive.sentences import Writer
from yusuan.model.budget import Funding, LineItem, Nature

_LABEL_SAFE = re.compile(r"[\u4e00-\u9fff]+")


def opening(ctx: Context, w: Writer) -> str:
    return w.texts.text("opening").format(year=ctx.budget.year, unit=ctx.budget.unit)


def prior(ctx: Context, key: str) -> Decimal | None:
    return ctx.budget.prior_year_totals.get(key)


def _join(*parts: str) -> str:
    return "，".join(p for p in parts if p)


def changes(ctx: Context, w: Writer) -> str:
    """一、收支数据变动情况及原因: the totals, this year's and carried over, and the change."""
    t = ("changes",)
    current, carried = total_yuan(ctx.items(carryover=False)), total_yuan(ctx.items(carryover=True))
    total = current + carried
    change = w.change("changes", total, prior(ctx, "total"))
    income = _join(
        opening(ctx, w) + w.amount(w.texts.text(*t, "income_total"), total),
        w.texts.text(*t, "breakdown") + w.amount(w.texts.text(*t, "income_current"), current),
        w.amount(w.texts.text(*t, "carryover"), carried),
        change,
    )
    spending = _join(
        w.amount(w.texts.text(*t, "spending_total"), total),
        w.texts.text(*t, "breakdown") + w.amount(w.texts.text(*t, "spending_current"), current),
        w.amount(w.texts.text(*t, "carryover"), carried),
        change,
    )
    return f"{income}；{spending}。"


def income(ctx: Context, w: Writer) -> str:
    """二、收入预算: the whole, then each funding source and 上年结转 with its share."""
    current = ctx.items(carryover=False)
    carried = total_yuan(ctx.items(carryover=True))
    whole = total_yuan(current) + carried
    parts = [
        w.amount_share(label, total_yuan(i for i in current if i.funding is Funding(key)), whole)
        for key, label in w.texts.raw["income"]["parts"].items()
    ]
    parts.append(w.amount_share(w.texts.text("income", "carryover"), carried, whole))
    head = opening(ctx, w) + w.amount(w.texts.text("income", "total"), whole)
    return f"{head}，{w.texts.text('income', 'intro')}{'；'.join(parts)}。"


def expenditure(ctx: Context, w: Writer) -> str:
    """三、支出预算: basic and project spending with their shares."""
    items = ctx.items()
    whole = total_yuan(items)
    parts = [
        w.amount_share(w.texts.text("expenditure", nature.value), total_yuan(ctx.items(nature=nature)), whole)
        for nature in (Nature.BASIC, Nature.PROJECT)
    ]
    head = opening(ctx, w) + w.amount(w.texts.text("expenditure", "total"), whole)
    return f"{head}，其中：{'；'.join(parts)}。"


def _by_class(ctx: Context, items: list[LineItem]) -> list[tuple[str, Decimal]]:
    """(类 name, exact sum) of every 类 with money, in code order."""
    sums: dict[str, Decimal] = {}
    for item in items:
        code = item.functional.digits[:3]
        sums[code] = sums.get(code, Decimal(0)) + item.amount_yuan
    return [(ctx.names.functional_name(code), sums[code]) for code in sorted(sums) if sums[code] != 0]


def fiscal(ctx: Context, w: Writer) -> str:
    """四、财政拨款收支总体情况: by source, this year's and carried over, spending by 类."""
    t = ("fiscal",)
    items = ctx.items(ctx.fiscal)
    whole = total_yuan(items)
    this_year = ctx.items(ctx.fiscal, carryover=False)
    # by source: this year's appropriations (the income rows of 财政拨款收支总表); 上年结转 after
    sources = "，".join(
        w.amount(w.texts.text(*t, "parts", f.value), total_yuan(i for i in this_year if i.funding is f))
        for f in ctx.fiscal
    )
    current = total_yuan(ctx.items(ctx.fiscal, carryover=False))
    carried = total_yuan(ctx.items(ctx.fiscal, carryover=True))
    lines = [
        opening(ctx, w) + w.amount(w.texts.text(*t, "total"), whole) + "。",
        f"其中：{sources}。",
        f"其中：{w.amount(w.texts.text(*t, 'current'), current)}，"
        f"{w.amount(w.texts.text(*t, 'carryover'), carried)}。",
    ]
    classes = _by_class(ctx, items)
    if classes:
        spending = "、".join(w.amount(name, yuan) for name, yuan in classes)
        lines.append(f"{w.texts.text(*t, 'spending')}{spending}。")
    else:
        lines.append(w.texts.text(*t, "no_spending"))
    return "".join(lines)


def general_expenditure(ctx: Context, w: Writer) -> str:
    """五、一般公共预算支出: its scale and change, then its structure by 类 with shares."""
    t = ("general_expenditure",)
    items = ctx.items(Funding.GENERAL, carryover=False)
    whole = total_yuan(items)
    head = opening(ctx, w) + w.amount(w.texts.text(*t, "total"), whole)
    scale = _join(head, w.change("general_expenditure", whole, prior(ctx, "general_expenditure"))) + "。"
    if whole == 0:
        structure = w.texts.text(*t, "none")
    else:
        uses = "；".join(w.amount_share(name, yuan, whole) for name, yuan in _by_class(ctx, items))
        structure = f"{head}，{w.texts.text(*t, 'uses')}{uses}。"
    return "\n".join(
        [w.texts.text(*t, "scale_heading"), scale, w.texts.text(*t, "structure_heading"), structure]
    )


def general_basic(ctx: Context, w: Writer) -> str:
    """六、一般公共预算基本支出: 人员经费 and 公用经费 with the economic 款 they include."""
    t = ("general_basic",)
    items = ctx.items(Funding.GENERAL, carryover=False, nature=Nature.BASIC)
    personnel_classes = ctx.form.personnel_classes
    lines = [opening(ctx, w) + w.amount(w.texts.text(*t, "total"), total_yuan(items)) + "，其中："]
    groups = (
        ("personnel", [i for i in items if i.economic.digits[:3] in personnel_classes]),
        ("public", [i for i in items if i.economic.digits[:3] not in personnel_classes]),
    )
    for index, (key, group) in enumerate(groups):
        sums: dict[str, Decimal] = {}
        for item in group:
            sums[item.economic.digits] = sums.get(item.economic.digits, Decimal(0)) + item.amount_yuan
        named = "、".join(ctx.names.economic_name(c) for c in sorted(sums) if w.money(sums[c]).value != 0)
        text = w.amount(w.texts.text(*t, key), total_yuan(group))
        if named:
            text += f"，{w.texts.text(*t, 'includes')}{named}{w.texts.text(*t, 'etc')}"
        lines.append(text + ("；" if index == 0 else "。"))
    return "\n".join(lines)


def _none_budgeted(w: Writer, section: str, last: Decimal | None) -> str:
    """The section's "none budgeted" sentence, with the change on last year when it is known."""
    none = w.texts.text(section, "none")
    change = w.change(section, Decimal(0), last) if last is not None else ""
    return f"{none}，{change}。" if change else f"{none}。"


def three_public(ctx: Context, w: Writer) -> str:
    """七、"三公"经费: none, or the total, its change and the rows of the table."""
    t = ("three_public",)
    items = ctx.items(ctx.fiscal)
    rows = ctx.form.three_public
    total_codes = rows[-1][1]
    whole = total_yuan(i for i in items if i.economic.digits.startswith(total_codes))
    last = prior(ctx, "three_public")
    if whole == 0:  # the table is empty exactly when nothing is budgeted (a cent prints as 0.00)
        return _none_budgeted(w, "three_public", last)
    head = _join(w.amount(w.texts.text(*t, "total"), whole), w.change("three_public", whole, last))
    # rows whose names a label can carry (no brackets, no circled numbers), the total apart
    parts = [
        w.amount(name, total_yuan(i for i in items if i.economic.digits.startswith(codes)))
        for name, codes in rows
        if name != ctx.form.total_row and _LABEL_SAFE.fullmatch(name)
    ]
    return f"{opening(ctx, w)}{head}。{w.texts.text(*t, 'breakdown')}{'，'.join(parts)}。"


def admin_running(ctx: Context, w: Writer) -> str:
    """八、机关运行经费: none (事业单位, or nothing budgeted), or the amount and its change."""
    t = ("admin_running",)
    whole = total_yuan(admin_running_items(ctx))
    last = prior(ctx, "admin_running")
    if whole == 0:  # the table is empty exactly when nothing is budgeted (a cent prints as 0.00)
        return _none_budgeted(w, "admin_running", last)
    head = _join(w.amount(w.texts.text(*t, "total"), whole), w.change("admin_running", whole, last))
    return f"{opening(ctx, w)}{head}。"
