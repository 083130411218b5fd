"""车辆各类相加，车辆与车辆费用相符
Vehicle categories add up, and cars are consistent with the car costs.

What: in 国有资产占有使用情况, the categories (领导用车, 机要通信用车, 应急保障用车, 执法执勤
用车, 特种专业技术用车, 事业单位业务用车, 其他公务用车 …) add up to the vehicles held (实有);
vehicles held do not exceed the establishment (编制) (warning); and a 公务用车运行维护费
budget with no vehicle held is reported (warning); duties (概况) that speak of the unit's
vehicles while none is held are reported as info.

Why: the vehicle count is how readers judge the car costs of the 三公 table.

Legal basis: 《党政机关公务用车管理办法》; 财预〔2016〕143号（公开国有资产占有使用情况）.

Example: ``国有资产: 实有2辆，各类合计3辆`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import CannotEvaluate, Context, issue
from yusuan.check.figures import role_row, src_location
from yusuan.model import Amount, Evidence, Finding, Severity
from yusuan.reference.roles import role_of, table_roles


def _running(ctx: Context) -> tuple[str, Amount | None]:
    """The 三公 car-running line's name and 合计 figure, where the 三公 table prints it as a line.

    Templates that print the 三公 figures as one record (Shanghai) are not asked, as before row
    roles: whether a 运行费 with no car held is a question there has not been reviewed.
    """
    table = ctx.disclosure.table("three_public")
    row = role_row(table, "vehicle_running") if table is not None else None
    if table is None or row is None:
        return "", None
    return row.name, row.amount(table, "total")


def check(ctx: Context) -> Iterator[Finding]:
    assets = ctx.disclosure.assets
    if assets is None or not assets.vehicles:
        raise CannotEvaluate("没有读到车辆情况 / no vehicle figures read")
    where = src_location(assets.source, section="assets")
    wordings = table_roles("vehicles", ctx.profile)
    roles = {name: role_of(name, wordings) for name in assets.vehicles}
    by_role = {role: assets.vehicles[name] for name, role in roles.items() if role is not None}
    held, quota = by_role.get("held"), by_role.get("quota")
    categories = {k: v for k, v in assets.vehicles.items() if roles[k] is None}
    if held is not None and categories and sum(categories.values()) != held:
        yield issue(
            Severity.ERROR,
            f"各类车辆之和{sum(categories.values())}辆，与实有{held}辆不符",
            f"vehicle categories sum to {sum(categories.values())}, {held} held",
            where,
            evidence=Evidence(expected=str(held), actual=str(sum(categories.values()))),
        )
    if held is not None and quota is not None and held > quota:
        yield issue(
            Severity.WARNING,
            f"实有车辆{held}辆，超过编制{quota}辆",
            f"{held} vehicles held, more than the establishment of {quota}",
            where,
        )
    if held == 0:
        for section in ctx.disclosure.sections:
            if section.part == "概况" and "车辆" in section.text:
                line = next(ln for ln in section.text.splitlines() if "车辆" in ln)
                yield issue(
                    Severity.INFO,
                    f"职责中提到“{line.strip()[:30]}”，但单位实有公务用车0辆",
                    "the duties mention vehicles, yet the unit holds none",
                    src_location(section.source, section=section.id, sentence=line.strip()[:60]),
                    where,
                )
    name, amount = _running(ctx)
    if held == 0 and amount is not None and amount.value > 0:
        yield issue(
            Severity.WARNING,
            f"实有车辆0辆，却安排{name}{amount}",
            f"no vehicle held, yet {amount} for running cars",
            where,
        )
