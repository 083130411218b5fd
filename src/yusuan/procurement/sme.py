"""SME obligations (财库〔2020〕46号 with 财库〔2022〕19号), composed with local overlays.

Every layer that speaks — the national policy in force on the start date, a provincial ruleset, a
local overlay such as 朔财购〔2022〕3号 二 — contributes requirements, and the strictest applies:

- whole reservation if any layer reserves the whole project at this amount;
- otherwise a share reservation whose minimum is the largest any layer asks for (on its own
  basis: the national share is of the suitable part, 朔州's of the budget total), with the
  small-and-micro part of the national policy kept;
- a small-and-micro price deduction (第九条) for the unreserved lots of a share reservation, and
  for the whole of a project not reserved (a 第六条 exemption or a framework agreement call-off).

An overlay lowers a national requirement only where its text says it replaces it (``replaces``
in the data, cited). Every layer whose requirement is met is cited.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from yusuan.procurement.decision import Obligation, Reason
from yusuan.procurement.request import PurchaseRequest
from yusuan.reference.procurement import ClauseSource, Ruleset, Threshold, compare, source_of, threshold_of
from yusuan.reference.procurement_policies import PolicyValues, policy

OF_TOTAL = "预算总额"


def _percent(ratio: Decimal) -> str:
    return f"{(ratio * 100).normalize():f}%"


def _entries(values: dict[str, Any], key: str, object_: str) -> list[dict[str, Any]]:
    return [e for e in values.get(key, []) if e.get("object") == object_]


@dataclass(frozen=True)
class Share:
    """One layer's share requirement: at least ``share_min`` of ``of``."""

    share_min: Decimal
    small_micro_min: Decimal | None
    of: str
    wording: str
    source: ClauseSource

    def strength(self) -> tuple[Decimal, bool]:
        # equal ratios: a share of the budget total binds more than a share of the suitable part
        return self.share_min, self.of == OF_TOTAL


def exemption_keys() -> tuple[str, ...]:
    """The 第六条 situations a buyer may state (``--sme-exemption``), from the policy data."""
    clauses = policy("cn-sme").clauses
    return tuple(k.removeprefix("exemption_") for k in clauses if k.startswith("exemption_"))


def sme_obligations(
    request: PurchaseRequest, object_: str, ruleset: Ruleset, tender: Threshold | None, mode: str | None
) -> tuple[list[Obligation], list[Reason]]:
    sme = policy("cn-sme")
    values = sme.values_on(request.date)
    if values is None:
        return [], [Reason(f"{request.date} 无全国中小企业政策数据 / no national SME policy on that date")]
    exemptions = [f"exemption_{key}" for key in request.sme_exemptions]
    if mode == "framework_agreement" and "exemption_framework_agreement" not in exemptions:
        exemptions.append("exemption_framework_agreement")
    if exemptions:
        reasons = [Reason(sme.clause(key).text, sme.clause(key).source) for key in exemptions]
        if mode == "framework_agreement":
            reasons.append(
                Reason(
                    "框架协议下的采购不预留份额；支持中小企业的价格评审优惠在框架协议征集时落实，本系统不为单次采购计算"
                    " / a call-off under a framework agreement reserves nothing; price preferences belong to"
                    " the agreement's award and are not computed per call-off"
                )
            )
            return [], reasons
        return [_deduction(values, object_, "project")], reasons
    if request.sme_suitable is False:
        law = sme.clause("suitable_otherwise")
        return [_deduction(values, object_, "project")], [
            Reason(
                "采购人认定不适宜由中小企业提供，不作预留；未预留的项目仍对小微企业给予价格扣除"
                " / not suitable for SMEs: no reservation, the small-and-micro deduction still applies",
            ),
            Reason(f"{law.text}；请写明第六条的哪一种情形（--sme-exemption）", law.source),
        ]
    if request.sme_suitable is None:
        keys = "、".join(exemption_keys())
        return [
            Obligation(
                "sme_check",
                "须判断是否适宜由中小企业提供（第六条情形：" + keys + "），再定预留或价格扣除"
                " / decide whether the purchase suits SMEs",
                sme.clause("suitable_otherwise").source,
            )
        ], []
    return _reservation(request, object_, ruleset, tender, values)


def _reservation(
    request: PurchaseRequest,
    object_: str,
    ruleset: Ruleset,
    tender: Threshold | None,
    values: PolicyValues,
) -> tuple[list[Obligation], list[Reason]]:
    reasons: list[Reason] = []
    local = ruleset.sme
    national_counts = local is None or local.replaces is None
    if local is not None and local.replaces is not None:
        reasons.append(Reason(local.replaces.text, local.replaces.source))
    wholes: list[tuple[str, ClauseSource]] = []
    if national_counts:
        line = threshold_of(_entries(values.values, "whole_reservation", object_)[0])
        if line.met(request.amount):
            wholes.append((line.wording, line.source))
    if local is not None and tender is not None:
        if compare(request.amount, local.below_comparison, tender.amount):
            wholes.append((local.below_wording, local.below_source))
        if request.amount == tender.amount and local.below_overlap:
            reasons.append(Reason(local.below_overlap, local.below_source))
    if wholes:
        wording, source = wholes[0]
        return [
            Obligation(
                "sme_reservation",
                f"全部面向中小企业采购（原文：{wording}）",
                source,
                {"scope": "whole"},
                also=tuple(s for _, s in wholes[1:]),
            )
        ], reasons

    shares = _shares(request, object_, values) if national_counts else []
    if (
        local is not None
        and tender is not None
        and compare(request.amount, local.above_comparison, tender.amount)
    ):
        shares.append(
            Share(local.above_share_min, None, local.above_of, local.above_wording, local.above_source)
        )
    if not shares:
        return [], [*reasons, Reason("没有适用的预留比例 / no reservation share applies")]
    strongest = max(shares, key=Share.strength)
    micro = [s for s in shares if s.small_micro_min is not None]
    small_micro = max((s.small_micro_min for s in micro if s.small_micro_min is not None), default=None)
    share = _percent(strongest.share_min)
    text = f"预留不低于{strongest.of}的{share}专门面向中小企业（原文：{strongest.wording}）"
    of_total = [s for s in shares if s.of == OF_TOTAL]
    if strongest.of != OF_TOTAL and of_total:  # a share of the total is not dominated by one of a part
        other = max(of_total, key=Share.strength)
        text += f"，且不低于{other.of}的{_percent(other.share_min)}（原文：{other.wording}）"
    details = {"scope": "share", "share_min": str(strongest.share_min), "of": strongest.of}
    cited = [strongest.source]
    if small_micro is not None:
        text += f"；其中预留给小微企业的比例不低于{_percent(small_micro)}"
        details["small_micro_min"] = str(small_micro)
        cited += [s.source for s in micro if s.small_micro_min == small_micro]
    cited += [s.source for s in shares if s.source not in cited]
    reserved = Obligation("sme_reservation", text, cited[0], details, also=tuple(dict.fromkeys(cited[1:])))
    return [reserved, _deduction(values, object_, "unreserved_lots")], reasons


def _shares(request: PurchaseRequest, object_: str, values: PolicyValues) -> list[Share]:
    out: list[Share] = []
    for entry in _entries(values.values, "reservation_share", object_):
        if "amount" in entry and not compare(request.amount, entry["comparison"], Decimal(entry["amount"])):
            continue
        out.append(
            Share(
                Decimal(entry["share_min"]),
                Decimal(entry["small_micro_min"]) if "small_micro_min" in entry else None,
                entry.get("of", "该部分采购项目预算总额"),
                entry["wording"],
                source_of(entry["source"]),
            )
        )
    return out


def _deduction(values: PolicyValues, object_: str, applies_to: str) -> Obligation:
    """第九条: small-and-micro price deduction for a project not reserved or for the unreserved lots."""
    entry = _entries(values.values, "price_deduction", object_)[-1]
    scope = "未预留份额的采购项目" if applies_to == "project" else "预留份额项目中的非预留部分采购包"
    law = policy("cn-sme").clause("unreserved_deduction")
    return Obligation(
        "sme_price_deduction",
        f"{scope}对小微企业报价扣除{_percent(Decimal(entry['min']))}—{_percent(Decimal(entry['max']))}"
        f"（原文：{entry['wording']}）",
        source_of(entry["source"]),
        {"min": entry["min"], "max": entry["max"], "applies_to": applies_to},
        also=(law.source,) if law.source != source_of(entry["source"]) else (),
    )
