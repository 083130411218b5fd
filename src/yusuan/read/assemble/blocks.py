"""Split a document's lines into blocks: cover, tables, sections, glossary, attachments.

One pass over the lines, driven by the profile: part headings (第X部分, or the profile's
``part_heading``) open parts, the profile's table title patterns open tables (a printed
label such as "预算公开表1" just before a title becomes its number), numbered headings
matching the profile's sections open sections, and the attachment pattern opens forwarded
material. A part the profile gives a single section (Shanghai: 主要职能, 名词解释 …) is that
section: its heading opens it. The table of contents (目录) is set apart (Blocks.contents).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from yusuan.read.assemble.spec import ReadingSpec
from yusuan.read.assemble.text import NUMBERED_HEADING, filled, single_text, squeeze
from yusuan.read.lines import Line
from yusuan.reference.profiles import Profile, SectionSpec, TableSpec

MAX_TITLE_CHARS = 60  # a table title is a short line; a sentence naming a table is not one


@dataclass
class TableBlock:
    """The lines of one table, from its title on."""

    spec: TableSpec
    title: Line
    label: str | None
    lines: list[Line] = field(default_factory=list)


@dataclass
class SectionBlock:
    """The lines of one section, from its heading on."""

    spec: SectionSpec
    heading: Line
    lines: list[Line] = field(default_factory=list)


@dataclass
class AttachmentBlock:
    """The lines of forwarded material (附件)."""

    lines: list[Line] = field(default_factory=list)


@dataclass
class Blocks:
    """A document's lines split into cover, tables, sections, glossary and the rest."""

    cover: list[Line] = field(default_factory=list)
    tables: list[TableBlock] = field(default_factory=list)
    sections: list[SectionBlock] = field(default_factory=list)
    glossary: list[Line] = field(default_factory=list)
    attachments: list[AttachmentBlock] = field(default_factory=list)
    orphans: list[Line] = field(default_factory=list)  # text outside every block
    headings: list[str] = field(default_factory=list)  # the part headings as printed
    contents: list[Line] = field(default_factory=list)  # the 目录's lines, its heading first


def _ends_with_page_number(line: Line) -> bool:
    cells = filled(line)
    return len(cells) >= 2 and cells[-1].isdigit()


def contents_range(lines: list[Line], reading: ReadingSpec) -> tuple[int, int] | None:
    """[start, end) of the table of contents, or None when the document has none.

    The contents run from the 目录 heading to the first part heading (第X部分 on a line of
    its own) whose next non-blank line is not itself a contents entry (ending in a page number);
    with the profile's ``contents_page`` they run to the end of the 目录 heading's page.
    """
    if reading.contents_heading is None:
        return None
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if (text := single_text(line)) and reading.contents_heading.match(squeeze(text))
        ),
        None,
    )
    if start is None:
        return None
    page = lines[start].source.page
    if reading.contents_until_repeat:
        return start, _first_entry_again(lines, start)
    if reading.contents_page and page is not None:
        end = next((i for i in range(start, len(lines)) if lines[i].source.page != page), len(lines))
        return start, end
    for i in range(start + 1, len(lines)):
        text = single_text(lines[i])
        if text is None or not reading.part_heading.match(squeeze(text)):
            continue
        following = next((line for line in lines[i + 1 :] if not line.is_blank), None)
        if following is None or not _ends_with_page_number(following):
            return start, i
    return start, start + 1


def _first_entry_again(lines: list[Line], start: int) -> int:
    """Where the first contents entry after the 目录 heading at ``start`` is printed again."""
    entries = [i for i in range(start + 1, len(lines)) if not lines[i].is_blank]
    if not entries:
        return start + 1
    first = squeeze("".join(lines[entries[0]].cells))
    again = (i for i in entries[1:] if squeeze("".join(lines[i].cells)) == first)
    return next(again, start + 1)


def match_table(text: str, profile: Profile) -> TableSpec | None:
    squeezed = squeeze(text)
    if len(squeezed) > MAX_TITLE_CHARS or squeezed.endswith("。"):
        return None
    return profile.table_for_title(squeezed)


def _normalise(title: str) -> str:
    return squeeze(title).replace("“", '"').replace("”", '"')


def _similar(a: str, b: str) -> bool:
    a, b = _normalise(a), _normalise(b)
    return a == b or SequenceMatcher(None, a, b).ratio() >= 0.5


class _Splitter:
    def __init__(self, profile: Profile, reading: ReadingSpec) -> None:
        self.profile = profile
        self.reading = reading
        self.blocks = Blocks()
        self.part: str | None = None  # None before the first 第X部分 heading
        self.current: list[Line] | None = None
        self.open: SectionBlock | None = None  # the section being read, while it is current
        self.suspended: SectionBlock | None = None  # the section a hard boundary interrupted
        self.in_attachment = False
        self.pending_label: str | None = None
        self.seen_sections: set[str] = set()
        self.narrative_parts = {spec.part for spec in profile.sections}

    def open_section(self, spec: SectionSpec, heading: Line) -> None:
        self.seen_sections.add(spec.id)
        block = SectionBlock(spec=spec, heading=heading)
        self.blocks.sections.append(block)
        self.close()
        self.current = block.lines
        self.open = block

    def open_part(self, title: str, heading: Line) -> None:
        """A part heading: the part's only section opens, or the glossary, or nothing yet."""
        self.close()
        self.blocks.headings.append(heading.text)
        self.part = self.reading.part_for(title)
        specs = [s for s in self.profile.sections if s.part == self.part and self.part]
        if len(specs) == 1 and specs[0].id not in self.seen_sections:
            self.open_section(specs[0], heading)
        elif self.part == self.profile.glossary_part:
            self.current = self.blocks.glossary

    def close(self) -> None:
        self.current = None
        self.open = None
        self.in_attachment = False

    def continues(self, section: SectionBlock, text: str | None) -> bool:
        """Whether a worksheet whose first line is ``text`` continues ``section``: a 绩效目标表
        printed on a tab of its own after the performance section's text."""
        performance = self.reading.performance
        return (
            text is not None
            and performance is not None
            and section.spec.id == self.reading.section_roles.get("performance")
            and performance.sheet_title in squeeze(text)
        )

    def section_for(self, text: str) -> SectionSpec | None:
        """The profile section a numbered heading opens, if any.

        Inside a narrative part the title may be worded a little differently (部门 for 单位);
        elsewhere (part headings lost in extraction) only the exact profile title counts,
        and it opens that section's part.
        """
        match = NUMBERED_HEADING.match(squeeze(text))
        if match is None:
            return None
        in_narrative = self.part in self.narrative_parts
        for spec in self.profile.sections:
            if spec.id in self.seen_sections or spec.number != match["number"]:
                continue
            if in_narrative and spec.part == self.part and _similar(match["title"], spec.title):
                return spec
            if not in_narrative and _normalise(match["title"]) == _normalise(spec.title):
                self.part = spec.part
                return spec
        return None

    def feed(self, line: Line) -> None:
        if not line.cells:  # a hard boundary (the end of a worksheet): no block runs on past it
            # ... unless the next worksheet's first line continues the section (see continues)
            self.suspended = self.open if self.current is not None else None
            self.close()
            return
        text = single_text(line)
        if self.suspended is not None and not line.is_blank:
            if self.continues(self.suspended, text):
                self.current, self.open = self.suspended.lines, self.suspended
            self.suspended = None
        reading = self.reading
        if text is not None:
            squeezed = squeeze(text)
            part = reading.part_heading.match(squeezed)
            if part:
                self.open_part(part["title"], line)
                return
            if not self.in_attachment:
                if reading.table_label is not None and reading.table_label.match(squeezed):
                    self.close()
                    self.pending_label = squeezed
                    return
                spec = match_table(text, self.profile)
                if spec is not None:
                    block = TableBlock(spec=spec, title=line, label=self.pending_label)
                    self.blocks.tables.append(block)
                    self.close()
                    self.current = block.lines
                    self.pending_label = None
                    return
                if (
                    self.part in self.narrative_parts
                    and reading.attachment_start is not None
                    and reading.attachment_start.match(squeezed)
                ):
                    attachment = AttachmentBlock(lines=[line])
                    self.blocks.attachments.append(attachment)
                    self.close()
                    self.current = attachment.lines
                    self.in_attachment = True
                    return
                section = self.section_for(text)
                if section is not None:
                    self.open_section(section, line)
                    return
            elif reading.attachment_start is not None and reading.attachment_start.match(squeezed):
                attachment = AttachmentBlock(lines=[line])
                self.blocks.attachments.append(attachment)
                self.current = attachment.lines
                return
        if self.current is not None:
            self.current.append(line)
        elif text is not None and any(p.match(squeeze(text)) for p in reading.skip_lines):
            return  # page furniture (a page number) between blocks
        elif self.part is None:
            self.blocks.cover.append(line)
        elif not line.is_blank:
            self.blocks.orphans.append(line)


def _page_footers(lines: list[Line], reading: ReadingSpec) -> set[int]:
    """Indexes of the last line of a page when it is page furniture (the profile's
    ``skip_lines``: a page number), so that a sentence running over a page break is not cut
    by it ("拟采" / "31" / "购货物支出")."""
    footers: set[int] = set()
    after: list[int | None] = [None] * len(lines)  # the page of the next non-blank line
    page_after: int | None = None
    for index in range(len(lines) - 1, -1, -1):
        after[index] = page_after
        if not lines[index].is_blank:
            page_after = lines[index].source.page
    for index, line in enumerate(lines):
        page = line.source.page
        if page is None or after[index] == page:
            continue
        text = single_text(line)
        if text is not None and any(p.match(squeeze(text)) for p in reading.skip_lines):
            footers.add(index)
    return footers


def split_blocks(lines: list[Line], profile: Profile, reading: ReadingSpec) -> Blocks:
    """Split ``lines`` into the blocks of a disclosure, the table of contents set apart and
    the page numbers at the foot of a page skipped."""
    splitter = _Splitter(profile, reading)
    contents = contents_range(lines, reading)
    footers = _page_footers(lines, reading) if reading.skip_lines else set()
    for index, line in enumerate(lines):
        if contents is not None and contents[0] <= index < contents[1]:
            splitter.blocks.contents.append(line)
            continue
        if index in footers:
            continue
        splitter.feed(line)
    return splitter.blocks
