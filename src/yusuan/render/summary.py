"""A readable plain-text summary of a Disclosure (what `yusuan parse` prints)."""

from __future__ import annotations

from yusuan.model import Disclosure


def summary_text(disclosure: Disclosure) -> str:
    facts = disclosure.facts
    lines = [
        f"单位 / unit: {facts.unit}",
        f"年度 / year: {facts.year}",
        f"类型 / kind: {facts.kind.value}  范围 / scope: {facts.scope.value}",
        f"模板 / profile: {facts.profile}  金额单位 / currency unit: {facts.currency_unit.value}",
    ]
    return "\n".join(lines) + "\n"
