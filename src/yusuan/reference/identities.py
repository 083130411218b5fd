"""Identities (data/identities/<kind>.yaml): the sums within and between tables, as data.

Three forms, each an equation ``head = part + part + …`` (docs/identities.md):

- ``columns``: within every row of a table, columns add up (``total = basic + project``);
- ``lines``: within one table, in every column, rows add up (``total = abroad + reception``);
  a row is named by its role, or ``items(side)`` / ``carried(side)``;
- ``figures``: cells of named tables agree (``overview[expenditure_subtotal].total =
  expenditure[total].total``); the rows ``[code]`` / ``[class]`` match line by line.

A term ending in ``?`` is optional: dropped where the table, row or column is absent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from yusuan.reference.paths import ReferenceError, data_dir, load_yaml, yaml_errors

FORMS = ("columns", "lines", "figures")
MATCHERS = ("code", "class")  # figures matched line by line: by code, or 类 lines by name
FUNCTIONS = ("items", "carried")  # lines of a side-by-side table: before / after its carry-over
SIDES = ("income", "expenditure")

_NAME = r"[a-z][a-z0-9_]*"
_ROWS = rf"{_NAME}(?:\((?:{'|'.join(SIDES)})\))?"
_TERM = {
    "columns": re.compile(rf"^(?P<column>{_NAME})(?P<optional>\?)?$"),
    "lines": re.compile(rf"^(?P<rows>{_ROWS})(?P<optional>\?)?$"),
    "figures": re.compile(
        rf"^(?P<table>{_NAME})\[(?P<rows>{_ROWS})\]\.(?P<column>{_NAME})(?P<optional>\?)?$"
    ),
}


@dataclass(frozen=True)
class Term:
    """One term of an identity: a table's rows (a role, codes or items) and a column."""

    table: str | None  # figures: the table id; else the identity's table
    rows: str | None  # a role, "code" / "class", or "items(side)" / "carried(side)"; None for columns
    column: str | None  # None for lines (every column)
    optional: bool = False
    negative: bool = False  # "- term": subtracted (columns form only)

    @property
    def function(self) -> tuple[str, str] | None:
        """("items", "income") for ``items(income)``; None for a role or a matcher."""
        if self.rows is None or "(" not in self.rows:
            return None
        name, side = self.rows.rstrip(")").split("(")
        return name, side

    def __str__(self) -> str:
        text = self.rows or self.column or ""
        if self.table is not None:
            text = f"{self.table}[{self.rows}].{self.column}"
        return ("- " if self.negative else "") + text + ("?" if self.optional else "")


@dataclass(frozen=True)
class Identity:
    """One identity a table must satisfy (head = sum of parts), from data/identities."""

    rule: str
    form: str
    head: Term
    parts: tuple[Term, ...]
    what: str
    what_en: str
    table: str = "*"  # columns / lines: the table id, or "*" for every table
    layout: str | None = None  # only tables of this layout
    unless: Term | None = None  # skipped when a cell of these rows is not zero
    without: tuple[str, ...] = ()  # only where the template prints no row of these roles
    described: bool = False  # True when the data gives `what`; else the message is built

    @property
    def text(self) -> str:
        return f"{self.head} = {' + '.join(str(p) for p in self.parts)}"


def _term(form: str, text: str, where: str) -> Term:
    match = _TERM[form].match(text.strip())
    if match is None:
        raise ReferenceError(f"{where}: 无法解析 {text!r} / cannot parse the term {text!r}")
    found = match.groupdict()
    rows = found.get("rows")
    if rows and "(" in rows and rows.split("(")[0] not in FUNCTIONS:
        raise ReferenceError(f"{where}: 未知函数 {rows!r} / unknown row function {rows!r}")
    return Term(found.get("table"), rows, found.get("column"), bool(found.get("optional")))


def _identity(raw: dict[str, Any], where: str) -> Identity:
    forms = [f for f in FORMS if f in raw]
    if len(forms) != 1 or "rule" not in raw:
        raise ReferenceError(f"{where}: 需要 rule 和 columns/lines/figures 之一 / need rule and one form")
    form = forms[0]
    equation = str(raw[form])
    if equation.count("=") != 1:
        raise ReferenceError(f"{where}: {equation!r} 应为 a = b + c / expected a = b + c")
    left, right = equation.split("=")
    if re.search(r"[+-]", left.strip()):
        raise ReferenceError(f"{where}: 等号左边只能有一项 / one term left of =")
    tokens = re.split(r"\s*([+-])\s*", "+" + right.strip())[1:]  # sign, term, sign, term …
    if "-" in tokens[::2] and form != "columns":
        raise ReferenceError(f"{where}: 减号只用于 columns / '-' only in the columns form")
    head = _term(form, left, where)
    parts = tuple(
        replace(_term(form, text, where), negative=sign == "-")
        for sign, text in zip(tokens[::2], tokens[1::2], strict=True)
    )
    matched = [t.rows in MATCHERS for t in (head, *parts)]
    if any(matched) and (not all(matched) or len(parts) != 1 or head.rows != parts[0].rows):
        raise ReferenceError(f"{where}: [code]/[class] 只能一对一 / [code] and [class] pair one term each")
    what = str(raw.get("what", equation))
    what_zh, _, what_en = what.partition(" / ")
    unless = _term("figures", str(raw["unless"]), where) if "unless" in raw else None
    without = raw.get("without", [])
    without = [without] if isinstance(without, str) else without
    return Identity(
        rule=str(raw["rule"]),
        form=form,
        head=head,
        parts=parts,
        what=what_zh.strip(),
        what_en=(what_en or what_zh).strip(),
        table=str(raw.get("table", "*")),
        layout=raw.get("layout"),
        unless=unless,
        without=tuple(str(r) for r in without),
        described="what" in raw,
    )


@cache
def load_identities(kind: str) -> tuple[Identity, ...]:
    """The identities of a kind of document (``budget`` | ``final_accounts``)."""
    path = data_dir() / "identities" / f"{kind}.yaml"
    if not path.is_file():
        raise ReferenceError(f"没有 {kind} 的勾稽关系数据 / no identities for {kind} ({path})")
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
        items = raw["identities"]
        return tuple(_identity(item, f"{path}: identities[{i}]") for i, item in enumerate(items))
    except yaml_errors(KeyError, TypeError, AttributeError) as exc:
        raise ReferenceError(f"{path}: 勾稽关系数据有误 / malformed identities: {exc}") from exc
