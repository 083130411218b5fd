"""Obligations of an in-scope purchase: SME reservation or price deduction, intention disclosure,
import approval. Each one carries the clause that produced it; national values come from the
policy in force on the start date (base plus dated patches)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from yusuan.procurement.decision import Obligation, Reason
from yusuan.procurement.request import PurchaseRequest
from yusuan.reference.procurement import ClauseSource, Ruleset, Threshold, compare, source_of, threshold_of
from yusuan.reference.procurement_policies import policy


def _percent(ratio: Decimal) -> str:
    return f"{(ratio * 100).normalize():f}%"


def _entries(values: dict[str, Any], key: str, object_: str) -> list[dict[str, Any]]:
    return [e for e in values.get(key, []) if e.get("object") == object_]


def sme_obligations(
    request: PurchaseRequest, object_: str, ruleset: Ruleset, tender: Threshold | None
) -> tuple[list[Obligation], list[Reason]]:
    sme = policy("cn-sme")
    values = sme.values_on(request.date)
    if request.sme_suitable is False:
        return [], [
            Reason("采购人认定不适宜由中小企业提供，不作预留 / not suitable for SMEs: no reservation")
        ]
    if values is None:
        return [], [Reason(f"{request.date} 无全国中小企业政策数据 / no national SME policy on that date")]
    law_source = source_of(_entries(values.values, "whole_reservation", object_)[0]["source"])
    if request.sme_suitable is None:
        return [
            Obligation(
                "sme_check",
                "须判断是否适宜由中小企业提供，再定预留或价格扣除 / decide whether the purchase suits SMEs",
                law_source,
            )
        ], []
    obligations: list[Obligation] = []
    reasons: list[Reason] = []
    whole: bool
    share: dict[str, Any] | None = None
    if ruleset.sme is not None and tender is not None:
        local = ruleset.sme
        whole = compare(request.amount, local.below_comparison, tender.amount)
        if request.amount == tender.amount and local.below_overlap:
            reasons.append(Reason(local.below_overlap, local.below_source))
        if whole:
            obligations.append(
                Obligation(
                    "sme_reservation",
                    f"全部面向中小企业采购（原文：{local.below_wording}）",
                    local.below_source,
                    {"scope": "whole"},
                )
            )
        else:
            share = {"share_min": str(local.above_share_min), "of": "预算总额"}
            obligations.append(
                Obligation(
                    "sme_reservation",
                    f"专门面向中小企业的份额不低于预算总额的{_percent(local.above_share_min)}"
                    f"（原文：{local.above_wording}）",
                    local.above_source,
                    {"scope": "share", **share},
                )
            )
    else:
        line = threshold_of(_entries(values.values, "whole_reservation", object_)[0])
        whole = line.met(request.amount)
        if whole:
            obligations.append(
                Obligation(
                    "sme_reservation",
                    f"全部面向中小企业采购（原文：{line.wording}）",
                    line.source,
                    {"scope": "whole"},
                )
            )
        else:
            candidates = _entries(values.values, "reservation_share", object_)
            chosen = candidates[-1]
            if "amount" in chosen and not compare(
                request.amount, chosen["comparison"], Decimal(chosen["amount"])
            ):
                chosen = candidates[0]
            ratio = Decimal(chosen["share_min"])
            obligations.append(
                Obligation(
                    "sme_reservation",
                    f"预留不低于{_percent(ratio)}专门面向中小企业，其中小微企业不低于"
                    f"{_percent(Decimal(chosen['small_micro_min']))}（原文：{chosen['wording']}）",
                    source_of(chosen["source"]),
                    {
                        "scope": "share",
                        "share_min": chosen["share_min"],
                        "small_micro_min": chosen["small_micro_min"],
                    },
                )
            )
    if not whole:
        deduction = _entries(values.values, "price_deduction", object_)[-1]
        obligations.append(
            Obligation(
                "sme_price_deduction",
                f"未预留部分对小微企业报价扣除{_percent(Decimal(deduction['min']))}—{_percent(Decimal(deduction['max']))}"
                f"（原文：{deduction['wording']}）",
                source_of(deduction["source"]),
                {"min": deduction["min"], "max": deduction["max"]},
            )
        )
    if len(values.documents) > 1:
        reasons.append(Reason(f"中小企业政策按 {' + '.join(values.documents)} 在 {request.date} 的规定"))
    return obligations, reasons


def intention_obligation(
    request: PurchaseRequest, ruleset: Ruleset, mode: str | None
) -> tuple[list[Obligation], list[Reason]]:
    national = policy("cn-intention").values_on(request.date)
    rule = ruleset.intention
    if mode == "framework_agreement":
        scope = rule.scope or (national.values["scope"] if national else "")
        return [], [
            Reason(
                f"框架协议下的采购不是“按项目实施”的采购，不要求公开采购意向（范围：{scope}）"
                " / purchases under a framework agreement are not project procurement: no intention notice",
                rule.source,
            )
        ]
    days = rule.days_before_start
    days_source = rule.days_source
    if days is None and national is not None:
        days = int(national.values["days_before_start"])
        days_source = source_of(national.values["source"])
    if days is None or days_source is None:
        return [], [Reason("无采购意向公开期限数据 / no intention-disclosure period on that date")]
    deadline = request.date - dt.timedelta(days=days)
    reasons = [] if rule.source == days_source else [Reason(f"公开范围：{rule.wording}", rule.source)]
    return [
        Obligation(
            "intention_disclosure",
            f"采购意向最迟于 {deadline.isoformat()} 公开，即采购活动开始前{days}日"
            " / publish the intention by "
            f"{deadline.isoformat()}",
            days_source,
            {"deadline": deadline.isoformat(), "days_before_start": str(days)},
        )
    ], reasons


def import_obligation(request: PurchaseRequest, ruleset: Ruleset) -> list[Obligation]:
    if not request.imported or ruleset.import_approval is None:
        return []
    statement = ruleset.import_approval
    return [Obligation("import_approval", statement.text, statement.source)]


def unverified(source: ClauseSource) -> bool:
    return not source.verified
