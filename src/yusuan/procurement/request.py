"""A planned purchase as the engine takes it, checked for shape (not for meaning)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from yusuan.model import Amount, AmountError, Unit
from yusuan.procurement.errors import ProcurementInputError
from yusuan.reference.procurement import LEVEL_NAMES, LEVELS, OBJECTS, rulesets
from yusuan.reference.procurement_policies import policy

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
    sme_exemptions: tuple[str, ...] = ()  # 财库〔2020〕46号 第六条 situations the buyer states
    catalogue_exemption: str | None = None  # a ruleset's 表注3 exemption key the buyer states
    catalogue_condition: bool | None = None  # the answer to a catalogue entry's condition (限不锈钢)


def region_level(region: str) -> str:
    """The level a 6-digit admin code names: 140000 province, 140600 prefecture, 140602 county."""
    if region.endswith("0000"):
        return "province"
    if region.endswith("00"):
        return "prefecture"
    return "county"


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


def _known(field: str, given: tuple[str, ...] | list[str], keys: tuple[str, ...], prefix: str) -> None:
    known = sorted({k.removeprefix(prefix) for k in keys if k.startswith(prefix)})
    for value in given:
        if value not in known:
            raise ProcurementInputError(
                field, f"未知取值 {value!r}（可选：{'、'.join(known)}）/ unknown {field} {value!r}"
            )


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
    sme_exemptions: tuple[str, ...] | list[str] = (),
    catalogue_exemption: str | None = None,
    catalogue_condition: bool | None = None,
) -> PurchaseRequest:
    """Check the shape of every field; raise ProcurementInputError naming the field."""
    region = str(region).strip()
    if not REGION.match(region):
        raise ProcurementInputError(
            "region", f"行政区划代码应为6位数字 / region must be 6 digits: {region!r}"
        )
    level = str(level).strip()
    named = region_level(region)
    if level in LEVELS and named != level:
        raise ProcurementInputError(
            "level",
            f"级次 {level}（{LEVEL_NAMES[level]}）与区划代码 {region}（{LEVEL_NAMES[named]}代码）不符"
            f" / level {level} contradicts region {region}, a {named}-level code",
        )
    if object is not None and object not in OBJECTS:
        raise ProcurementInputError("object", f"应为 goods | works | services: {object!r}")
    if scheme is not None and str(scheme) not in ("2013", "2022"):
        raise ProcurementInputError(
            "scheme", f"品目编码体系应为 2013 或 2022 / scheme must be 2013 or 2022: {scheme!r}"
        )
    if budget not in BUDGETS:
        raise ProcurementInputError("budget", f"应为 local | central: {budget!r}")
    _known("sme_exemption", sme_exemptions, tuple(policy("cn-sme").clauses), "exemption_")
    if catalogue_exemption:
        keys = tuple(e.key for r in rulesets() for e in r.catalogue_exemptions)
        _known("catalogue_exemption", [catalogue_exemption], keys, "")
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
        level=level,
        object=object,
        code=code,
        scheme=None if scheme is None else str(scheme),
        item=item.strip() if item else None,
        budget=budget,
        imported=imported,
        sme_suitable=sme_suitable,
        department_centralized=department_centralized,
        sme_exemptions=tuple(sme_exemptions),
        catalogue_exemption=catalogue_exemption or None,
        catalogue_condition=catalogue_condition,
    )
