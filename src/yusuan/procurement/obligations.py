"""Obligations of an in-scope purchase besides SME support (yusuan.procurement.sme): intention
disclosure and import approval. Each one carries the clause that produced it; national values come
from the policy in force on the start date (base plus dated patches)."""

from __future__ import annotations

import datetime as dt

from yusuan.procurement.decision import Obligation, Reason
from yusuan.procurement.request import PurchaseRequest
from yusuan.reference.procurement import ClauseSource, Ruleset, source_of
from yusuan.reference.procurement_policies import policy


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
    # every layer that sets a period counts; the longest (the earliest deadline) applies
    periods: list[tuple[int, ClauseSource]] = []
    if rule.days_before_start is not None and rule.days_source is not None:
        periods.append((rule.days_before_start, rule.days_source))
    if national is not None:
        periods.append((int(national.values["days_before_start"]), source_of(national.values["source"])))
    if not periods:
        return [], [Reason("无采购意向公开期限数据 / no intention-disclosure period on that date")]
    days = max(d for d, _ in periods)
    sources = list(dict.fromkeys(s for d, s in periods if d == days))
    days_source = sources[0]
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
            also=tuple(sources[1:]),
        )
    ], reasons


def import_obligation(request: PurchaseRequest, ruleset: Ruleset) -> list[Obligation]:
    if not request.imported or ruleset.import_approval is None:
        return []
    statement = ruleset.import_approval
    return [Obligation("import_approval", statement.text, statement.source)]


def unverified(source: ClauseSource) -> bool:
    return not source.verified
