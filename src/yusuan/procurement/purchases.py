"""A year's purchases as rows (from yusuan.read.rows) -> Purchase records, every cell checked.

Headers in Chinese or English: 预算项目|project, 品目|item (a code or a category), 采购方式|method,
金额|amount (元), 日期|date; optional 采购对象|object, 名称|name, 编码体系|scheme. The method must be
one of the closed list in data/procurement/methods.yaml; amounts are Decimal and never negative.
Any bad cell raises ProcurementInputError naming the file and the line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from yusuan.procurement.errors import ProcurementInputError
from yusuan.procurement.request import parse_amount, parse_date
from yusuan.reference.procurement import OBJECTS
from yusuan.reference.procurement_catalogue import OBJECT_OF_LETTER, names_2022
from yusuan.reference.procurement_policies import Method, procurement_methods

HEADERS = {
    "project": ("预算项目", "项目", "项目名称", "project"),
    "item": ("品目", "品目编码", "类别", "品目或类别", "item", "category"),
    "method": ("采购方式", "method"),
    "amount": ("金额", "金额（元）", "金额(元)", "amount"),
    "date": ("日期", "采购日期", "date"),
    "object": ("采购对象", "对象", "object"),
    "name": ("名称", "采购名称", "name"),
    "scheme": ("编码体系", "scheme"),
}
REQUIRED = ("project", "item", "method", "amount", "date")
OBJECT_WORDS = {"货物": "goods", "工程": "works", "服务": "services", **{o: o for o in OBJECTS}}


@dataclass(frozen=True)
class Purchase:
    line: int  # row number in the file (header = 1)
    project: str
    item: str
    method: Method
    amount: Decimal
    date: dt.date
    object: str | None
    name: str = ""
    scheme: str | None = None  # 2013 | 2022 when the file says which

    @property
    def tendered(self) -> bool:
        return self.method.tender


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
    if isinstance(value, Decimal):
        return value
    try:
        return parse_amount(_text(value))
    except InvalidOperation as exc:
        raise ValueError(value) from exc


def method_of(text: str) -> Method | None:
    """The method a cell names, exactly (case-insensitive for the English keys); else None."""
    folded = text.strip().casefold()
    for method in procurement_methods()[0]:
        if any(folded == name.casefold() for name in method.names):
            return method
    return None


def _columns(header: list[str], name: str) -> dict[str, int]:
    columns: dict[str, int] = {}
    for key, names in HEADERS.items():
        for index, title in enumerate(header):
            if title in names or title.lower() in names:
                columns[key] = index
                break
    missing = [HEADERS[k][0] + "/" + HEADERS[k][-1] for k in REQUIRED if k not in columns]
    if missing:
        raise ProcurementInputError(name, f"缺少列 / missing columns: {', '.join(missing)}")
    return columns


def parse_purchases(rows: list[list[Any]], name: str) -> list[Purchase]:
    """Every non-empty row after the header as a Purchase."""
    numbered = [(n, r) for n, r in enumerate(rows, start=1) if any(_text(c) for c in r)]
    if not numbered:
        raise ProcurementInputError(name, "文件为空 / empty file")
    columns = _columns([_text(c) for c in numbered[0][1]], name)
    return [_purchase(row, number, columns, name) for number, row in numbered[1:]]


def _purchase(row: list[Any], number: int, columns: dict[str, int], name: str) -> Purchase:
    cells = {key: (row[i] if i < len(row) else None) for key, i in columns.items()}
    where = f"{name}:{number}"
    for key in REQUIRED:
        if not _text(cells[key]):
            raise ProcurementInputError(where, f"缺少{HEADERS[key][0]} / missing {HEADERS[key][-1]}")
    try:
        amount = _cell_amount(cells["amount"])
    except ProcurementInputError as exc:
        raise ProcurementInputError(where, exc.problem) from exc
    except ValueError as exc:
        raise ProcurementInputError(where, f"金额无法识别 / bad amount: {cells['amount']!r}") from exc
    if amount < 0:
        raise ProcurementInputError(where, f"金额不能为负 / negative amount: {amount}")
    method = method_of(_text(cells["method"]))
    if method is None:
        known = "、".join(m.names[0] for m in procurement_methods()[0])
        raise ProcurementInputError(
            where, f"采购方式“{_text(cells['method'])}”不在法定方式中（{known}）/ unknown procurement method"
        )
    raw_date = cells["date"]
    try:
        day = raw_date.date() if isinstance(raw_date, dt.datetime) else parse_date(_text(raw_date))
    except ProcurementInputError as exc:
        raise ProcurementInputError(where, exc.problem) from exc
    object_text = _text(cells.get("object"))
    if object_text and object_text not in OBJECT_WORDS:
        raise ProcurementInputError(where, f"采购对象应为 货物/工程/服务 / bad object: {object_text!r}")
    scheme = _text(cells.get("scheme")) or None
    if scheme is not None and scheme not in ("2013", "2022"):
        raise ProcurementInputError(
            where, f"编码体系应为 2013 或 2022 / scheme must be 2013 or 2022: {scheme!r}"
        )
    item = _text(cells["item"])
    return Purchase(
        line=number,
        project=_text(cells["project"]),
        item=item,
        method=method,
        amount=amount,
        date=day,
        object=OBJECT_WORDS.get(object_text) if object_text else _object_from_item(item),
        name=_text(cells.get("name")),
        scheme=scheme,
    )


def _object_from_item(item: str) -> str | None:
    """A code's letter, or the letter of the one 2022 item so named (复印纸 -> A05040101 -> goods)."""
    letter = item[:1].upper()
    if letter in "ABC" and item[1:].isdigit():
        return OBJECT_OF_LETTER[letter]
    named = {code[0] for code in names_2022().get(item, ())}
    return OBJECT_OF_LETTER[named.pop()] if len(named) == 1 else None
