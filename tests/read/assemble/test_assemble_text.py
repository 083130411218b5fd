"""The text predicates of the assembly steps."""

from __future__ import annotations

import re
import sys

from yusuan.read.assemble.text import squeeze


def test_squeeze_removes_exactly_what_regex_whitespace_matches() -> None:
    """squeeze splits on ``str.isspace``; every character is removed iff ``\\s`` matches it."""
    whitespace = re.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        expected = "七支出" if whitespace.match(char) else f"七{char}支出"
        assert squeeze(f"七{char}支出") == expected, hex(code)
    assert squeeze(" 七、文化 \u3000支出\n") == "七、文化支出"
