"""Sections, the glossary and attachments: narrative blocks -> text as printed."""

from __future__ import annotations

import re

from yusuan.model import Attachment, GlossaryEntry, ReadProblem, ReadProblemKind, Section
from yusuan.read.assemble.blocks import AttachmentBlock, SectionBlock
from yusuan.read.assemble.text import CHINESE_NUMBER, filled, single_text, squeeze
from yusuan.read.lines import Line

# "- 一、基本支出: 指…", " - **八、上年结转:** 指…", "六、财政专户管理资金:", "（一）事业收入：指…"
_ENTRY = re.compile(
    rf"^(?:-\s*)?(?:(?P<number>[{CHINESE_NUMBER}]+)、|[（(](?P<bracketed>[{CHINESE_NUMBER}]+)[）)])\s*(?P<rest>.*)$"
)
_TERM_END = re.compile(r"[:：]")


def line_text(line: Line) -> str:
    """A line as text: its non-empty cells joined by a tab."""
    return "\t".join(filled(line))


def join_lines(lines: list[Line]) -> str:
    """The non-blank lines, one per text line, as printed."""
    return "\n".join(text for line in lines if (text := line_text(line).strip()))


def read_section(block: SectionBlock, lines: list[Line] | None = None) -> Section:
    heading = (single_text(block.heading) or block.heading.text).strip()
    title = heading.split("、", 1)[1].strip() if "、" in heading else heading
    return Section(
        id=block.spec.id,
        title=title,
        text=join_lines(block.lines if lines is None else lines),
        part=block.spec.part,
        source=block.heading.source,
    )


def read_glossary(lines: list[Line]) -> tuple[list[GlossaryEntry], list[ReadProblem]]:
    """Numbered entries "一、术语: 定义"; a definition may continue on the following lines."""
    entries: list[tuple[str, list[str], Line]] = []
    problems: list[ReadProblem] = []
    for line in lines:
        text = line_text(line).replace("**", "").strip()
        if not text:
            continue
        match = _ENTRY.match(text)
        if match:
            parts = _TERM_END.split(match["rest"], maxsplit=1)
            entries.append((parts[0].strip(), [parts[1].strip()] if len(parts) > 1 else [], line))
        elif entries:
            entries[-1][1].append(text.lstrip("- ").strip())
        else:
            problems.append(
                ReadProblem(
                    ReadProblemKind.UNRECOGNISED, "glossary: 不是词条 / not an entry", text, line.source
                )
            )
    glossary = [
        GlossaryEntry(term=term, definition="".join(p for p in pieces if p), source=line.source)
        for term, pieces, line in entries
    ]
    for entry in glossary:
        if not entry.definition:
            problems.append(
                ReadProblem(
                    ReadProblemKind.MISSING,
                    f"glossary {entry.term}: 无释义 / no definition",
                    "",
                    entry.source,
                )
            )
    return glossary, problems


def read_attachment(block: AttachmentBlock, title_marker: str) -> Attachment:
    """The forwarded material as printed; its title is the first line naming its subject.

    The title loses its whitespace: in extracted text it is where a printed line wrapped.
    """
    lines = [line for line in block.lines if not line.is_blank]
    header = squeeze(line_text(lines[0]))
    title = next(
        (text for line in lines[1:5] if title_marker and title_marker in (text := squeeze(line_text(line)))),
        header,
    )
    return Attachment(
        title=title, text=join_lines(lines), source=lines[0].source, end_line=lines[-1].source.line
    )
