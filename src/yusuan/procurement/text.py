"""Plain-text forms of a decision and a splitting report, for the terminal (Chinese first)."""

from __future__ import annotations

from typing import Any

ROUTE_NAMES = {
    "centralized_agency": "集中采购机构采购 / centralised agency",
    "department_centralized": "部门集中采购 / department centralised",
    "decentralized": "分散采购 / decentralised",
    "outside_law": "不适用政府采购法 / outside the procurement law",
    "review_required": "需人工判断 / review required",
}
MODE_NAMES = {
    "framework_agreement": "框架协议采购 / framework agreement",
    "project": "项目采购 / project procurement",
}


def _yes(value: bool | None) -> str:
    return {True: "是 / yes", False: "否 / no", None: "—"}[value]


def decision_text(decision: dict[str, Any]) -> str:
    lines = [f"采购途径 / route: {ROUTE_NAMES[decision['route']]}"]
    if decision["review_reason"]:
        lines.append(f"原因 / why: {decision['review_reason']}")
    else:
        item = decision.get("item") or {}
        lines.append(f"品目 / item: {item.get('scheme')} {item.get('code') or ''} {item.get('name') or ''}")
        lines.append(f"适用政府采购法 / in scope: {_yes(decision['in_scope'])}")
        if decision["mode"]:
            lines.append(f"方式 / mode: {MODE_NAMES[decision['mode']]}")
        if decision["second_stage"] is not None:
            lines.append(f"二次竞争 / second-stage competition: {_yes(decision['second_stage'])}")
        lines.append(f"须公开招标 / public tender: {_yes(decision['public_tender_required'])}")
        lines.append(
            "改用其他方式须事先批准 / approval for another method: "
            + _yes(decision["approval_needed_for_other_method"])
        )
        for obligation in decision["obligations"]:
            lines.append(
                f"义务 / obligation [{obligation['kind']}]: {obligation['text']}"
                f"  —— {'；'.join(obligation.get('sources') or [obligation['source']])}"
            )
    lines.append("依据 / reasons:")
    for reason in decision["reasons"]:
        source = f"  —— {reason['source']}" if reason["source"] else ""
        lines.append(f"  - {reason['text']}{source}")
    return "\n".join(lines) + "\n"


def splitting_text(report: dict[str, Any]) -> str:
    lines = [
        f"{report['file']}: {report['rows']} 行，检查 {report['groups_checked']} 组，"
        f"发现 {len(report['findings'])} 处疑似化整为零 / {len(report['findings'])} finding(s)"
    ]
    for finding in report["findings"]:
        lines.append(f"[{finding['severity']}] {finding['message']}")
        lines.append(f"    {finding['hint']}")
    for item in report["not_evaluated"]:
        lines.append(f"[未检查 / not evaluated] {item['reason']}")
    return "\n".join(lines) + "\n"


MATCHED = {"name": "名称", "synonym": "常用名", "note": "说明"}


def search_text(result: dict[str, Any]) -> str:
    """One line per item; ★ marks an item a province's 集中采购目录 holds; a cut list says so."""
    lines: list[str] = []
    for item in result["items"]:
        how = MATCHED[item["matched"]] + (f"“{item['via']}”" if item.get("via") else "")
        mark = "★" if item["in_catalogue"] else " "
        line = f"{mark} {item['scheme']}  {item['code']:<12} {item['name']}  （{how}）"
        for where in item["in_catalogue"]:
            line += f"  [{where['jurisdiction']}集中采购目录 {where['entry']} {where['valid']}"
            line += f"；条件：{where['condition']}]" if where.get("condition") else "]"
        lines.append(line)
    if not lines:
        return "无匹配 / no match\n"
    lines.append("★ = 在省级集中采购目录内 / in a province's centralised catalogue")
    if result["truncated"]:
        lines.append(
            f"共 {result['total']} 项，只列出前 {result['shown']} 项 / {result['total']} found, "
            f"{result['shown']} shown: 请缩小查询 / narrow the query"
        )
    return "\n".join(lines) + "\n"
