"""The procurement rules (docs/procurement.md): how a purchase must be bought, 品目 search, 化整为零."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from yusuan.read import InputError
from yusuan.reference.paths import ReferenceError


def _level(value: str | None) -> str | None:
    """A purchaser level in English (county) or Chinese (县级, 县); others are kept as given."""
    if value is None:
        return None
    from yusuan.reference.procurement import LEVEL_NAMES

    text = value.strip()
    for level, name in LEVEL_NAMES.items():
        if text.lower() == level or text in (name, name.removesuffix("级")):
            return level
    return text


def procure_decide(
    *,
    amount: str,
    level: str,
    region: str,
    date: str,
    code: str | None = None,
    scheme: str | None = None,
    item: str | None = None,
    object: str | None = None,
    budget: str = "local",
    imported: bool = False,
    sme_suitable: bool | None = None,
    department_centralized: bool = False,
    sme_exemptions: tuple[str, ...] | list[str] = (),
    catalogue_exemption: str | None = None,
    catalogue_condition: bool | None = None,
) -> dict[str, Any]:
    """How a planned purchase must be bought: the decision JSON of docs/procurement.md."""
    from yusuan import procurement

    try:
        request = procurement.build_request(
            amount=amount,
            level=_level(level) or "",
            region=region,
            date=date,
            code=code,
            scheme=scheme,
            item=item,
            object=object,
            budget=budget,
            imported=imported,
            sme_suitable=sme_suitable,
            department_centralized=department_centralized,
            sme_exemptions=sme_exemptions,
            catalogue_exemption=catalogue_exemption,
            catalogue_condition=catalogue_condition,
        )
        return procurement.decide(request).to_json()
    except procurement.ProcurementInputError as exc:
        raise InputError(exc.where, exc.problem) from exc
    except ReferenceError as exc:
        raise InputError("data/procurement", str(exc)) from exc


def procure_search(name: str, limit: int = 50) -> dict[str, Any]:
    """品目 codes of both schemes for a name, a common name or a word of the notes (docs/procurement.md)."""
    from yusuan import procurement

    if not name.strip():
        raise InputError("--item", "品目名称为空 / empty item name")
    try:
        return procurement.search_items(name, limit)
    except ReferenceError as exc:
        raise InputError("data/procurement", str(exc)) from exc


def procure_splitting(path: str | Path, region: str, level: str | None = None) -> dict[str, Any]:
    """化整为零 findings over a CSV (UTF-8/GBK/UTF-16) or XLSX list of a year's purchases."""
    from yusuan import procurement
    from yusuan.read.rows import read_rows

    if not procurement.request.REGION.match(region or ""):
        raise InputError("--region", f"行政区划代码应为6位数字 / region must be 6 digits: {region!r}")
    rows = read_rows(path)  # the reader limits apply to this file too
    try:
        return procurement.check_splitting(rows, str(path), region, _level(level)).to_json()
    except procurement.ProcurementInputError as exc:
        raise InputError(exc.where, exc.problem) from exc
    except ReferenceError as exc:
        raise InputError("data/procurement", str(exc)) from exc
