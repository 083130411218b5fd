"""The document as an ordered list of blocks: part headings, tables, sections, sheets, glossary.

HTML, DOCX and XLSX walk the same blocks, in the profile's order, so the formats hold the same
content. Blocks carry text and grids only; no figure is computed here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from yusuan.model import Disclosure, GlossaryEntry, PerformanceTarget, Section, Table
from yusuan.reference.paths import ReferenceError
from yusuan.reference.profiles import Profile, load_profile
from yusuan.reference.templates import TemplateForm, load_template_form
from yusuan.render.chart import ChartBlock, chart_block
from yusuan.render.fonts import Fonts
from yusuan.render.grid import Grid, table_grid
from yusuan.render.performance import performance_grid

# A4 portrait between the table pages' margins holds about 90 half-ems of 10.5 pt type; each
# column adds its padding and rule (about 1.3 half-ems). A wider table is set on a landscape page.
PORTRAIT_HALF_EMS = 90.0
CELL_PADDING_HALF_EMS = 1.3
# A table of more lines than this is set close (10 pt, tight leading) so that it keeps to one page.
COMPACT_LINES = 26
GENERIC_FORM = "default"  # data/templates/default/form.yaml


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
        """Too wide for a portrait page and short enough for a landscape one.

        A table both too wide and long (more lines than a landscape page holds) stays portrait,
        fitted: its name columns give up width and their text wraps.
        """
        needed = sum(self.grid.widths) + CELL_PADDING_HALF_EMS * len(self.grid.widths)
        return needed > PORTRAIT_HALF_EMS and not self.compact

    @property
    def compact(self) -> bool:
        return len(self.grid.header) + len(self.grid.body) > COMPACT_LINES


Block = Heading | Paragraphs | TableBlock | ChartBlock


@dataclass(frozen=True)
class Entry:
    """A line of the 目录: its level (1 part, 2 section or table), text and the anchor it points at."""

    level: int
    text: str
    anchor: str


CONTENTS_TITLE = "目录"


@dataclass
class Document:
    title: str
    unit: str
    year: int | None
    blocks: list[Block] = field(default_factory=list)
    fonts: Fonts = field(default_factory=Fonts)
    issued: date | None = None  # the date printed on the cover; None prints none
    pages: dict[str, int] = field(default_factory=dict)  # anchor -> page of the printed edition

    def tables(self) -> list[TableBlock]:
        return [b for b in self.blocks if isinstance(b, TableBlock)]

    def title_lines(self) -> list[str]:
        """The cover title broken at sense: the unit's name, then what the document is."""
        if self.unit and self.title.startswith(self.unit) and len(self.title) > len(self.unit):
            return [self.unit, self.title[len(self.unit) :]]
        return [self.title]

    def issued_text(self) -> str:
        """The cover date as official documents print it (GB/T 9704: Arabic numerals, 2026年3月5日)."""
        day = self.issued
        return f"{day.year}年{day.month}月{day.day}日" if day is not None else ""

    def contents(self) -> list[Entry]:
        """The 目录: parts, their sections and the tables (the 绩效目标表 sheets stay in their section)."""
        entries = []
        for index, block in enumerate(self.blocks):
            if isinstance(block, Heading):
                entries.append(Entry(block.level, block.text, anchor(index, block)))
            elif isinstance(block, TableBlock) and block.id != "performance":
                text = f"{block.number} {block.title}" if block.number else block.title
                entries.append(Entry(2, text, anchor(index, block)))
        return entries


def anchor(index: int, block: Block) -> str:
    """The id of a block in HTML (and its bookmark in DOCX): stable for one document."""
    if isinstance(block, TableBlock):
        return f"t{index}-{block.id}"
    if isinstance(block, Heading) and block.level == 1 and block.part:
        return f"part-{block.part}"
    return f"b{index}"


_ASCII_QUOTED = re.compile(r'"([^"\n]*)"')


def chinese_quotes(text: str) -> str:
    """ASCII quotation marks paired as Chinese ones: "三公" -> “三公” (the body already prints these)."""
    return _ASCII_QUOTED.sub(r"“\1”", text)


def _table_block(table: Table, profile: Profile | None, form: TemplateForm, year: int | None) -> TableBlock:
    spec = profile.table(table.id) if profile is not None else None
    return TableBlock(
        id=table.id,
        number=table.number or "",
        title=chinese_quotes(table.title),
        unit_name=form.unit_name_line.format(unit=table.unit_name or ""),
        unit=form.unit_line.format(unit=table.unit.value),
        grid=table_grid(table, spec, form.table(table.id), year),
        notes=tuple(table.notes),
    )


def _section_heading(section: Section, profile: Profile | None) -> str:
    spec = profile.section(section.id) if profile is not None else None
    title = chinese_quotes(section.title)
    return f"{spec.number}、{title}" if spec is not None else title


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
    doc = Document(title=chinese_quotes(facts.title or facts.unit), unit=facts.unit, year=year)
    sheets = [_performance_block(t, form, year) for t in disclosure.performance_targets]
    # The template prints the sheets inside their narrative section (绩效管理情况), after its text.
    sheets_after = form.performance.after_section
    if sheets_after and not any(s.id == sheets_after for s in disclosure.sections):
        sheets_after = ""  # no such section: the sheets keep a part of their own
    for part in form.parts:
        blocks: list[Block] = []
        if part.sections:
            held = [s for s in disclosure.sections if s.part == part.sections]
            for section in held:
                # a part that is one section ("…主要职能", "名词解释") is headed by the part alone
                alone = len(held) == 1 and part.title.endswith(section.title)
                blocks += [] if alone else [Heading(_section_heading(section, profile), 2)]
                blocks.append(_paragraphs(section.text))
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
