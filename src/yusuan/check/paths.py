"""A functional-classification path of the narrative ("一般公共服务支出（类）财政事务（款）行政运行（项）")
bound to the line of a table it names: by code first, then by the names of its 类, 款 and 项.

A 项 name recurs under many 款 (行政运行, 一般行政管理事务): the line is the one whose parent
lines carry the 类 and 款 names of the path. A name worded differently in the text (其它/其他,
or another wording of the same line under the same parent) still binds to that line; the
difference is returned so that it can be reported as a naming finding, never as an amount error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

from yusuan.check.figures import strip_number
from yusuan.model import Row, Table
from yusuan.reference.narrative import NarrativePatterns, squeeze

# "其中：2、" before a path: the words that lead into a list, then the item's number
_ENUMERATOR = re.compile(r"^(?:[^：:]*[：:])?(?:\d+[、.．]|[（(][一二三四五六七八九十]+[）)])?")
_LEADING_CODE = re.compile(r"^(\d{3}(?:\d{2}){0,2})")
Parts = list[tuple[int | None, str]]  # (level 0 类 / 1 款 / 2 项 or None, name) of a printed path
_SIMILAR = 0.6  # how alike two names under the same parent must be to be the same line


@dataclass(frozen=True)
class PathMatch:
    """The table line a narrative's 类/款/项 path names, or why none was found."""

    row: Row | None
    renamed: tuple[tuple[str, str], ...] = ()  # (name in the text, name in the table)
    reason: str = ""  # why no line was found


def split_path(path: str, patterns: NarrativePatterns) -> Parts:
    """(level, name) of each part: level 0 类, 1 款, 2 项 (sentences.yaml levels), None when the
    path gives no mark."""
    marks = [mark for mark, _ in patterns.levels]
    level_mark = re.compile(r"[（(](" + "|".join(map(re.escape, marks)) + r")[）)]")
    text = _ENUMERATOR.sub("", squeeze(path))
    parts: Parts = []
    position = 0
    for match in level_mark.finditer(text):
        name = text[position : match.start()]
        if name:
            parts.append((marks.index(match.group(1)), name))
        position = match.end()
    rest = text[position:]
    if rest:
        # "法院（款）一般行政事务管理" where the template holds the （项） outside the path: a last
        # name after a marked one is the level below it
        after = parts[-1][0] if parts else None
        below = after + 1 if after is not None and after + 1 < len(marks) else None
        parts.append((below, rest))
    return parts


def _level(row: Row, lengths: tuple[int, ...]) -> int | None:
    if row.code and row.code.isdigit() and len(row.code) in lengths:
        return lengths.index(len(row.code))
    return None


@dataclass(frozen=True)
class TableLines:
    """The lines of one side of a table by comparable name and by code (the first of a code)."""

    table: Table
    by_name: dict[str, list[Row]]
    by_code: dict[str, Row]


Lines = dict[tuple[int, str | None], TableLines]  # by id of the table and side


def _table_lines(
    table: Table, side: str | None, rows: list[Row], named: Callable[[Row], str], lines: Lines | None
) -> TableLines:
    key = (id(table), side)
    kept = lines.get(key) if lines is not None else None
    if kept is not None and kept.table is table:  # the entry holds its table: the id stays its
        return kept
    by_name: dict[str, list[Row]] = {}
    by_code: dict[str, Row] = {}
    for row in rows:
        by_name.setdefault(named(row), []).append(row)
        if row.code:
            by_code.setdefault(row.code, row)
    made = TableLines(table, by_name, by_code)
    if lines is not None:
        lines[key] = made
    return made


def find_by_path(
    table: Table,
    path: str,
    patterns: NarrativePatterns,
    side: str | None = None,
    confirms: Callable[[Row], bool] | None = None,
    names: dict[str, str] | None = None,
    lines: Lines | None = None,
) -> PathMatch:
    """The line of ``table`` that a printed path names; ``confirms`` says whether a line holds the
    amount the sentence states (used only for a name worded otherwise than the table's).

    ``names`` keeps each printed line name's comparable form between calls with the same
    ``patterns`` (a check run binds every path of the narrative against the same tables), and
    ``lines`` each table side's lines by that form and by code (the tables must not change
    between those calls)."""
    parts = split_path(path, patterns)
    lengths = tuple(length for _, length in patterns.levels)
    if not parts:
        return PathMatch(None, reason="科目名称为空 / empty name")
    rows = list(table.iter_rows(side))
    same = patterns.same_name
    known = names if names is not None else {}

    def named(row: Row) -> str:
        found = known.get(row.name)
        if found is None:
            found = known[row.name] = same(strip_number(row.name))
        return found

    index = _table_lines(table, side, rows, named, lines)
    code = _LEADING_CODE.match(parts[-1][1])
    if code:
        by_code = index.by_code.get(code.group(1))
        if by_code is not None:
            return PathMatch(by_code)
    level, name = parts[-1]
    wanted = same(name)

    def ancestors_fit(row: Row) -> bool:
        for part_level, part_name in parts[:-1]:
            if part_level is None or not row.code:
                continue
            parent = index.by_code.get(row.code[: lengths[part_level]])
            if parent is not None and named(parent) != same(part_name):
                return False
        return True

    candidates = [
        r for r in index.by_name.get(wanted, ()) if level is None or _level(r, lengths) in (level, None)
    ]
    fitting = [r for r in candidates if ancestors_fit(r)]
    if len(fitting) == 1:
        return PathMatch(fitting[0], _renamed(name, fitting[0]))
    if len(fitting) > 1:
        coded = {r.code for r in fitting}
        if len(coded) == 1:  # the same line printed twice (a table continued on the next page)
            return PathMatch(fitting[0])
        return PathMatch(None, reason=f"“{name}”对应多行（{'、'.join(sorted(str(c) for c in coded))}）")
    return _under_parent(parts, rows, patterns, lengths, confirms)


def _renamed(name: str, row: Row) -> tuple[tuple[str, str], ...]:
    printed = squeeze(strip_number(row.name))
    return ((name, printed),) if squeeze(name) != printed else ()


def _under_parent(
    parts: Parts,
    rows: list[Row],
    patterns: NarrativePatterns,
    lengths: tuple[int, ...],
    confirms: Callable[[Row], bool] | None,
) -> PathMatch:
    """A last name not found as printed: the most alike line under the parent the path names."""
    level, name = parts[-1]
    if level is None or len(parts) < 2 or parts[-2][0] is None:
        return PathMatch(None, reason=f"表中没有“{name}” / no line named {name}")
    parent_level, parent_name = parts[-2]
    parents = [
        r
        for r in rows
        if _level(r, lengths) == parent_level
        and patterns.same_name(strip_number(r.name)) == patterns.same_name(parent_name)
    ]
    children = [
        r
        for p in parents
        for r in rows
        if p.code and r.code and r.code.startswith(p.code) and _level(r, lengths) == level
    ]
    alike = [
        r
        for r in children
        if SequenceMatcher(None, patterns.same_name(name), patterns.same_name(r.name)).ratio() >= _SIMILAR
    ]
    # a name worded otherwise is that line only when its amount confirms it: a name alone that
    # merely resembles a line must never turn into an amount error
    confirmed = [r for r in alike if confirms is not None and confirms(r)]
    if len(confirmed) == 1:
        return PathMatch(confirmed[0], _renamed(name, confirmed[0]))
    # the name is a line at another level or under another parent ("卫生健康支出（款）计划生育事务
    # （项）" for the 款 21007 计划生育事务): the one line of that name, the path misnamed
    elsewhere = [
        r for r in rows if r.code and patterns.same_name(strip_number(r.name)) == patterns.same_name(name)
    ]
    if len({r.code for r in elsewhere}) == 1:
        row = elsewhere[0]
        return PathMatch(row, ((squeeze_path(parts, patterns), f"{row.code} {strip_number(row.name)}"),))
    return PathMatch(None, reason=f"表中“{parent_name}”下没有“{name}” / no line {name} under {parent_name}")


def squeeze_path(parts: Parts, patterns: NarrativePatterns) -> str:
    marks = [mark for mark, _ in patterns.levels]
    return "".join(f"{name}（{marks[level]}）" if level is not None else name for level, name in parts)
