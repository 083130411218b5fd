"""Fuzzing every reader (hypothesis): mutated bytes of a valid file of each format give a Disclosure
(or a Budget) or an InputError naming the file, never another exception.

CI runs a small budget per reader. A longer run, e.g. before a release:

    YUSUAN_FUZZ_EXAMPLES=2000 pytest tests/read/test_fuzz.py -p no:cacheprovider

(docs/reading.md, "Fuzzing"). A failing example is printed by hypothesis with the bytes that
failed: add it to tests/read/test_hostile_generated.py as a generated file.
"""

from __future__ import annotations

import io
import os
import zipfile
from functools import cache
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yusuan import api
from yusuan.read import InputError, Limits, read_document

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("YUSUAN_FUZZ_EXAMPLES", "12"))
# The small budget of `make test` draws the same examples each run (a CI result does not depend on
# luck); a longer run set through YUSUAN_FUZZ_EXAMPLES explores new ones each time.
DERANDOMIZE = "YUSUAN_FUZZ_EXAMPLES" not in os.environ
LIMITS = Limits(max_seconds=20)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
    database=None,
    derandomize=DERANDOMIZE,
)


def _zip_bytes(save: object) -> bytes:
    buffer = io.BytesIO()
    save(buffer)  # type: ignore[operator]
    return buffer.getvalue()


@cache
def seeds() -> dict[str, bytes]:
    """One small valid file per format, built here (the PDF is a corpus page range)."""
    text = (ROOT / "examples" / "000_6562e89d941fc7ec.txt").read_bytes()[:6000]
    book = openpyxl.Workbook()
    book.active.append(["2025年预算收支总表"])
    book.active.append(["单位名称：某单位", None, "单位：万元"])
    book.active.append(["项目", "金额"])
    book.active.append(["一般公共服务支出", 12.5])
    book.active.merge_cells("A1:B1")
    document = docx.Document()
    document.add_paragraph("2025年预算收支总表")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(1, 0).text, table.cell(1, 1).text = "项目", "合计", "341.11"
    html = (
        "<html><body><h3>2025年预算收支总表</h3><div>单位名称：某单位</div><table>"
        "<tr><th colspan=2>收入</th></tr><tr><td>合计</td><td>341.11</td></tr></table></body></html>"
    ).encode()
    return {
        "txt": text,
        "xlsx": _zip_bytes(book.save),
        "docx": _zip_bytes(document.save),
        "html": html,
        "pdf": (
            ROOT / "tests" / "corpus" / "shanghai-putuo-wanli-subdistrict-2025-dept-budget.pdf"
        ).read_bytes(),
        "yaml": (ROOT / "examples" / "shuozhou-2025-budget.yaml").read_bytes(),
    }


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with a few byte flips, a cut, a repeat or an insertion (cheap, format-blind)."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "cut", "repeat", "insert"]))
        at = draw(st.integers(0, max(len(out) - 1, 0)))
        if kind == "flip" and out:
            out[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del out[at : at + draw(st.integers(1, 64))]
        elif kind == "repeat":
            piece = out[at : at + draw(st.integers(1, 16))]
            out[at:at] = piece * draw(st.integers(1, 50))
        else:
            out[at:at] = draw(st.binary(min_size=1, max_size=16))
    return bytes(out)


@st.composite
def mutated_package(draw: st.DrawFn, data: bytes) -> bytes:
    """A DOCX/XLSX with one member's (decompressed) bytes mutated, re-zipped: deep into the parsers."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        members = {info.filename: package.read(info) for info in package.infolist()}
    target = draw(st.sampled_from(sorted(members)))
    members[target] = draw(mutated(members[target]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, blob in members.items():
            package.writestr(name, blob)
    return buffer.getvalue()


def _read(path: Path) -> None:
    try:
        read_document(path, limits=LIMITS)
    except InputError as error:
        assert error.path == str(path) and "\n" not in str(error)


CASES = [(kind, False) for kind in ("txt", "html", "pdf", "xlsx", "docx")] + [("xlsx", True), ("docx", True)]


@pytest.mark.parametrize(("kind", "members"), CASES, ids=[f"{k}{'-members' if m else ''}" for k, m in CASES])
def test_mutated_documents(kind: str, members: bool, tmp_path: Path) -> None:
    seed = seeds()[kind]

    @FUZZ
    @given(data=mutated_package(seed) if members else mutated(seed))
    def run(data: bytes) -> None:
        path = tmp_path / f"fuzz.{kind}"
        path.write_bytes(data)
        _read(path)

    run()


@pytest.mark.parametrize("kind", ["yaml", "xlsx"])
def test_mutated_budget_input(kind: str, tmp_path: Path) -> None:
    seed = (
        seeds()["yaml"] if kind == "yaml" else (ROOT / "examples" / "shuozhou-2025-budget.xlsx").read_bytes()
    )
    strategy = mutated(seed) if kind == "yaml" else mutated_package(seed)

    @FUZZ
    @given(data=strategy)
    def run(data: bytes) -> None:
        path = tmp_path / f"budget.{kind}"
        path.write_bytes(data)
        try:
            api.derive(path)
        except InputError as error:
            assert error.path == str(path) and error.problem

    run()
