"""What a rule sees: the disclosure, its profile, the code list, the sentence patterns, options."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from yusuan.model import Disclosure, Evidence, Finding, Location, NotEvaluated, Severity, Table
from yusuan.model.unit_type import UnitType
from yusuan.reference.codes import CodeList, load_code_list
from yusuan.reference.narrative import NarrativePatterns, load_narrative
from yusuan.reference.paths import ReferenceError
from yusuan.reference.profiles import Profile, load_profile


class DoesNotApply(Exception):
    """Raised by a rule whose input the template does not have (a table, a row, a kind)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class NotApplicable:
    """A rule that does not apply to this document's template or kind, and why."""

    rule: str
    reason: str


class CannotEvaluate(Exception):
    """Raised by a rule whose input is missing: the engine reports it as NotEvaluated."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# Names of 项 that tell the kind of unit: 行政运行 (行政单位/参公) against 事业运行 (事业单位).
_RUNNING_NAMES = {"行政运行": UnitType.ADMINISTRATIVE, "事业运行": UnitType.PUBLIC_INSTITUTION}


@dataclass
class Context:
    """What the rules read: the disclosure, options, last year's document, shared results."""

    disclosure: Disclosure
    unit_type_option: UnitType | None = None
    # Last year's document of the same unit (cross-year rules run only when it is given).
    previous: Disclosure | None = None
    # What several rules derive from the same Disclosure (the narrative's claims …), computed once.
    shared: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def profile(self) -> Profile | None:
        try:
            return load_profile(self.disclosure.facts.profile)
        except ReferenceError:
            return None

    @cached_property
    def codes(self) -> CodeList:
        return load_code_list(self.disclosure.facts.year)

    @cached_property
    def narrative(self) -> NarrativePatterns | None:
        try:
            return load_narrative(self.disclosure.facts.profile)
        except ReferenceError:
            return None

    def require_profile(self) -> Profile:
        if self.profile is None:
            raise CannotEvaluate(
                f"没有地区模板 {self.disclosure.facts.profile!r} / "
                f"no profile {self.disclosure.facts.profile!r}"
            )
        return self.profile

    def require_narrative(self) -> NarrativePatterns:
        if self.narrative is None:
            raise CannotEvaluate(
                f"没有 {self.disclosure.facts.profile!r} 的句式数据 / no sentence patterns for this profile"
            )
        return self.narrative

    def in_template(self, table_id: str) -> bool:
        """True when the template has this table (or when the template is unknown)."""
        return self.profile is None or self.profile.table(table_id) is not None

    def require_table(self, table_id: str) -> Table:
        """The table; DoesNotApply when the template has none, CannotEvaluate when it was not read."""
        table = self.disclosure.table(table_id)
        if table is not None:
            return table
        if not self.in_template(table_id):
            profile = self.disclosure.facts.profile
            raise DoesNotApply(
                f"模板 {profile} 没有表 {table_id} / template {profile} has no table {table_id}"
            )
        raise CannotEvaluate(f"未读到表 {table_id} / table {table_id} not found in the document")

    def require_previous(self) -> Disclosure:
        if self.previous is None:
            raise CannotEvaluate("没有上年文件 / no previous year's document")
        return self.previous

    @property
    def year(self) -> int | None:
        return self.disclosure.facts.year

    @property
    def unit_name(self) -> str:
        return self.disclosure.facts.unit

    def unit_type(self) -> tuple[UnitType | None, str]:
        """The unit's kind (行政/参公/事业) and how it was known: the option or the codes used."""
        if self.unit_type_option is not None:
            return self.unit_type_option, "由选项指定 / given as an option"
        for table_id in ("expenditure", "general_expenditure", "income"):
            table = self.disclosure.table(table_id)
            if table is None:
                continue
            for row in table.rows:
                kind = _RUNNING_NAMES.get(row.name.strip())
                if kind is not None and row.code:
                    how = f"据科目 {row.code} {row.name} 推断 / inferred from {row.code} {row.name}"
                    return kind, how
        return None, "无法推断 / cannot infer"


def issue(
    severity: Severity,
    message: str,
    message_en: str,
    *locations: Location,
    evidence: Evidence | None = None,
    hint: str = "",
) -> Finding:
    """A finding; the engine fills in the rule id."""
    return Finding(
        rule="",
        severity=severity,
        message=message,
        message_en=message_en,
        locations=tuple(locations),
        evidence=evidence or Evidence(),
        hint=hint,
    )


def not_evaluated(reason: str) -> NotEvaluated:
    """A part of a rule that could not be evaluated; the engine fills in the rule id."""
    return NotEvaluated("", reason)
