"""The narrative's claims, each bound (where the sentence patterns say so) to a table cell."""

from __future__ import annotations

from dataclasses import dataclass

from yusuan.check.context import Context
from yusuan.check.figures import cell_location, compare, find_row, src_location, strip_number, total_row
from yusuan.check.paths import find_by_path
from yusuan.model import Amount, Location, Row, Section, Table
from yusuan.reference.narrative import Binding, Claim

# The sentence forms (data/shared/sentences.yaml, data/templates/*/narrative.yaml) whose claim states
# an amount of money, as opposed to a share, a change or a count.
AMOUNT_PATTERNS = ("amount", "amount_share", "amount_yuan", "amount_share_yuan", "item", "item_with_previous")


@dataclass(frozen=True)
class Target:
    """The cell a claim refers to."""

    table: Table
    row: Row
    column: str

    @property
    def amount(self) -> Amount | None:
        return self.row.amount(self.table, self.column)

    @property
    def location(self) -> Location:
        return cell_location(self.table, self.row, self.column)


@dataclass(frozen=True)
class SectionClaim:
    """A claim of a section's text and the table cell it speaks of, if any."""

    section: Section
    claim: Claim
    target: Target | None
    binding: Binding | None
    renamed: tuple[tuple[str, str], ...] = ()  # (name in the text, name in the table) of an item
    why_unbound: str = ""  # why no cell was found, when there is none

    @property
    def location(self) -> Location:
        return src_location(self.section.source, section=self.section.id, sentence=self.claim.sentence[:80])


def _row(table: Table, binding: Binding, label: str) -> Row | None:
    if binding.row == "合计":
        return total_row(table, binding.side)
    if binding.by_row_name:
        best: Row | None = None
        for row in table.iter_rows(binding.side):
            name = strip_number(row.name).replace(" ", "")
            if name and label.endswith(name) and (best is None or len(name) > len(strip_number(best.name))):
                best = row
        return best
    return find_row(table, binding.row, binding.side)


@dataclass(frozen=True)
class SectionClaimParts:
    """The cell a claim resolves to, or why it resolves to none."""

    target: Target | None = None
    binding: Binding | None = None
    renamed: tuple[tuple[str, str], ...] = ()
    why: str = ""


def resolve(ctx: Context, section_id: str, claim: Claim) -> SectionClaimParts:
    """The cell a claim speaks of, or why there is none."""
    patterns = ctx.narrative
    if patterns is None:
        return SectionClaimParts(why="没有句式数据 / no sentence patterns")
    path = claim.values.get("path")
    binding = patterns.bind(section_id, claim.label)
    if path is not None:
        by_name = [b for b in patterns.bindings.get(section_id, ()) if b.by_row_name]
        binding = next((b for b in by_name if b.paths), by_name[0] if by_name else None)
    if binding is None:
        return SectionClaimParts(why="说明此处的金额没有对应的表格 / the sentence names no table")
    table = ctx.disclosure.table(binding.table)
    if table is None:
        return SectionClaimParts(binding=binding, why=f"没有读到表 {binding.table} / table not read")
    if table.column_index(binding.column) is None:
        return SectionClaimParts(binding=binding, why=f"表 {binding.table} 没有此列 / no such column")
    if path is not None:
        stated = claim.amount(patterns.unit)

        def confirms(row: Row) -> bool:
            return compare(stated, [row.amount(table, binding.column)], patterns.unit).within_rounding

        names = ctx.shared.setdefault("path_line_names", {})
        assert isinstance(names, dict)
        lines = ctx.shared.setdefault("path_lines", {})
        assert isinstance(lines, dict)
        found = find_by_path(table, path, patterns, binding.side, confirms, names, lines)
        if found.row is None:
            return SectionClaimParts(binding=binding, why=found.reason)
        return SectionClaimParts(Target(table, found.row, binding.column), binding, found.renamed)
    row = _row(table, binding, claim.label)
    if row is None:
        return SectionClaimParts(binding=binding, why=f"表 {binding.table} 中没有此行 / no such line")
    return SectionClaimParts(Target(table, row, binding.column), binding)


def section_claims(ctx: Context) -> list[SectionClaim]:
    """Every claim of every section, in reading order, with its target cell when bound.

    Read once per check run: the narrative rules all start from it.
    """
    cached = ctx.shared.get("section_claims")
    if isinstance(cached, list):
        return list(cached)
    patterns = ctx.require_narrative()
    out: list[SectionClaim] = []
    for section in ctx.disclosure.sections:
        for claim in patterns.claims(section.text):
            bound = resolve(ctx, section.id, claim)
            out.append(SectionClaim(section, claim, bound.target, bound.binding, bound.renamed, bound.why))
    ctx.shared["section_claims"] = out
    return list(out)
