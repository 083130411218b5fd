"""Small text predicates shared by the assembly steps (language, not region, knowledge)."""

from __future__ import annotations

import re

from yusuan.read.lines import Line

_CJK = re.compile(r"[\u3400-\u9fff]")
CHINESE_NUMBER = "一二三四五六七八九十百"
# 第一部分 概况 / 第三部分 2025年度单位预算情况说明
PART_HEADING = re.compile(rf"^第(?P<number>[{CHINESE_NUMBER}]+)部分\s*(?P<title>.*)$")
# 一、本单位职责 (not "- 一、…", a list item; not "三、考核工作:", a lead-in)
NUMBERED_HEADING = re.compile(rf"^(?P<number>[{CHINESE_NUMBER}]+)、(?P<title>[^:：;；。]{{1,40}})$")


def squeeze(text: str) -> str:
    """``text`` with every whitespace character removed ("七、文化 支出" -> "七、文化支出").

    ``str.split`` takes the characters ``\\s`` takes (``str.isspace``), in half the time.
    """
    return "".join(text.split())


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def cjk_only(text: str) -> str:
    return "".join(_CJK.findall(text))


def filled(line: Line) -> list[str]:
    """The non-empty cells of ``line``, stripped."""
    return [cell.strip() for cell in line.cells if cell.strip()]


def single_text(line: Line) -> str | None:
    """The text of a line holding exactly one non-empty cell, else None."""
    cells = filled(line)
    return cells[0] if len(cells) == 1 else None


def is_column_numbers(line: Line) -> bool:
    """True for the "1 2 3 4 5 6 7" line under a table header."""
    cells = filled(line)
    return (
        len(cells) >= 2
        and all(c.isdigit() for c in cells)
        and [int(c) for c in cells] == list(range(1, len(cells) + 1))
    )
