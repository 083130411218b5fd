from collections.abc import Callable

import pytest

from yusuan.read.assemble.spec import ReadingSpec, reading_spec
from yusuan.read.lines import Line
from yusuan.read.text import split_lines
from yusuan.reference.profiles import Profile, load_profile


@pytest.fixture(scope="session")
def shanxi() -> Profile:
    return load_profile("shanxi")


@pytest.fixture(scope="session")
def reading(shanxi: Profile) -> ReadingSpec:
    return reading_spec(shanxi)


def _lines_of(text: str) -> list[Line]:
    return split_lines("snippet.txt", text.strip("\n").replace("|", "\t"))


@pytest.fixture(scope="session")
def lines_of() -> Callable[[str], list[Line]]:
    """A snippet as the text reader gives it: "|" separates cells here, for legibility."""
    return _lines_of
