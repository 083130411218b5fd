"""化整为零: purchases split to avoid public tender (政府采购法实施条例 第二十八条).

In one fiscal year, purchases of the same budget project and the same 品目 **or category** of goods
or services, bought several times by methods other than public tender, whose cumulative amount
*exceeds* (超过, excluding the number itself) the public-tender threshold, are splitting.

Items are grouped by the 2022 hierarchy, across both schemes: every code is read in the scheme
the file names (or every scheme it can belong to), a 2013 code goes to its 2022 codes through the
crosswalk, and each purchase falls in the 2022 类别 at ``category_level`` (data/procurement/
methods.yaml) above its item; purchases whose categories contain one another are one group. So
2013 A02010104 台式计算机 and 2022 A02010108 便携式计算机 are both 2022 A02010100 计算机. An item
written as text is matched to a 2022 name, else grouped by its text. Input rows come from
``yusuan.read.rows`` (CSV in UTF-8/GBK/UTF-16 or XLSX, under the reader limits); see
``yusuan.procurement.purchases`` for the columns.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from yusuan.model import Evidence, Finding, Location, NotEvaluated, Severity
from yusuan.procurement.codes import Refusal
from yusuan.procurement.engine import find_ruleset, tender_threshold
from yusuan.procurement.errors import ProcurementInputError
from yusuan.procurement.purchases import Purchase, parse_purchases
from yusuan.procurement.request import PurchaseRequest, region_level
from yusuan.reference.procurement import LEVEL_NAMES, LEVELS, compare
from yusuan.reference.procurement_catalogue import (
    CODE_2013,
    CODE_2022,
    is_within,
    level_2022,
    links_from_2013,
    names_2022,
    pinmu_2013,
    pinmu_2022,
)
from yusuan.reference.procurement_policies import policy, procurement_methods

RULE = "procurement.splitting"


@dataclass
class SplittingReport:
    path: str
    rows: int
    groups: int
    findings: list[Finding] = field(default_factory=list)
    not_evaluated: list[NotEvaluated] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.path,
            "rows": self.rows,
            "groups_checked": self.groups,
            "findings": [
                {
                    "rule": f.rule,
                    "severity": f.severity.value,
                    "message": f.message,
                    "message_en": f.message_en,
                    "locations": [
                        {"file": loc.table, "project": loc.row, "line": loc.line} for loc in f.locations
                    ],
                    "evidence": {
                        "expected": f.evidence.expected,
                        "actual": f.evidence.actual,
                        "difference": f.evidence.difference,
                    },
                    "hint": f.hint,
                }
                for f in self.findings
            ],
            "not_evaluated": [{"rule": n.rule, "reason": n.reason} for n in self.not_evaluated],
        }


def _category(code: str) -> str:
    """The 2022 类别 of a 2022 code: its ancestor at ``category_level``, or itself when broader."""
    depth = procurement_methods()[1]
    if level_2022(code) <= depth:
        return code
    return code[: 1 + 2 * depth].ljust(9, "0")


def _readings(purchase: Purchase) -> tuple[set[str], str]:
    """The 2022 categories a purchase's item can be, and a note when that is not one category."""
    item = purchase.item.strip().upper()
    if not (CODE_2013.match(item) or CODE_2022.match(item)):
        exact = names_2022().get(purchase.item.strip(), ())
        if len(exact) == 1:
            return {_category(exact[0])}, ""
        return {"text:" + purchase.item.strip().casefold()}, ""
    schemes = [purchase.scheme] if purchase.scheme else ["2013", "2022"]
    found: set[str] = set()
    if "2022" in schemes and item in pinmu_2022():
        found.add(_category(item))
    if "2013" in schemes and (item in pinmu_2013() or purchase.scheme == "2013" or len(item) != 9):
        targets = [t for link in links_from_2013(item) for t in link.to]
        found.update(_category(t) for t in targets)
        if not targets:
            found.add("2013:" + item[: 1 + 2 * procurement_methods()[1]])
    if not found:
        return {"code:" + item}, ""
    if len({_top(k) for k in found}) > 1:
        return {"code:" + item}, f"第 {purchase.line} 行编码 {item} 在两套体系中属不同类别，只按编码本身分组"
    return found, ""


def _top(key: str) -> str:
    return key[:3] if not key.startswith(("text:", "code:", "2013:")) else key


def _related(a: str, b: str) -> bool:
    """One category contains the other (2022 hierarchy); other keys only match themselves."""
    if a == b:
        return True
    if a[:1] in "ABC" and b[:1] in "ABC" and ":" not in a + b:
        return is_within(a, b, "2022") or is_within(b, a, "2022")
    return False


def _group(read: list[tuple[Purchase, set[str]]]) -> list[tuple[list[Purchase], set[str]]]:
    """Purchases (each with its categories) whose categories meet (equal or one inside the other)
    are one group.

    Union-find over the distinct categories (a few hundred at most), not over pairs of rows, so a
    list of many thousand purchases groups in linear time.
    """
    purchases = [p for p, _ in read]
    keys = [k for _, k in read]
    distinct = sorted(set().union(*keys)) if keys else []
    parent = {key: key for key in distinct}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for i, a in enumerate(distinct):
        for b in distinct[i + 1 :]:
            if _related(a, b):
                parent[root(a)] = root(b)
    for readings in keys:  # one purchase's several readings belong together
        first, *rest = sorted(readings)
        for other in rest:
            parent[root(other)] = root(first)
    groups: dict[str, list[int]] = defaultdict(list)
    for index, readings in enumerate(keys):
        groups[root(next(iter(readings)))].append(index)
    return [
        ([purchases[i] for i in members], set().union(*(keys[i] for i in members)))
        for members in groups.values()
    ]


def _label(keys: set[str]) -> str:
    names = []
    for key in sorted(keys):
        if key.startswith("text:"):
            names.append(key[5:])
        elif key.startswith(("code:", "2013:")):
            names.append(key.split(":", 1)[1])
        else:
            item = pinmu_2022().get(key)
            names.append(f"{key} {item.name}" if item else key)
    return "、".join(names)


def check_splitting(
    rows: list[list[Any]], name: str, region: str, level: str | None = None
) -> SplittingReport:
    """化整为零 findings over the rows of a purchases file (header first)."""
    level = level or region_level(region)
    if level in LEVELS and region_level(region) != level:
        raise ProcurementInputError(
            "level",
            f"级次 {LEVEL_NAMES[level]} 与区划代码 {region} 不符 / level {level} contradicts region {region}",
        )
    purchases = parse_purchases(rows, name)
    report = SplittingReport(name, len(purchases), 0)
    buckets: dict[tuple[int, str, str | None], list[tuple[Purchase, set[str]]]] = defaultdict(list)
    for purchase in purchases:
        keys, note = _readings(purchase)  # once a purchase: the catalogue lookups are the cost
        if note:
            report.not_evaluated.append(
                NotEvaluated(RULE, f"{note} / ambiguous code: grouped by the code itself")
            )
        if not purchase.tendered:
            buckets[(purchase.date.year, purchase.project, purchase.object)].append((purchase, keys))
    law = policy("cn-law").clause("splitting")
    for (year, project, object_), members in sorted(buckets.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        for group, keys in _group(members):
            label = f"{year} {project} / {_label(keys)}"
            if object_ is None:
                report.not_evaluated.append(
                    NotEvaluated(RULE, f"{label}: 无法确定货物或服务 / goods or services unknown")
                )
                continue
            if object_ == "works":
                continue  # art. 28 speaks of goods and services only
            _check_group(report, group, keys, year, project, object_, region, level, law, name)
    return report


def _check_group(
    report: SplittingReport,
    members: list[Purchase],
    keys: set[str],
    year: int,
    project: str,
    object_: str,
    region: str,
    level: str,
    law: Any,
    name: str,
) -> None:
    label = f"{year} {project} / {_label(keys)}"
    first = min(m.date for m in members)
    ruleset, why = find_ruleset(region, first)
    if ruleset is None:
        report.not_evaluated.append(NotEvaluated(RULE, f"{label}: {why}"))
        return
    request = PurchaseRequest(amount=Decimal(0), date=first, region=region, level=level, object=object_)
    tender = tender_threshold(ruleset, object_, request)
    if isinstance(tender, Refusal):
        report.not_evaluated.append(NotEvaluated(RULE, f"{label}: {tender.reason}"))
        return
    report.groups += 1
    total = sum((m.amount for m in members), Decimal(0))
    if len(members) < 2 or not compare(total, law.comparison or ">", tender.amount):
        return
    limit = tender.amount
    lines = "、".join(str(m.line) for m in members)
    items = "、".join(sorted({m.item for m in members}))
    category = _label(keys)
    cites = f"{law.source.cite()}；{tender.source.cite()}"
    report.findings.append(
        Finding(
            rule=RULE,
            severity=Severity.WARNING,
            message=(
                f"{year}年“{project}”下同一品目或类别（{category}；所列品目：{items}）以非公开招标方式采购"
                f"{len(members)}次，累计 {total:,} 元，超过公开招标数额标准 {limit:,} 元（{cites}）"
            ),
            message_en=(
                f"{year} project {project!r}, item/category {category!r}: {len(members)} non-tender"
                f" purchases total {total:,} yuan, exceeding the public-tender threshold {limit:,}"
            ),
            locations=tuple(Location(table=name, row=project, line=m.line) for m in members),
            evidence=Evidence(
                expected=f"<= {limit}", actual=str(total), difference=str(total - limit), tolerance="0"
            ),
            hint=(
                f"第 {lines} 行：除项目预算调整或经批准采用公开招标以外方式外，应合并公开招标"
                f" / rows {lines}: tender them together unless the budget was adjusted"
                " or another method approved"
            ),
        )
    )
