"""绩效说明中的个数、金额和覆盖率与所附目标表一致
The narrative's counts, amounts and coverage of performance targets match the sheets.

What: in 绩效管理情况, "纳入绩效目标管理的二级项目N个，共计金额X万元" is compared with the
project table (number of projects, their total), and "公开项目绩效目标N个，涉及项目金额X万元，
占…项目支出总额的Y%" with the sheets actually published for this unit's listed projects
(a sheet of another unit or of an unlisted project does not count) and their share of the
project total. Which label states which quantity is data (data/templates/<profile>/narrative.yaml).

Why: the narrative certifies how much of the project money is under published targets; a
claim of 100% coverage with sheets missing or foreign misleads the reader.

Legal basis: 《中共中央 国务院关于全面实施预算绩效管理的意见》（2018）; 财预〔2016〕143号.

Example: ``情况说明 十: “公开项目绩效目标4个，涉及项目金额146.90万元，占…100%” — 本单位所列项目
公开的绩效目标表为3个，137.00万元，占93.26%`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from yusuan.check.claims import section_claims
from yusuan.check.context import Context, issue
from yusuan.check.figures import fmt
from yusuan.check.projects import belongs_to_unit, project_rows, sheet_for
from yusuan.model import Amount, Evidence, Finding, Severity, quantize, rounding_tolerance

KINDS = ("budget",)  # 预算 only: the 决算 discloses other statements (see check/engine.py)
TABLES = ("projects",)  # the tables this rule reads (see check/engine.py)


def check(ctx: Context) -> Iterator[Finding]:
    patterns = ctx.require_narrative()
    table = ctx.require_table("projects")
    unit = patterns.unit
    rows = project_rows(ctx, table)
    amounts = {r.name: r.amount(table, "total") for r in rows}
    sheets = ctx.disclosure.performance_targets
    published = [
        r.name for r in rows if (s := sheet_for(sheets, r.name)) is not None and belongs_to_unit(ctx, s)
    ]

    def total(names: list[str]) -> tuple[Decimal, list[Amount]]:
        found = [a for n in names if (a := amounts.get(n)) is not None]
        return sum((a.to(unit) for a in found), Decimal(0)), found

    quantities = {
        "projects": (len(rows), *total([r.name for r in rows])),
        "published": (len(published), *total(published)),
    }
    projects_sum = quantities["projects"][1]
    last: str | None = None
    for item in section_claims(ctx):
        if item.section.id != "performance":
            continue
        claim = item.claim
        if claim.pattern == "count_amount":
            last = next((q for label, q in patterns.performance_claims if claim.label.endswith(label)), None)
            if last is None:
                continue
            count, amount_sum, parts = quantities[last]
            stated_count = int(claim.values["count"])
            stated = claim.amount(unit)
            tolerance = rounding_tolerance([*parts, *([stated] if stated else [])], unit)
            amount_off = stated is not None and abs(stated.value - amount_sum) > tolerance
            if stated_count != count or amount_off:
                what = "项目支出表所列项目" if last == "projects" else "本单位所列项目公开的绩效目标表"
                extra = f"（共印有{len(sheets)}张表）" if last == "published" else ""
                yield issue(
                    Severity.ERROR,
                    f"说明称“{claim.label[-10:]}{stated_count}个，金额{claim.values['amount']}{unit.value}”，"
                    f"{what}为{count}个、{fmt(amount_sum)}{unit.value}{extra}",
                    f"the narrative states {stated_count} ({claim.values['amount']}); the document has "
                    f"{count} ({fmt(amount_sum)}) for {last}",
                    item.location,
                    evidence=Evidence(
                        expected=f"{count}个 {fmt(amount_sum)}{unit.value}",
                        actual=f"{stated_count}个 {claim.values['amount']}{unit.value}",
                        tolerance=f"{tolerance}{unit.value}",
                    ),
                    hint="按实际公开的绩效目标表改正说明 / state what is actually published",
                )
        elif claim.pattern == "coverage" and last == "published" and projects_sum:
            stated_share, places = claim.number("share") or (Decimal(0), 0)
            # both sums add the same printed project figures, so the ratio is exact; the share
            # may differ from it by its own rounding only
            exact = quantities["published"][1] / projects_sum * 100
            if abs(stated_share - exact) >= Decimal(5).scaleb(-(places + 1)):
                yield issue(
                    Severity.ERROR,
                    f"说明称公开绩效目标的项目占项目支出总额的{stated_share}%，实际为{quantize(exact, 2)}%",
                    f"coverage stated {stated_share}%, actual {quantize(exact, 2)}%",
                    item.location,
                    evidence=Evidence(expected=f"{quantize(exact, 2)}%", actual=f"{stated_share}%"),
                )
