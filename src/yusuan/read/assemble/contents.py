"""The 目录's lines -> ContentsEntry: each entry's title, and the table or section it names.

An entry is a line of the table of contents with its numbering ("五、", "1.", "第二部分") and
its page number (a last cell of digits, or digits after a dot leader) taken off. It names a
table when the profile's title pattern of that table finds it (as a table title in the body
is found), and a section when it ends with the section's title or one of its printed
wordings (the longest wins: "基本支出决算情况说明" before "支出决算情况说明"; "单位主要职能"
is 主要职能). Part headings and wrapped halves of a line name neither and are kept as printed.
"""

from __future__ import annotations

import re

from yusuan.model import ContentsEntry, Source
from yusuan.read.assemble.blocks import match_table
from yusuan.read.assemble.spec import ReadingSpec
from yusuan.read.assemble.text import CHINESE_NUMBER, filled, squeeze
from yusuan.read.lines import Line
from yusuan.reference.profiles import Profile

_NUMBERING = re.compile(
    rf"^(?:第[{CHINESE_NUMBER}]+部分|[{CHINESE_NUMBER}]+、|[（(][{CHINESE_NUMBER}\d]+[)）]|\d{{1,2}}\s*[.．、])"
)
_PAGE = re.compile(r"(?:[.．…·‥—-]{2,}|\s)\s*\d+$")  # "……5", " 12": a page number after a leader


def _title(line: Line) -> str:
    cells = filled(line)
    if len(cells) >= 2 and cells[-1].isdigit():
        cells = cells[:-1]
    text = _PAGE.sub("", " ".join(cells)).strip(" .．…·")
    return squeeze(_NUMBERING.sub("", squeeze(text)))


def _normal(text: str) -> str:
    return text.replace("“", '"').replace("”", '"')


def _section(title: str, profile: Profile) -> str | None:
    found = [
        (len(name), spec.id)
        for spec in profile.sections
        for name in spec.titles
        if _normal(title).endswith(_normal(squeeze(name)))
    ]
    return max(found)[1] if found else None


def _entry(title: str, source: Source, profile: Profile) -> ContentsEntry:
    table = match_table(title, profile)
    section = None if table is not None else _section(title, profile)
    return ContentsEntry(text=title, source=source, table=table.id if table else None, section=section)


def read_contents(lines: list[Line], profile: Profile, reading: ReadingSpec) -> list[ContentsEntry]:
    """The entries of the 目录 (``lines``: its heading, then its lines as split_blocks set apart).

    A title wrapped onto the next line ("…“三公”经费、会议费、培训费支" / "出预算表") is one entry
    when the two halves together name a table or a section and neither does alone.
    """
    heading = reading.contents_heading
    titled = [
        (title, line.source)
        for line in lines
        if line.cells and not line.is_blank
        if (title := _title(line)) and not (heading is not None and heading.match(squeeze(line.text)))
    ]
    entries: list[ContentsEntry] = []
    index = 0
    while index < len(titled):
        title, source = titled[index]
        entry = _entry(title, source, profile)
        if entry.table is None and entry.section is None and index + 1 < len(titled):
            joined = _entry(title + titled[index + 1][0], source, profile)
            following = _entry(*titled[index + 1], profile)
            if (joined.table or joined.section) and not (following.table or following.section):
                entries.append(joined)
                index += 2
                continue
        entries.append(entry)
        index += 1
    return entries
