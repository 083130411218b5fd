"""Damaged input never crashes the reader: it gives a Disclosure or an InputError naming the file."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from yusuan.model import Disclosure
from yusuan.read.errors import InputError
from yusuan.read.text import read_text

SEED_LINES = (
    (Path(__file__).resolve().parents[3] / "examples" / "000_6562e89d941fc7ec.txt")
    .read_text(encoding="utf-8")
    .split("\n")
)


def read_or_refuse(text: str) -> Disclosure | None:
    try:
        return read_text("damaged.txt", text)
    except InputError as error:
        assert error.path == "damaged.txt"
        return None


@settings(max_examples=60, deadline=None)
@given(st.sets(st.integers(min_value=0, max_value=len(SEED_LINES) - 1), max_size=300))
def test_lines_dropped(dropped: set[int]) -> None:
    text = "\n".join(line for index, line in enumerate(SEED_LINES) if index not in dropped)
    disclosure = read_or_refuse(text)
    if disclosure is not None:
        assert disclosure.tables


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=0, max_value=len(SEED_LINES)), st.integers(min_value=0, max_value=len(SEED_LINES))
)
def test_cut_anywhere(start: int, end: int) -> None:
    read_or_refuse("\n".join(SEED_LINES[min(start, end) : max(start, end)]))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(SEED_LINES) - 1), st.sampled_from(["\t", "", "Å", "-"])), max_size=80
    )
)
def test_cells_damaged(edits: list[tuple[int, str]]) -> None:
    lines = list(SEED_LINES)
    for index, replacement in edits:
        lines[index] = (
            lines[index].replace("\t", replacement, 1) if replacement != "-" else "-" + lines[index]
        )
    read_or_refuse("\n".join(lines))
