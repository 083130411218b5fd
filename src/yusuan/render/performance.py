"""A 项目支出绩效目标表 laid out as the published sheets are, so that the readers read it back.

Seven columns: a label column, the implementation period's 二级指标/三级指标/指标值 and the
annual period's three. The head lines are 项目名称; 主管部门 and
实施单位; 项目属性 and 项目期; 实施期资金总额 and 年度资金总额; then the 总体目标 of each
period under its column heading, and the indicators of both periods side by side, the i-th
implementation indicator on the line of the i-th annual one (as the template prints them). The
一级指标 cell is merged down the lines of one category (产出指标 printed once, not on every line).
"""

from __future__ import annotations

from itertools import zip_longest

from yusuan.model import Amount, Indicator, PerformanceTarget
from yusuan.reference.templates import PerformanceForm
from yusuan.render.grid import Grid, GridCell

PERIODS = ("implementation", "annual")
SIDE = 3  # 二级指标, 三级指标, 指标值
WIDTHS = [8.0, 9.0, 15.0, 9.0, 9.0, 15.0, 9.0]  # half-ems: fits a portrait page


def written(amount: Amount | None) -> str:
    """A sheet amount in 元 with thousands separators, as the sheets print it ("1,200,000")."""
    return f"{amount.value:,.{amount.places}f}" if amount is not None else ""


def _pair(label: str, value: str, label2: str, value2: str) -> list[GridCell]:
    return [
        GridCell(label, row_header=True),
        GridCell(value, colspan=SIDE),
        GridCell(label2, row_header=True),
        GridCell(value2, colspan=SIDE - 1),
    ]


def _side(indicator: Indicator | None) -> list[GridCell]:
    if indicator is None:
        return [GridCell("") for _ in range(SIDE)]
    return [GridCell(indicator.level2), GridCell(indicator.level3), GridCell(indicator.value)]


def performance_grid(target: PerformanceTarget, form: PerformanceForm) -> Grid:
    labels = form.fields
    body = [
        [GridCell(labels["project"], row_header=True), GridCell(target.project, colspan=2 * SIDE)],
        _pair(labels["department"], target.department, labels["implementing_unit"], target.implementing_unit),
        _pair(labels["project_kind"], target.project_kind, labels["period"], target.period),
        _pair(
            labels["amount"],
            written(target.amount_yuan),
            labels["annual_amount"],
            written(target.annual_amount_yuan),
        ),
    ]
    if target.goals:
        body.append(
            [
                GridCell(""),
                GridCell(labels["goals_implementation"], colspan=SIDE),
                GridCell(labels["goals_annual"], colspan=SIDE),
            ]
        )
        body.append(
            [
                GridCell(labels["goals"], row_header=True),
                GridCell(target.goals.get("implementation", ""), colspan=SIDE),
                GridCell(target.goals.get("annual", ""), colspan=SIDE),
            ]
        )
    level1, *names = form.indicator_header
    body.append([GridCell(level1, row_header=True)] + [GridCell(n) for n in names] * 2)
    by_period = {p: [i for i in target.indicators if i.period == p] for p in PERIODS}
    lines = list(zip_longest(by_period["implementation"], by_period["annual"]))
    categories = [(left or right).level1 if (left or right) is not None else "" for left, right in lines]
    for index, (left, right) in enumerate(lines):
        sides = [*_side(left), *_side(right)]
        if index and categories[index] == categories[index - 1]:
            body.append(sides)  # under the merged 一级指标 cell of the line above
            continue
        run = 1
        while index + run < len(lines) and categories[index + run] == categories[index]:
            run += 1
        body.append([GridCell(categories[index], rowspan=run), *sides])
    return Grid(header=[], body=body, widths=list(WIDTHS))
