"""A planned purchase as the engine takes it, checked for shape (not for meaning)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from yusuan.model import Amount, AmountError, Unit
from yusuan.procurement.errors import ProcurementInputError
from yusuan.reference.procurement import OBJECTS

REGION = re.compile(r"^\d{6}$")
CODE_SHAPE = re.compile(r"^[ABC](\d{2})*$")
BUDGETS = ("local", "central")


@dataclass(frozen=True)
class PurchaseRequest:
    """One planned purchase. ``level`` is kept as given: an unknown level is a review, not an error."""

    amount: Decimal  # 元
    date: dt.date  # the day the procurement starts
    region: str  # 6-digit admin code of the purchaser
    level: str  # province | prefecture | county
    object: str | None = None  # goods | works | services; else from the code's letter
    code: str | None = None
    scheme: str | None = None  # 2013 | 2022 | None (then an ambiguous code is refused)
    item: str | None = None  # an item name instead of a code
    budget: str = "local"  # local | central
    imported: bool = False
    sme_suitable: bool | None = None
    department_centralized: bool = False  # the item is on the department's 部门集中采购 list


def parse_amount(text: str | Decimal | int) -> Decimal:
    """Yuan as Decimal: "350000", "350,000.00", "35万元" all work; negatives and floats do not."""
    if isinstance(text, Decimal | int):
        value = Decimal(text)
    else:
        try:
            amount = Amount.parse(str(text), Unit.YUAN)
        except AmountError as exc:
            raise ProcurementInputError("amount", f"金额无法识别 / not an amount: {text!r}") from exc
        if amount is None:
            raise ProcurementInputError("amount", "缺少金额 / no amount given")
        value = amount.yuan
    if value < 0:
        raise ProcurementInputError("amount", f"金额不能为负 / negative amount: {value}")
    return value


def parse_date(text: str | dt.date) -> dt.date:
    if isinstance(text, dt.date):
        return text
    try:
        return dt.date.fromisoformat(str(text).strip())
    except ValueError as exc:
        raise ProcurementInputError(
            "date", f"日期应为 YYYY-MM-DD / date must be YYYY-MM-DD: {text!r}"
        ) from exc


def build_request(
    *,
    amount: str | Decimal | int,
    date: str | dt.date,
    region: str,
    level: str,
    object: str | None = None,
    code: str | None = None,
    scheme: str | None = None,
    item: str | None = None,
    budget: str = "local",
    imported: bool = False,
    sme_suitable: bool | None = None,
    department_centralized: bool = False,
) -> PurchaseRequest:
    """Check the shape of every field; raise ProcurementInputError naming the field."""
    region = str(region).strip()
    if not REGION.match(region):
        raise ProcurementInputError(
            "region", f"行政区划代码应为6位数字 / region must be 6 digits: {region!r}"
        )
    if object is not None and object not in OBJECTS:
        raise ProcurementInputError("object", f"应为 goods | works | services: {object!r}")
    if scheme is not None and str(scheme) not in ("2013", "2022"):
        raise ProcurementInputError(
            "scheme", f"品目编码体系应为 2013 或 2022 / scheme must be 2013 or 2022: {scheme!r}"
        )
    if budget not in BUDGETS:
        raise ProcurementInputError("budget", f"应为 local | central: {budget!r}")
    if code is None and not item:
        raise ProcurementInputError("code", "需要品目编码或品目名称 / give a code or an item name")
    if code is not None:
        code = code.strip().upper()
        if not CODE_SHAPE.match(code):
            raise ProcurementInputError("code", f"不是品目编码 / not a 品目 code: {code!r}")
    return PurchaseRequest(
        amount=parse_amount(amount),
        date=parse_date(date),
        region=region,
        level=str(level).strip(),
        object=object,
        code=code,
        scheme=None if scheme is None else str(scheme),
        item=item.strip() if item else None,
        budget=budget,
        imported=imported,
        sme_suitable=sme_suitable,
        department_centralized=department_centralized,
    )
