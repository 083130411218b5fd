"""化整为零: purchases split to avoid public tender (政府采购法实施条例 第二十八条).

In one fiscal year, purchases of the same budget project and the same 品目 or category of goods
or services, bought several times by methods other than public tender, whose cumulative amount
*exceeds* (超过, excluding the number itself) the public-tender threshold, are splitting.

Input: a CSV or XLSX list of a year's purchases, one row per purchase, headers in Chinese or
English: 预算项目|project, 品目|item (code or category), 采购方式|method, 金额|amount (元),
日期|date, optional 采购对象|object and 名称|name. Output: findings (model.Finding), one per group.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from yusuan.model import Evidence, Finding, Location, NotEvaluated, Severity
from yusuan.procurement.codes import Refusal
from yusuan.procurement.engine import find_ruleset, tender_threshold
from yusuan.procurement.errors import ProcurementInputError
from yusuan.procurement.request import PurchaseRequest, parse_amount, parse_date
from yusuan.reference.procurement import OBJECTS, compare
from yusuan.reference.procurement_policies import policy

RULE = "procurement.splitting"
HEADERS = {
    "project": ("预算项目", "项目", "项目名称", "project"),
    "item": ("品目", "品目编码", "类别", "品目或类别", "item", "category"),
    "method": ("采购方式", "method"),
    "amount": ("金额", "金额（元）", "金额(元)", "amount"),
    "date": ("日期", "采购日期", "date"),
    "object": ("采购对象", "对象", "object"),
    "name": ("名称", "采购名称", "name"),
}
REQUIRED = ("project", "item", "method", "amount", "date")
OBJECT_WORDS = {"货物": "goods", "工程": "works", "服务": "services", **{o: o for o in OBJECTS}}
TENDER_WORDS = ("公开招标", "public_tender", "open_tender")


@dataclass(frozen=True)
class Purchase:
    line: int  # row number in the file (header = 1)
    project: str
    item: str
    method: str
    amount: Decimal
    date: dt.date
    object: str | None
    name: str = ""

    @property
    def tendered(self) -> bool:
        return any(word in self.method for word in TENDER_WORDS)


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


def _read_rows(path: Path) -> list[list[Any]]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as handle:
                return [row for row in csv.reader(handle)]
        if suffix in (".xlsx", ".xlsm"):
            import openpyxl

            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
            sheet = workbook.worksheets[0]
            rows = [list(row) for row in sheet.iter_rows(values_only=True)]
            workbook.close()
            return rows
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ProcurementInputError(str(path), f"无法读取 / unreadable: {exc}") from exc
    except Exception as exc:  # openpyxl raises several unrelated types for a broken workbook
        raise ProcurementInputError(str(path), f"不是可读的 XLSX / not a readable workbook: {exc}") from exc
    raise ProcurementInputError(str(path), f"只支持 CSV 或 XLSX / only CSV or XLSX: {suffix or '无扩展名'}")


def _text(value: Any) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _cell_amount(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):  # a workbook number: its shortest decimal text, never float arithmetic
        return Decimal(repr(value))
    try:
        return parse_amount(_text(value))
    except InvalidOperation as exc:
        raise ValueError(value) from exc


def read_purchases(path: str | Path) -> list[Purchase]:
    """Every row of the file as a Purchase; any missing or unreadable required cell is an error."""
    path = Path(path)
    if not path.is_file():
        raise ProcurementInputError(str(path), "文件不存在 / no such file")
    rows = [r for r in _read_rows(path) if any(_text(c) for c in r)]
    if not rows:
        raise ProcurementInputError(str(path), "文件为空 / empty file")
    header = [_text(c) for c in rows[0]]
    columns: dict[str, int] = {}
    for key, names in HEADERS.items():
        for index, title in enumerate(header):
            if title in names or title.lower() in names:
                columns[key] = index
                break
    missing = [HEADERS[k][0] + "/" + HEADERS[k][-1] for k in REQUIRED if k not in columns]
    if missing:
        raise ProcurementInputError(str(path), f"缺少列 / missing columns: {', '.join(missing)}")
    purchases: list[Purchase] = []
    for number, row in enumerate(rows[1:], start=2):
        cells = {key: (row[i] if i < len(row) else None) for key, i in columns.items()}
        where = f"{path}:{number}"
        for key in REQUIRED:
            if not _text(cells[key]):
                raise ProcurementInputError(where, f"缺少{HEADERS[key][0]} / missing {HEADERS[key][-1]}")
        try:
            amount = _cell_amount(cells["amount"])
        except (ValueError, ProcurementInputError) as exc:
            raise ProcurementInputError(where, f"金额无法识别 / bad amount: {cells['amount']!r}") from exc
        raw_date = cells["date"]
        try:
            day = raw_date.date() if isinstance(raw_date, dt.datetime) else parse_date(_text(raw_date))
        except ProcurementInputError as exc:
            raise ProcurementInputError(where, exc.problem) from exc
        object_text = _text(cells.get("object"))
        if object_text and object_text not in OBJECT_WORDS:
            raise ProcurementInputError(where, f"采购对象应为 货物/工程/服务 / bad object: {object_text!r}")
        item = _text(cells["item"])
        object_ = OBJECT_WORDS.get(object_text) if object_text else _object_from_item(item)
        purchases.append(
            Purchase(
                line=number,
                project=_text(cells["project"]),
                item=item,
                method=_text(cells["method"]),
                amount=amount,
                date=day,
                object=object_,
                name=_text(cells.get("name")),
            )
        )
    return purchases


def _object_from_item(item: str) -> str | None:
    letter = item[:1].upper()
    if letter in "ABC" and item[1:].isdigit():
        return {"A": "goods", "B": "works", "C": "services"}[letter]
    return None


def check_splitting(path: str | Path, region: str, level: str = "county") -> SplittingReport:
    purchases = read_purchases(path)
    groups: dict[tuple[int, str, str, str | None], list[Purchase]] = defaultdict(list)
    report = SplittingReport(str(path), len(purchases), 0)
    for purchase in purchases:
        if purchase.tendered:
            continue
        groups[(purchase.date.year, purchase.project, purchase.item, purchase.object)].append(purchase)
    law = policy("cn-law").clause("splitting")
    for (year, project, item, object_), members in sorted(groups.items(), key=lambda kv: kv[0][:3]):
        label = f"{year} {project} / {item}"
        if object_ is None:
            report.not_evaluated.append(
                NotEvaluated(RULE, f"{label}: 无法确定货物或服务 / goods or services unknown")
            )
            continue
        if object_ == "works":
            continue  # art. 28 speaks of goods and services only
        first = min(m.date for m in members)
        ruleset, why = find_ruleset(region, first)
        if ruleset is None:
            report.not_evaluated.append(NotEvaluated(RULE, f"{label}: {why}"))
            continue
        request = PurchaseRequest(amount=Decimal(0), date=first, region=region, level=level, object=object_)
        tender = tender_threshold(ruleset, object_, request)
        if isinstance(tender, Refusal):
            report.not_evaluated.append(NotEvaluated(RULE, f"{label}: {tender.reason}"))
            continue
        report.groups += 1
        total = sum((m.amount for m in members), Decimal(0))
        if len(members) < 2 or not compare(total, law.comparison or ">", tender.amount):
            continue
        limit = tender.amount
        lines = "、".join(str(m.line) for m in members)
        report.findings.append(
            Finding(
                rule=RULE,
                severity=Severity.WARNING,
                message=(
                    f"{year}年“{project}”下品目/类别“{item}”以非公开招标方式采购{len(members)}次，"
                    f"累计 {total:,} 元，超过公开招标数额标准 {limit:,} 元（{law.source.cite()}；"
                    f"{tender.source.cite()}）"
                ),
                message_en=(
                    f"{year} project {project!r}, item {item!r}: {len(members)} non-tender purchases total "
                    f"{total:,} yuan, exceeding the public-tender threshold {limit:,}"
                ),
                locations=tuple(Location(table=str(path), row=project, line=m.line) for m in members),
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
    return report
