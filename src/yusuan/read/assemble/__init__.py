"""Lines -> Disclosure, driven by the regional profile; shared by every format reader.

A format reader (text, PDF, DOCX, XLSX, HTML) produces ``read.lines.Line`` lists with one
cell per grid column and calls :func:`assemble`. The steps:

1. detect the profile (or take the one asked for);
2. split the lines into blocks (:mod:`.blocks`): cover, tables, sections, glossary,
   attachments; the table of contents is set apart and read as entries (:mod:`.contents`);
3. read each block: tables by the profile's layout (:mod:`.tables`), sections as printed
   (:mod:`.narrative`), the performance sheets inside the performance section
   (:mod:`.performance`), the procurement and asset statements (:mod:`.statements`);
4. document facts from the title line (:mod:`.facts`).

Whatever is seen but cannot be read becomes a ReadProblem with its source; nothing is
guessed. Input that is not a disclosure raises InputError naming the file.
"""

from __future__ import annotations

from dataclasses import replace

from yusuan.model import Disclosure, ReadProblem, ReadProblemKind, Section, Table
from yusuan.read.assemble.blocks import Blocks, split_blocks
from yusuan.read.assemble.contents import read_contents
from yusuan.read.assemble.facts import YEAR, read_facts, title_year
from yusuan.read.assemble.narrative import line_text, read_attachment, read_glossary, read_section
from yusuan.read.assemble.performance import read_sheets
from yusuan.read.assemble.spec import ReadingSpec, reading_spec
from yusuan.read.assemble.statements import read_assets, read_procurement
from yusuan.read.assemble.tables import extend_table, read_table
from yusuan.read.errors import InputError
from yusuan.read.lines import Line
from yusuan.reference.paths import ReferenceError
from yusuan.reference.profiles import Profile, detect_profile, load_profile
from yusuan.reference.roles import tag_roles

__all__ = ["assemble"]


def _profile(lines: list[Line], path: str, profile_id: str | None) -> tuple[Profile, float | None]:
    """The template asked for, or recognised by its words, or guessed from the table titles
    (with how sure the guess is); a document no template fits is refused with what was found."""
    if profile_id is not None:
        try:
            return load_profile(profile_id), None
        except ReferenceError as exc:
            raise InputError(path, str(exc)) from None
    detected = detect_profile("\n".join(line.text for line in lines))
    if detected is not None:
        return detected, None
    from yusuan.reference.template_guess import guess_template  # only when no template matched

    guess = guess_template(line.text for line in lines)
    if guess.profile is None:
        problem = (
            guess.describe()
            if guess.titles
            else "不是已知模板的预算公开文件 / not a budget disclosure of any known profile"
        )
        raise InputError(path, problem, diagnosis={"file": path, **guess.diagnosis()})
    return guess.profile, guess.confidence


def _tables(
    blocks: Blocks, reading: ReadingSpec, profile: Profile, year: int | None
) -> tuple[dict[str, Table], list[ReadProblem]]:
    tables: dict[str, Table] = {}
    problems: list[ReadProblem] = []
    for block in blocks.tables:
        existing = tables.get(block.spec.id)
        if existing is not None:
            problems.extend(extend_table(existing, block, reading))
            continue
        table, found = read_table(block, reading, profile.currency_unit, year)
        tables[table.id] = table
        problems.extend(found)
    return _in_profile_order(tables, profile, problems)


def _in_profile_order(
    tables: dict[str, Table], profile: Profile, problems: list[ReadProblem]
) -> tuple[dict[str, Table], list[ReadProblem]]:
    """The tables in the profile's order, and a MISSING problem for each one not printed."""
    ordered = {spec.id: tables[spec.id] for spec in profile.tables if spec.id in tables}
    for spec in profile.tables:
        if spec.id not in tables:
            problems.append(
                ReadProblem(ReadProblemKind.MISSING, f"table {spec.id}: 未找到 / not found", spec.title, None)
            )
    return ordered, problems


def _known_projects(tables: dict[str, Table], reading: ReadingSpec) -> list[str]:
    """Project names printed in the project tables (not totals): a sheet's name is matched to them."""
    names = [
        row.name
        for table_id in ("projects", "projects_carryover")
        if (t := tables.get(table_id))
        for row in t.rows
    ]
    return [name for name in names if name and name not in reading.row_names]


def assemble(
    lines: list[Line],
    path: str,
    profile: str | None = None,
    *,
    tables: tuple[dict[str, Table], list[ReadProblem]] | None = None,
    confidence: float | None = None,
) -> Disclosure:
    """Build the Disclosure printed in ``lines`` (read from ``path``).

    ``tables``: the tables (by semantic id) and the problems met laying them out, when the
    format reader reads tables from the document's own structure (PDF grids, Word tables);
    the table blocks of ``lines`` then only mark where the narrative stops. ``confidence``:
    the format reader guessed ``profile`` from the table titles (see reference.template_guess).
    """
    chosen, guessed = _profile(lines, path, profile)
    guessed = confidence if confidence is not None else guessed
    reading = reading_spec(chosen)
    blocks = split_blocks(lines, chosen, reading)
    if not (tables[0] if tables is not None else blocks.tables):
        if not blocks.sections:
            raise InputError(path, "未找到任何预算表 / no budget table found")
        # the narrative alone: its tables are published as another file ("公开表附后")
        return _assemble_rest(blocks, {}, [_tables_apart(chosen)], reading, chosen, path, guessed)
    if tables is None:
        year = title_year(blocks.cover, reading)
        read, problems = _tables(blocks, reading, chosen, year)
    else:
        read, problems = _in_profile_order(dict(tables[0]), chosen, list(tables[1]))
    return _assemble_rest(blocks, read, problems, reading, chosen, path, guessed)


def _tables_apart(profile: Profile) -> ReadProblem:
    titles = "、".join(spec.title.replace("{year}年", "") for spec in profile.tables)
    return ReadProblem(
        ReadProblemKind.MISSING,
        "tables: 本文件只有说明，未印任何表格（表格可能另行发布）/ "
        "narrative only: no table printed in this file (published apart?)",
        titles,
        None,
    )


def _assemble_rest(
    blocks: Blocks,
    tables: dict[str, Table],
    problems: list[ReadProblem],
    reading: ReadingSpec,
    chosen: Profile,
    path: str,
    guessed: float | None = None,
) -> Disclosure:
    facts = read_facts(
        blocks.cover,
        list(tables.values()),
        reading,
        chosen.id,
        chosen.currency_unit,
        scope=chosen.scope,
        kind=chosen.kind,
    )
    if guessed is not None:
        facts = replace(facts, profile_confidence=guessed)
    if facts.year is None:  # tables printed apart from their cover: the part heading has the year
        years = (m for heading in blocks.headings if (m := YEAR.search(heading)))
        facts = replace(facts, year=next((int(m["year"]) for m in years), None))
    tag_roles(tables.values(), chosen, facts.unit)
    disclosure = Disclosure(facts=facts, tables=tables, problems=problems, source_file=path)
    disclosure.contents = read_contents(blocks.contents, chosen, reading)

    roles = reading.section_roles
    for block in blocks.sections:
        body = block.lines
        if block.spec.id == roles.get("performance") and reading.performance is not None:
            first, targets, found = read_sheets(body, reading.performance, _known_projects(tables, reading))
            disclosure.performance_targets.extend(targets)
            problems.extend(found)
            body = body[:first]
        section = read_section(block, body)
        disclosure.sections.append(section)
        _statements(disclosure, section, reading, roles)

    glossary = blocks.glossary or next(
        (block.lines for block in blocks.sections if block.spec.part == chosen.glossary_part), []
    )
    disclosure.glossary, found = read_glossary(glossary)
    problems.extend(found)
    disclosure.attachments = [
        read_attachment(block, reading.attachment_title) for block in blocks.attachments
    ]
    for line in blocks.orphans:
        problems.append(
            ReadProblem(
                ReadProblemKind.UNRECOGNISED,
                "document: 不属于任何表格或章节的文字 / text outside every table and section",
                line_text(line),
                line.source,
            )
        )
    return disclosure


def _statements(
    disclosure: Disclosure, section: Section, reading: ReadingSpec, roles: dict[str, str]
) -> None:
    if section.id == roles.get("procurement"):
        disclosure.procurement, found = read_procurement(section, reading, disclosure.facts.currency_unit)
        disclosure.problems.extend(found)
    if section.id == roles.get("assets"):  # the same section may state both (the 决算's 其他重要事项)
        disclosure.assets = read_assets(section, reading)
