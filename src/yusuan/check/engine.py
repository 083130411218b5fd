"""The checker's engine: discovers the rules, runs them on a Disclosure, gathers a Report.

Rules live one per file under ``check/rules/<family>/<ID>_<name>.py``.  The file name gives
the rule id and its short name; the folder gives the family; the module docstring is the
user documentation (first line: what the rule checks, in Chinese; second line: in English;
then What / Why / Legal basis / Example).  A rule module defines one function::

    def check(ctx: Context) -> Iterator[Finding | NotEvaluated]

and may declare what it needs: ``KINDS = ("budget",)`` (the kinds of document it applies to;
default every kind) and ``TABLES = ("projects",)`` (the tables it reads). A table the template
does not have makes the rule not applicable; a table the reader did not find makes it not
evaluated; neither is a pass. A rule may also raise ``DoesNotApply`` itself.

It yields findings (the engine stamps them with the rule id) and, for whatever it could not
evaluate, ``NotEvaluated`` (or it raises ``CannotEvaluate``).  A rule that raises anything
else is reported as such and the run goes on.

Rule ids: one capital letter for the family and three digits (``A101``); see FAMILIES.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from types import ModuleType

from yusuan.check.context import CannotEvaluate, Context, DoesNotApply, NotApplicable
from yusuan.model import Disclosure, Finding, NotEvaluated, Severity

RULES_PACKAGE = "yusuan.check.rules"

# family folder -> (id letter, Chinese name, English name)
FAMILIES: dict[str, tuple[str, str, str]] = {
    "reading": ("R", "读取问题", "reading problems"),
    "completeness": ("C", "完整性", "completeness"),
    "document": ("D", "文件要素", "document facts"),
    "arithmetic": ("A", "表内运算", "arithmetic within a table"),
    "crosstable": ("X", "表间核对", "cross-table agreement"),
    "codes": ("K", "科目编码与名称", "classification codes and names"),
    "narrative": ("N", "文字说明与报表", "narrative against the tables"),
    "performance": ("P", "项目与绩效目标", "projects and performance targets"),
    "three_public": ("S", "三公经费与机关运行经费", "三公 and 机关运行经费"),
    "procurement": ("G", "政府采购与国有资产", "procurement and assets"),
    "final_accounts": ("F", "决算", "final accounts"),
    "crossyear": ("Y", "跨年度核对", "against the previous year's document"),
}

# Families whose rules need last year's document (Context.previous): without one they do not run.
NEEDS_PREVIOUS = frozenset({"crossyear"})

_FILE_NAME = re.compile(r"^(?P<id>[A-Z]\d{3})_(?P<name>[a-z0-9_]+)$")

RuleCheck = Callable[[Context], Iterable[Finding | NotEvaluated]]


@dataclass(frozen=True)
class Rule:
    """One check rule: id, name, family, documentation, its check function and needs."""

    id: str
    name: str
    family: str
    doc: str
    check: RuleCheck = field(compare=False, repr=False)
    kinds: tuple[str, ...] = ()  # the kinds of document it applies to; () for every kind
    tables: tuple[str, ...] = ()  # the tables it needs

    @property
    def summary(self) -> str:
        """The first line of the documentation: what the rule checks, in Chinese."""
        lines = self.doc.strip().splitlines()
        return lines[0].strip() if lines else self.name

    @property
    def summary_en(self) -> str:
        """The second line of the documentation: the same in English."""
        lines = self.doc.strip().splitlines()
        return lines[1].strip() if len(lines) > 1 and lines[1].strip() else self.name


@dataclass
class Report:
    """What one run of the checker found."""

    disclosure: Disclosure
    findings: list[Finding] = field(default_factory=list)
    not_evaluated: list[NotEvaluated] = field(default_factory=list)
    not_applicable: list[NotApplicable] = field(default_factory=list)
    rules_run: list[str] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def has_errors(self) -> bool:
        return self.count(Severity.ERROR) > 0


def _load(module: ModuleType, family: str, stem: str) -> Rule:
    match = _FILE_NAME.match(stem)
    letter = FAMILIES[family][0]
    if not match or not match.group("id").startswith(letter):
        raise ValueError(f"rule file {module.__name__}: name must be {letter}NNN_name")
    check = getattr(module, "check", None)
    if not callable(check):
        raise ValueError(f"rule file {module.__name__}: no check(ctx) function")
    kinds = tuple(getattr(module, "KINDS", ()))
    tables = tuple(getattr(module, "TABLES", ()))
    return Rule(match.group("id"), match.group("name"), family, module.__doc__ or "", check, kinds, tables)


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, discovered from the rules package, ordered by family then id."""
    found: list[Rule] = []
    package = importlib.import_module(RULES_PACKAGE)
    for family_info in pkgutil.iter_modules(package.__path__):
        if not family_info.ispkg or family_info.name not in FAMILIES:
            continue
        family_pkg = importlib.import_module(f"{RULES_PACKAGE}.{family_info.name}")
        for info in pkgutil.iter_modules(family_pkg.__path__):
            module = importlib.import_module(f"{family_pkg.__name__}.{info.name}")
            found.append(_load(module, family_info.name, info.name))
    order = list(FAMILIES)
    found.sort(key=lambda r: (order.index(r.family), r.id))
    ids = [r.id for r in found]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ValueError(f"duplicate rule ids: {sorted(duplicates)}")
    return tuple(found)


def rule_by_id(rule_id: str) -> Rule | None:
    wanted = rule_id.strip().upper()
    return next((r for r in all_rules() if r.id == wanted), None)


def _matches(rule: Rule, selector: str) -> bool:
    s = selector.strip()
    return s.upper() == rule.id or s.lower() == rule.family or (len(s) == 1 and s.upper() == rule.id[0])


def select_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    """Rules chosen by id, family folder name or family letter; unknown selectors raise."""
    select, ignore = list(select), list(ignore)
    for selector in [*select, *ignore]:
        if not any(_matches(r, selector) for r in all_rules()):
            raise KeyError(selector)
    chosen = [r for r in all_rules() if not select or any(_matches(r, s) for s in select)]
    return [r for r in chosen if not any(_matches(r, s) for s in ignore)]


def _applies(rule: Rule, ctx: Context) -> None:
    """Raise DoesNotApply / CannotEvaluate when the rule's declared kind or tables are not there."""
    kind = ctx.disclosure.facts.kind.value
    if rule.kinds and kind not in rule.kinds:
        raise DoesNotApply(
            f"只适用于 {'/'.join(rule.kinds)}，本文件为 {kind} / applies to {'/'.join(rule.kinds)}"
        )
    for table_id in rule.tables:
        ctx.require_table(table_id)


def _run_one(rule: Rule, ctx: Context) -> Iterator[Finding | NotEvaluated | NotApplicable]:
    try:
        _applies(rule, ctx)
        outcomes = list(rule.check(ctx))
    except DoesNotApply as exc:
        yield NotApplicable(rule.id, exc.reason)
        return
    except CannotEvaluate as exc:
        yield NotEvaluated(rule.id, exc.reason)
        return
    except Exception as exc:  # a broken rule must not stop the run
        yield NotEvaluated(rule.id, f"规则运行出错 / rule raised {type(exc).__name__}: {exc}")
        return
    merged: dict[tuple[object, ...], Finding] = {}
    for outcome in outcomes:
        if isinstance(outcome, NotEvaluated):
            yield NotEvaluated(rule.id, outcome.reason)
            continue
        evidence = outcome.evidence
        if evidence.expected and evidence.expected == evidence.actual:
            continue  # a finding whose expected and actual agree says nothing
        # one cause printed in many places (a page printed twice) is one finding listing them
        key = (outcome.severity, outcome.message, evidence, outcome.hint)
        if key in merged:
            places = merged[key].locations + tuple(
                p for p in outcome.locations if p not in merged[key].locations
            )
            merged[key] = replace(merged[key], locations=places)
        else:
            merged[key] = replace(outcome, rule=rule.id)
    yield from merged.values()


def run(ctx: Context, rules: Iterable[Rule] | None = None) -> Report:
    """Run the rules (all by default) on the context's disclosure."""
    report = Report(ctx.disclosure)
    for rule in all_rules() if rules is None else rules:
        if rule.family in NEEDS_PREVIOUS and ctx.previous is None:
            continue
        report.rules_run.append(rule.id)
        for outcome in _run_one(rule, ctx):
            if isinstance(outcome, NotApplicable):
                report.not_applicable.append(outcome)
            elif isinstance(outcome, NotEvaluated):
                report.not_evaluated.append(outcome)
            else:
                report.findings.append(outcome)
    return report
