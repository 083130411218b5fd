"""Decide how a planned purchase must be bought, from dated rulesets, citing every clause used.

Order: budget and level -> the ruleset for region and date -> the 品目 and its catalogue status
-> route (centralised agency, decentralised, outside the law) -> mode (framework agreement or
project; second-stage competition) -> public tender and prior approval -> obligations. Wherever
the data cannot decide, the answer is ``review_required`` with the reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from yusuan.procurement.codes import (
    CatalogueMatch,
    Refusal,
    ResolvedCode,
    describe,
    entry_by_name,
    match_catalogue,
    object_of,
    resolve_code,
    resolve_item,
)
from yusuan.procurement.decision import Decision, Obligation, Reason, review
from yusuan.procurement.obligations import import_obligation, intention_obligation
from yusuan.procurement.request import PurchaseRequest
from yusuan.procurement.sme import sme_obligations
from yusuan.reference.procurement import (
    LEVEL_NAMES,
    LEVELS,
    OBJECT_NAMES,
    Ruleset,
    Threshold,
    rulesets,
    threshold_of,
)
from yusuan.reference.procurement_policies import policy


def find_ruleset(region: str, day: dt.date) -> tuple[Ruleset | None, str]:
    """The most specific ruleset covering ``region`` on ``day``; else None and why."""
    covering = [r for r in rulesets() if r.covers_region(region)]
    valid = [r for r in covering if r.valid_on(day)]
    if valid:
        return max(valid, key=lambda r: len(r.jurisdiction_code.rstrip("0"))), ""
    if covering:
        spans = "；".join(f"{r.jurisdiction_name} {r.valid_from}—{r.valid_to}" for r in covering)
        later = sorted({r.successor for r in covering if r.successor and day > r.valid_to})
        look_for = f"；请查找后续文件：{'；'.join(later)}" if later else ""
        return None, (
            f"{day} 不在任何适用于地区 {region} 的规则集有效期内（已有：{spans}）{look_for}"
            f" / no ruleset for region {region} on {day}"
            + (" — look for the successor document named above" if later else "")
        )
    known = "、".join(sorted({f"{r.jurisdiction_code} {r.jurisdiction_name}" for r in rulesets()}))
    return None, f"地区 {region} 没有规则集（已有：{known}）/ no ruleset for region {region}"


def _law(key: str) -> Reason:
    clause = policy("cn-law").clause(key)
    return Reason(clause.text, clause.source)


def _boundary(amount: Decimal, threshold: Threshold) -> list[Reason]:
    """At exactly the threshold, say how the wording decides (民法典 art. 1259)."""
    if amount != threshold.amount:
        return []
    law = policy("cn-law").clause("boundary_words")
    text = f"金额恰好等于 {threshold.amount:,} 元：原文“{threshold.wording}”，按 {threshold.comparison} 处理"
    if threshold.overlap:
        text += f"；同文“{threshold.overlap}”在此金额与之重叠，取“达到”一条"
    return [Reason(text, threshold.source), Reason(law.text, law.source)]


def _one(thresholds: list[Threshold], what: str) -> Threshold | Refusal:
    if len(thresholds) == 1:
        return thresholds[0]
    if not thresholds:
        return Refusal(f"规则集没有{what} / the ruleset has no {what}")
    return Refusal(f"规则集的{what}不唯一 / more than one {what}")


def tender_threshold(ruleset: Ruleset, object_: str, request: PurchaseRequest) -> Threshold | Refusal:
    own = [t for t in ruleset.public_tender if t.applies(object_)]
    if own:
        return _one(own, "公开招标数额标准")
    values = policy("cn-works-tender").values_on(request.date)
    if values is None:
        return Refusal(
            f"{request.date} 无{OBJECT_NAMES[object_]}公开招标数额数据 / no tender threshold on that date"
        )
    national = [threshold_of(e) for e in values.values["public_tender"] if e["object"] == object_]
    return _one(national, "公开招标数额标准")


def _identify(
    request: PurchaseRequest, ruleset: Ruleset
) -> tuple[CatalogueMatch, ResolvedCode | None] | Refusal:
    if request.code is not None:
        resolved = resolve_code(request.code, request.scheme)
        if isinstance(resolved, Refusal):
            return resolved
        return match_catalogue(ruleset, resolved), resolved
    assert request.item is not None
    by_name = entry_by_name(ruleset, request.item)
    if by_name is not None:
        return by_name, None
    resolved = resolve_item(request.item)
    if isinstance(resolved, Refusal):
        return resolved
    return match_catalogue(ruleset, resolved), resolved


def decide(request: PurchaseRequest) -> Decision:
    if request.budget == "central":
        catalogue = policy("cn-law").clause("central_catalogue")
        return review(
            f"{catalogue.text}（{catalogue.source.cite()}）"
            " / central budget rules not bundled: see that document",
            [_law("central_budget"), Reason(catalogue.text, catalogue.source)],
        )
    if request.level not in LEVELS:
        return review(
            f"采购人级次 {request.level!r} 未知（应为 province 省级 | prefecture 设区的市级 | county 县级）"
            f" / unknown purchaser level {request.level!r}"
        )
    ruleset, why = find_ruleset(request.region, request.date)
    if ruleset is None:
        return review(why, [_law("local_rules")])
    chain = ruleset.chain
    reasons = [
        Reason(
            f"适用规则集：{ruleset.title}（{ruleset.jurisdiction_name}，{ruleset.valid_from}—{ruleset.valid_to}）",
            ruleset.valid_source,
        )
    ]
    reasons.extend(Reason(f"覆盖规则替代上级规定：{r.text}", r.source) for r in ruleset.replaced)
    if request.level not in ruleset.levels:
        return review(f"规则集不含级次 {LEVEL_NAMES[request.level]} / level not covered", reasons, chain)

    identified = _identify(request, ruleset)
    if isinstance(identified, Refusal):
        return review(identified.reason, reasons, chain)
    match, resolved = identified
    item = (
        describe(resolved)
        if resolved
        else {"scheme": ruleset.code_scheme, "code": match.entry_code, "name": match.entry_name}
    )
    if resolved is not None and not resolved.checked:
        reasons.append(
            Reason(
                f"2013年编码 {resolved.code} 不在收录清单中，只按编码前缀判断 / code not in the bundled list"
            )
        )
    if match.status == "review":
        return review(match.reason, reasons, chain)
    settled = _settle_catalogue(request, ruleset, match, reasons)
    if isinstance(settled, Refusal):
        return review(settled.reason, reasons, chain)
    match = settled

    object_ = object_of(resolved) if resolved else _object_of_entry(match, request)
    if request.object is not None and object_ is not None and request.object != object_:
        return review(
            f"采购对象 {request.object} 与品目编码的门类（{OBJECT_NAMES[object_]}）不符"
            " / object contradicts the code",
            reasons,
            chain,
        )
    object_ = object_ or request.object
    if object_ is None:
        return review("无法确定采购对象（货物/工程/服务）/ goods, works or services unknown", reasons, chain)

    return _decide_route(request, ruleset, match, object_, reasons, item)


def _settle_catalogue(
    request: PurchaseRequest, ruleset: Ruleset, match: CatalogueMatch, reasons: list[Reason]
) -> CatalogueMatch | Refusal:
    """A 表注3 exemption the buyer states takes the purchase out of the catalogue (or lets the
    purchaser organise it); a catalogue entry's condition (限不锈钢) is asked, never ignored."""
    exemption = None
    if request.catalogue_exemption is not None:
        found = [e for e in ruleset.catalogue_exemptions if e.key == request.catalogue_exemption]
        if not found:
            return Refusal(
                f"规则集 {ruleset.title} 没有目录例外 {request.catalogue_exemption!r}"
                f" / the ruleset has no catalogue exemption {request.catalogue_exemption!r}"
            )
        exemption = found[0]
        reasons.append(Reason(exemption.text, exemption.source))
    if match.status != "in":
        return match
    if exemption is not None and exemption.effect == "outside_catalogue":
        return CatalogueMatch("out", reason=f"{match.reason}；按表注例外不适用集中采购目录")
    if match.condition:
        if request.catalogue_condition is None:
            return Refusal(
                f"{match.reason}；目录条件：{match.condition}？请用 --catalogue-condition yes|no 回答"
                " / the catalogue entry has a condition: answer --catalogue-condition yes|no"
            )
        answer = "是" if request.catalogue_condition else "否"
        reasons.append(Reason(f"目录条件：{match.condition}——采购人答：{answer}", ruleset.catalogue_source))
        if not request.catalogue_condition:
            return CatalogueMatch("out", reason=f"{match.reason}；不符合目录条件，不属于该目录品目")
    if exemption is not None:  # purchaser_or_agency
        return replace(match, status="purchaser_or_agency")
    return match


def _object_of_entry(match: CatalogueMatch, request: PurchaseRequest) -> str | None:
    code = match.entry_code or match.entry_code_2022
    if code:
        return {"A": "goods", "B": "works", "C": "services"}[code[0]]
    return request.object


def _decide_route(
    request: PurchaseRequest,
    ruleset: Ruleset,
    match: CatalogueMatch,
    object_: str,
    reasons: list[Reason],
    item: dict[str, str | None],
) -> Decision:
    chain = ruleset.chain
    amount = request.amount
    limit = _one(
        [t for t in ruleset.decentralized_limits if t.applies(object_, request.level)], "分散采购限额标准"
    )
    if isinstance(limit, Refusal):
        return review(limit.reason, reasons, chain)
    tender = tender_threshold(ruleset, object_, request)
    if isinstance(tender, Refusal):
        return review(tender.reason, reasons, chain)

    mode: str | None = None
    second_stage: bool | None = None
    obligations: list[Obligation] = []
    if match.status == "in":
        route = "centralized_agency"
        reasons.append(Reason(match.reason, ruleset.catalogue_source))
        if match.entry_note:
            reasons.append(Reason(f"目录备注 / catalogue note：{match.entry_note}", ruleset.catalogue_source))
        reasons.append(_law("centralized_agency"))
        mode, second_stage = _framework(request, ruleset, match, object_, reasons, obligations)
        if request.department_centralized:
            reasons.append(
                Reason(
                    "品目在集中采购机构采购目录内，由集中采购机构采购，不作部门集中采购"
                    " / the agency catalogue prevails"
                )
            )
    elif match.status == "purchaser_or_agency":
        # 表注3: in the catalogue, so in scope at any amount; organised by the purchaser or the agency
        route = "decentralized"
        reasons.append(
            Reason(
                f"{match.reason}；由采购人自行组织或委托集中采购机构实施，不强制委托集中采购机构"
                " / the purchaser may organise it or entrust the agency",
                ruleset.catalogue_source,
            )
        )
        mode = "project"
    elif request.department_centralized:
        statement = ruleset.department_centralized
        if statement is None:
            return review(
                "规则集没有部门集中采购的规定 / the ruleset has no department-centralised rule",
                reasons,
                chain,
            )
        route = "department_centralized"
        reasons.append(Reason(f"{match.reason}；采购人称该品目属本部门集中采购品目", statement.source))
        reasons.append(Reason(statement.text, statement.source))
        reasons.append(_law("department_centralized"))
        mode = "project"
    elif limit.met(amount):
        route = "decentralized"
        reasons.append(Reason(f"{match.reason}；金额 {amount:,} 元 {limit.describe()}", limit.source))
        reasons.extend(_boundary(amount, limit))
        reasons.append(_law("decentralized"))
        mode = "project"
    else:
        reasons.append(
            Reason(f"{match.reason}；金额 {amount:,} 元未达分散采购限额（{limit.describe()}）", limit.source)
        )
        reasons.append(_law("scope"))
        return Decision(
            route="outside_law",
            in_scope=False,
            public_tender_required=False,
            approval_needed_for_other_method=False,
            reasons=tuple(reasons),
            ruleset=chain,
            item=item,
        )

    tender_required = mode == "project" and tender.met(amount)
    reasons.append(
        Reason(
            f"公开招标：金额 {amount:,} 元，{tender.describe()}，"
            f"{'须' if tender_required else '无须'}公开招标",
            tender.source,
        )
    )
    reasons.extend(_boundary(amount, tender))
    approval = False
    if tender_required:
        if object_ == "works":
            reasons.append(_law("works_bidding_law"))
        else:
            approval = True
            reasons.append(_law("tender_approval"))
            if ruleset.other_method_approval:
                reasons.append(
                    Reason(ruleset.other_method_approval.text, ruleset.other_method_approval.source)
                )
        if ruleset.no_splitting:
            obligations.append(
                Obligation("no_splitting", ruleset.no_splitting.text, ruleset.no_splitting.source)
            )
    elif object_ == "works" and mode == "project":
        reasons.append(_law("works_other_methods"))

    sme, sme_reasons = sme_obligations(request, object_, ruleset, tender, mode)
    intention, intention_reasons = intention_obligation(request, ruleset, mode)
    obligations.extend([*sme, *intention, *import_obligation(request, ruleset)])
    reasons.extend([*sme_reasons, *intention_reasons])
    return Decision(
        route=route,
        in_scope=True,
        mode=mode,
        second_stage=second_stage,
        public_tender_required=tender_required,
        approval_needed_for_other_method=approval,
        obligations=tuple(obligations),
        reasons=tuple(reasons),
        ruleset=chain,
        item=item,
    )


def _framework(
    request: PurchaseRequest,
    ruleset: Ruleset,
    match: CatalogueMatch,
    object_: str,
    reasons: list[Reason],
    obligations: list[Obligation],
) -> tuple[str, bool | None]:
    ceilings = [t for t in ruleset.framework_ceilings if t.applies(object_)]
    specific = [t for t in ceilings if match.entry_code and match.entry_code in t.items]
    general = specific or [t for t in ceilings if not t.items]
    ceiling = general[0] if general else None
    if ceiling is None or not ceiling.met(request.amount):
        if ceiling is not None:
            reasons.append(
                Reason(
                    f"金额 {request.amount:,} 元超出框架协议采购范围（{ceiling.describe()}），按项目采购",
                    ceiling.source,
                )
            )
        return "project", None
    reasons.append(Reason(f"框架协议采购：金额 {request.amount:,} 元 {ceiling.describe()}", ceiling.source))
    reasons.extend(_boundary(request.amount, ceiling))
    if ruleset.framework_pending:
        obligations.append(
            Obligation(
                "framework_rules_pending", ruleset.framework_pending.text, ruleset.framework_pending.source
            )
        )
    stage = [t for t in ruleset.second_stage if t.applies(object_)]
    if len(stage) != 1:
        return "framework_agreement", None
    line = stage[0]
    second = line.met(request.amount)
    reasons.append(
        Reason(
            f"{'二次竞争' if second else '直接选定'}：金额 {request.amount:,} 元，"
            f"二次竞争线 {line.describe()}",
            line.source,
        )
    )
    reasons.extend(_boundary(request.amount, line))
    return "framework_agreement", second
