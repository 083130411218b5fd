"""Document facts from the title a file carries beside its pages, when no page prints one.

A workbook or Word document has a title property (docProps/core.xml) and a web page a
<title>; a disclosure whose pages print no title line (a workbook of tables only) still names
its unit, year, 预算/决算 and 单位/部门 there. The title is read with the same profile pattern
as a printed title line; a printed one always wins.
"""

from __future__ import annotations

from yusuan.model import Disclosure, Source
from yusuan.read.assemble.facts import read_facts
from yusuan.read.assemble.spec import reading_spec
from yusuan.read.lines import Line
from yusuan.reference.paths import ReferenceError
from yusuan.reference.profiles import load_profile


def facts_from_title(disclosure: Disclosure, title: str | None, source: Source) -> None:
    """Take the facts from ``title`` when the pages printed no title line and ``title`` matches."""
    facts = disclosure.facts
    if facts.title or not title or not title.strip():
        return
    try:
        profile = load_profile(facts.profile)
    except ReferenceError:
        return
    line = Line(cells=(" ".join(title.split()),), source=source)
    found = read_facts(
        [line], list(disclosure.tables.values()), reading_spec(profile), profile.id, facts.currency_unit
    )
    if found.title:
        disclosure.facts = found
