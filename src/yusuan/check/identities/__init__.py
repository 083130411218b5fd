"""The one interpreter of the identities declared in data/identities/<kind>.yaml.

A rule that checks identities calls ``evaluate(ctx, "<rule id>")``: every identity naming that
rule is evaluated on the disclosure with the precision-based tolerance of :mod:`.figures`.
An identity whose table, row role or column the template does not have does not apply (it is
not of this template); one whose table or row the reader did not find is reported as not
evaluated, naming what is missing. See docs/identities.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import CannotEvaluate, Context, DoesNotApply
from yusuan.check.identities.columns import evaluate_columns
from yusuan.check.identities.figures import evaluate_figures
from yusuan.check.identities.lines import evaluate_lines
from yusuan.check.identities.rows import Skip
from yusuan.model import Finding, NotEvaluated
from yusuan.reference.identities import Identity, load_identities
from yusuan.reference.paths import ReferenceError

__all__ = ["Outcome", "evaluate", "identities_for"]

Outcome = Finding | NotEvaluated


def identities_for(ctx: Context, rule: str) -> list[Identity]:
    kind = ctx.disclosure.facts.kind.value
    try:
        found = [i for i in load_identities(kind) if i.rule == rule]
    except ReferenceError as exc:
        raise CannotEvaluate(str(exc)) from None
    if not found:
        raise DoesNotApply(f"{kind} 的勾稽关系中没有 {rule} / no {rule} identities for {kind}")
    return found


def evaluate(ctx: Context, rule: str) -> Iterator[Outcome]:
    """Every identity of ``rule`` on the context's disclosure."""
    identities = identities_for(ctx, rule)
    yield from evaluate_columns(ctx, [i for i in identities if i.form == "columns"])
    for identity in identities:
        try:
            if identity.form == "lines":
                yield from evaluate_lines(ctx, identity)
            elif identity.form == "figures":
                yield from evaluate_figures(ctx, identity)
        except Skip:
            continue
