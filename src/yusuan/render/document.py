"""The document as an ordered list of blocks: part headings, tables, sections, sheets, glossary.

HTML, DOCX and XLSX walk the same blocks, in the profile's order, so the formats hold the same
content. Blocks carry text and grids only; no figure is computed here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from yusuan.model import Disclosure, GlossaryEntry, PerformanceTarget, Section, Table
from yusuan.reference.paths import ReferenceError
from yusuan.reference.profiles import Profile, load_profile
from yusuan.reference.templates import TemplateForm, load_template_form
from yusuan.render.chart import ChartBlock, chart_block
from yusuan.render.grid import Grid, table_grid
from yusuan.render.performance import performance_grid

WIDE_COLUMNS = 7  # a table with more columns is set on a landscape page
GENERIC_FORM = "default"  # data/templates/default.yaml


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1: part (第一部分), 2: section (一、本单位职责)
    part: str = ""  # the part's id (tables, performance …) for a level-1 heading


@dataclass(frozen=True)
class Paragraphs:
    lines: tuple[str, ...]


@dataclass(frozen=True)
class TableBlock:
    id: str
    number: str
    title: str
    unit_name: str  # the full line, "单位名称：…"
    unit: str  # the full line, "单位：万元"
    grid: Grid
    notes: tuple[str, ...] = ()

    @property
    def wide(self) -> bool:
        return self.grid.n_columns > WIDE_COLUMNS


Block = Heading | Paragraphs | TableBlock | ChartBlock


@dataclass
class Document:
    title: str
    unit: str
    year: int | None
    blocks: list[Block] = field(default_factory=list)

    def tables(self) -> list[TableBlock]:
        return [b for b in self.blocks if isinstance(b, TableBlock)]


def _table_block(table: Table, profile: Profile | None, form: TemplateForm, year: int | None) -> TableBlock:
    spec = profile.table(table.id) if profile is not None else None
    return TableBlock(
        id=table.id,
        number=table.number or "",
        title=table.title,
        unit_name=form.unit_name_line.format(unit=table.unit_name or ""),
        unit=form.unit_line.format(unit=table.unit.value),
        grid=table_grid(table, spec, form.table(table.id), year),
        notes=tuple(table.notes),
    )


def _section_heading(section: Section, profile: Profile | None) -> str:
    spec = profile.section(section.id) if profile is not None else None
    return f"{spec.number}、{section.title}" if spec is not None else section.title


def _paragraphs(text: str) -> Paragraphs:
    return Paragraphs(tuple(line.strip() for line in text.splitlines() if line.strip()))


def _performance_block(target: PerformanceTarget, form: TemplateForm, year: int | None) -> TableBlock:
    """A 项目支出绩效目标表 as the template prints it (render.performance)."""
    title = form.performance.title.replace("{year}", str(year or ""))
    grid = performance_grid(target, form.performance)
    return TableBlock(id="performance", number="", title=title, unit_name="", unit="", grid=grid)


def _glossary(entries: list[GlossaryEntry], form: TemplateForm) -> Paragraphs:
    return Paragraphs(
        tuple(f"{form.ordinal(i)}、{entry.term}：{entry.definition}" for i, entry in enumerate(entries))
    )


def _profile_and_form(profile_id: str) -> tuple[Profile | None, TemplateForm]:
    """The profile and its form; a disclosure read from an unknown template gets the generic form."""
    try:
        profile: Profile | None = load_profile(profile_id)
    except ReferenceError:
        profile = None
    try:
        form = load_template_form(profile_id)
    except ReferenceError:
        form = load_template_form(GENERIC_FORM)
    return profile, form


def build_document(disclosure: Disclosure) -> Document:
    """The blocks of the disclosure in the template's order; parts without content are left out."""
    facts = disclosure.facts
    profile, form = _profile_and_form(facts.profile)
    year = facts.year
    charts = [c for c in (chart_block(f, disclosure.tables.get(f.table)) for f in form.charts) if c]
    doc = Document(title=facts.title or facts.unit, unit=facts.unit, year=year)
    sheets = [_performance_block(t, form, year) for t in disclosure.performance_targets]
    # The template prints the sheets inside their narrative section (绩效管理情况), after its text.
    sheets_after = form.performance.after_section
    if sheets_after and not any(s.id == sheets_after for s in disclosure.sections):
        sheets_after = ""  # no such section: the sheets keep a part of their own
    for part in form.parts:
        blocks: list[Block] = []
        if part.sections:
            for section in (s for s in disclosure.sections if s.part == part.sections):
                blocks += [Heading(_section_heading(section, profile), 2), _paragraphs(section.text)]
                blocks += [c for c in charts if c.after_section == section.id]
                if section.id == sheets_after:
                    blocks += sheets
        elif part.id == "tables":
            order = [spec.id for spec in profile.tables] if profile is not None else []
            ids = [i for i in order if i in disclosure.tables] + [
                i for i in disclosure.tables if i not in order
            ]
            blocks += [_table_block(disclosure.tables[i], profile, form, year) for i in ids]
        elif part.id == "performance" and not sheets_after:
            blocks += sheets
        elif part.id == "glossary" and disclosure.glossary:
            blocks.append(_glossary(disclosure.glossary, form))
        if blocks:
            doc.blocks.append(Heading(part.title.replace("{year}", str(year or "")), 1, part.id))
            doc.blocks += blocks
    return doc
