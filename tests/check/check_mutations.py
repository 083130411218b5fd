"""Plant one defect in a Disclosure: the operations the mutation cases (cases.yaml) name."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from yusuan.check.figures import find_row, total_row
from yusuan.model import (
    Amount,
    Cell,
    CellStatus,
    Disclosure,
    ReadProblem,
    ReadProblemKind,
    Row,
    Source,
    Table,
    Unit,
)
from yusuan.reference.profiles import load_profile
from yusuan.reference.roles import tag_roles


def _row(table: Table, wanted: str, side: str | None = None, nth: int = 1) -> Row:
    if nth > 1:  # the n-th line of that name (财政拨款收支总表 repeats 一、一般公共预算 under 结转)
        same = [r for r in table.iter_rows(side) if r.name.replace(" ", "").endswith(wanted)]
        return same[nth - 1]
    if wanted.isdigit():
        row = table.row_by_code(wanted)
    elif wanted == "合计":
        row = total_row(table, side)
    else:
        row = find_row(table, wanted, side)
    assert row is not None, f"{table.id}: no row {wanted!r}"
    return row


def set_cell(
    d: Disclosure, table: str, row: str, column: str, value: str, side: str | None = None, nth: int = 1
) -> None:
    t = d.tables[table]
    r = _row(t, row, side, nth)
    index = t.column_index(column)
    assert index is not None, f"{table}: no column {column}"
    old = r.cells[index]
    amount = Amount.parse(value, t.unit)
    r.cells[index] = Cell(
        value, amount, CellStatus.VALUE if amount else CellStatus.BLANK, old.source or r.source
    )


def set_unreadable(d: Disclosure, table: str, row: str, column: str, value: str) -> None:
    t = d.tables[table]
    r = _row(t, row)
    index = t.column_index(column)
    assert index is not None
    r.cells[index] = Cell(value, None, CellStatus.UNREADABLE, r.source)


def remove_row(d: Disclosure, table: str, row: str, side: str | None = None) -> None:
    t = d.tables[table]
    t.rows.remove(_row(t, row, side))


def rename_row(d: Disclosure, table: str, row: str, name: str) -> None:
    _row(d.tables[table], row).name = name


def remove_table(d: Disclosure, table: str) -> None:
    del d.tables[table]


def remove_contents_entry(d: Disclosure, table: str) -> None:
    """The 目录 entry naming the table taken out (the table stays printed)."""
    kept = [e for e in d.contents if e.table != table]
    assert len(kept) == len(d.contents) - 1, [e.table for e in d.contents]
    d.contents = kept


def set_title(d: Disclosure, table: str, old: str, new: str) -> None:
    t = d.tables[table]
    assert old in t.title, t.title
    t.title = t.title.replace(old, new)


def set_unit_name(d: Disclosure, table: str, value: str) -> None:
    d.tables[table].unit_name = f"单位名称: {value}"


def clear_notes(d: Disclosure, table: str) -> None:
    d.tables[table].notes.clear()


def add_note(d: Disclosure, table: str, note: str) -> None:
    d.tables[table].notes.append(note)


def replace_text(d: Disclosure, section: str, old: str, new: str) -> None:
    s = d.section(section)
    assert s is not None, section
    squeezed_old = old
    assert squeezed_old in s.text, f"{section}: {old!r} not in {s.text[:200]!r}"
    s.text = s.text.replace(old, new, 1)


def remove_section(d: Disclosure, section: str) -> None:
    d.sections = [s for s in d.sections if s.id != section]


def set_sheet(d: Disclosure, index: int, field: str, value: str) -> None:
    sheet = d.performance_targets[index]
    if field in ("amount_yuan", "annual_amount_yuan"):
        setattr(sheet, field, Amount.parse(value, Unit.YUAN))
    else:
        setattr(sheet, field, value)


def remove_sheet(d: Disclosure, index: int) -> None:
    del d.performance_targets[index]


def drop_indicators(d: Disclosure, index: int, level1: str) -> None:
    sheet = d.performance_targets[index]
    sheet.unreadable = []
    sheet.indicators = [
        i
        for i in sheet.indicators
        if i.level1 != level1 and not (level1 == "满意度指标" and "满意度" in i.level2)
    ]


def set_glossary(d: Disclosure, term: str, old: str, new: str) -> None:
    for i, entry in enumerate(d.glossary):
        if term in entry.term:
            assert old in entry.definition
            d.glossary[i] = replace(entry, definition=entry.definition.replace(old, new))
            return
    raise AssertionError(f"no glossary term {term}")


def clear_glossary(d: Disclosure) -> None:
    d.glossary = []


def set_procurement(d: Disclosure, field: str, value: str) -> None:
    assert d.procurement is not None
    setattr(d.procurement, field, Amount.parse(value, Unit.WAN))


def append_procurement_text(d: Disclosure, text: str) -> None:
    assert d.procurement is not None
    d.procurement.text += text


def set_vehicles(d: Disclosure, key: str, value: int) -> None:
    assert d.assets is not None
    d.assets.vehicles[key] = value


def add_problem(d: Disclosure, what: str, text: str, line: int) -> None:
    d.problems.append(ReadProblem(ReadProblemKind.UNREADABLE, what, text, Source(d.source_file, line=line)))


def set_unit(d: Disclosure, value: str) -> None:
    d.facts.unit = value


def set_year(d: Disclosure, year: int) -> None:
    d.facts.year = year


def clear_unit_line(d: Disclosure, table: str) -> None:
    d.tables[table].unit_line = None


def set_number(d: Disclosure, table: str, value: str) -> None:
    d.tables[table].number = value


def replace_assets_text(d: Disclosure, old: str, new: str) -> None:
    assert d.assets is not None and old in d.assets.text, old
    d.assets.text = d.assets.text.replace(old, new)


OPERATIONS: dict[str, Callable[..., None]] = {
    f.__name__: f
    for f in (
        set_cell,
        set_unreadable,
        remove_row,
        rename_row,
        remove_table,
        remove_contents_entry,
        set_title,
        set_unit_name,
        clear_notes,
        add_note,
        replace_text,
        remove_section,
        set_sheet,
        remove_sheet,
        drop_indicators,
        set_glossary,
        clear_glossary,
        set_procurement,
        append_procurement_text,
        set_vehicles,
        add_problem,
        set_unit,
        set_year,
        set_number,
        clear_unit_line,
        replace_assets_text,
    )
}


def mutate(disclosure: Disclosure, operations: dict[str, Any] | list[dict[str, Any]]) -> Disclosure:
    """A deep copy of the disclosure with the operations applied."""
    mutated = copy.deepcopy(disclosure)
    for step in operations if isinstance(operations, list) else [operations]:
        for name, args in step.items():
            OPERATIONS[name](mutated, **(args or {}))
    # the roles as a reader would tag the mutated rows (a renamed 合计 is no longer the total)
    tag_roles(mutated.tables.values(), load_profile(mutated.facts.profile), mutated.facts.unit)
    return mutated
