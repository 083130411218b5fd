"""The defects of the fuzzing campaign (issue 13), each rebuilt from a generated file: one line
naming the file and the problem, exit code 2, never a traceback, bounded time and memory."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import docx
import openpyxl
import pytest

from yusuan import api
from yusuan.read import InputError, Limits, read_document

ROOT = Path(__file__).resolve().parents[2]


def _repack(
    source: Path, target: Path, replace: dict[str, bytes], rename: dict[str, str] | None = None
) -> Path:
    rename = rename or {}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(rename.get(item.filename, item.filename), replace.get(item.filename, old.read(item)))
    return target


def _cli(path: Path, *command: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "yusuan", *(command or ("check",)), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def _sheet(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("xl/worksheets/sheet1.xml").decode()


def test_self_closing_cells_are_counted_before_loading(tmp_path: Path, small_xlsx: Path) -> None:
    # 1: 7 million <c/> took 4 GB; they are cells to openpyxl as much as <c r="A1">…</c>
    cells = "<c/>" * 5_000
    sheet = _sheet(small_xlsx).replace("</sheetData>", f'<row r="2">{cells}</row></sheetData>')
    path = _repack(small_xlsx, tmp_path / "empty-cells.xlsx", {"xl/worksheets/sheet1.xml": sheet.encode()})
    with pytest.raises(InputError, match="单元格过多"):
        read_document(path, limits=Limits(max_cells=2_000))


def test_a_worksheet_stored_outside_xl_worksheets_is_counted(tmp_path: Path, small_xlsx: Path) -> None:
    cells = '<c r="A2"><v>1</v></c>' * 3_000
    sheet = _sheet(small_xlsx).replace("</sheetData>", f'<row r="2">{cells}</row></sheetData>')
    with zipfile.ZipFile(small_xlsx) as package:
        rels = package.read("xl/_rels/workbook.xml.rels").decode()
        types = package.read("[Content_Types].xml").decode()
    moved = "/xl/elsewhere/data.xml"
    path = _repack(
        small_xlsx,
        tmp_path / "moved.xlsx",
        {
            "xl/worksheets/sheet1.xml": sheet.encode(),
            "xl/_rels/workbook.xml.rels": rels.replace("/xl/worksheets/sheet1.xml", moved).encode(),
            "[Content_Types].xml": types.replace("/xl/worksheets/sheet1.xml", moved).encode(),
        },
        {"xl/worksheets/sheet1.xml": moved[1:]},
    )
    with pytest.raises(InputError, match="单元格过多"):
        read_document(path, limits=Limits(max_cells=2_000))


def _fails(stream: bytes, max_length: int = 0) -> bool:
    try:
        zlib.decompressobj(-15).decompress(stream, max_length)
    except zlib.error:
        return True
    return False


def _corrupt_deflate(source: Path, target: Path, member: str) -> Path:
    """``source`` with one byte of ``member``'s deflate stream changed so that inflating it fails
    with zlib.error past its first 4 KB (the part starts well, as a fuzzer's file did)."""
    data = source.read_bytes()
    with zipfile.ZipFile(source) as package:
        info = package.getinfo(member)
    name_length, extra_length = struct.unpack("<HH", data[info.header_offset + 26 : info.header_offset + 30])
    start = info.header_offset + 30 + name_length + extra_length
    stream = data[start : start + info.compress_size]
    for position in range(200, len(stream)):
        for value in (0x13, 0xFF, 0x00, 0x5A):
            changed = stream[:position] + bytes([value]) + stream[position + 1 :]
            if not _fails(changed, 4096) and _fails(changed):
                target.write_bytes(data[: start + position] + bytes([value]) + data[start + position + 1 :])
                return target
    raise AssertionError("no corrupting byte found")


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_a_corrupt_deflate_stream_is_one_line(tmp_path: Path, kind: str) -> None:
    # 5: zlib.error came out as a traceback with exit code 1
    if kind == "xlsx":
        book = openpyxl.Workbook()
        for row in range(1, 3000):
            book.active.append([f"text{row * 7919 % 10007}", row * 1.5, "预算"])
        source = tmp_path / "big.xlsx"
        book.save(source)
        member = "xl/worksheets/sheet1.xml"
    else:
        document = docx.Document()
        for row in range(3000):
            document.add_paragraph(f"第{row}段 预算收支总表 {row * 7919 % 10007}")
        source = tmp_path / "big.docx"
        document.save(str(source))
        member = "word/document.xml"
    path = _corrupt_deflate(source, tmp_path / f"corrupt.{kind}", member)
    done = _cli(path)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and str(path) in done.stderr


def test_an_amount_of_1e308_is_an_entry_error_not_a_crash(tmp_path: Path) -> None:
    # 6: decimal.InvalidOperation, exit code 1
    book = openpyxl.load_workbook(ROOT / "examples" / "shuozhou-2025-budget.xlsx")
    items = book["预算明细"]
    column = next(c.column for c in items[1] if c.value and str(c.value).startswith("金额"))
    items.cell(row=2, column=column).value = 1e308
    path = tmp_path / "huge.xlsx"
    book.save(path)
    with pytest.raises(InputError) as caught:
        api.derive(path)
    assert "预算明细!" in caught.value.problem and "10^16" in caught.value.problem


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_a_dtd_in_a_utf32_part_is_refused(tmp_path: Path, small_docx: Path, encoding: str) -> None:
    # 9: the refusal looked at UTF-8 and UTF-16 only
    with zipfile.ZipFile(small_docx) as package:
        body = package.read("word/document.xml").decode().split("?>", 1)[1]
    evil = f'<?xml version="1.0" encoding="UTF-32"?><!DOCTYPE d [<!ENTITY x "y">]>{body}'
    path = _repack(small_docx, tmp_path / "utf32.docx", {"word/document.xml": evil.encode(encoding)})
    with pytest.raises(InputError, match="DTD"):
        read_document(path)


def test_a_dtd_in_a_part_not_named_xml_is_refused(tmp_path: Path, small_docx: Path) -> None:
    with zipfile.ZipFile(small_docx) as package:
        body = package.read("word/document.xml").decode().split("?>", 1)[1]
        rels = package.read("_rels/.rels").decode()
        types = package.read("[Content_Types].xml").decode()
    evil = f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "y">]>{body}'
    path = _repack(
        small_docx,
        tmp_path / "renamed.docx",
        {
            "word/document.xml": evil.encode(),
            "_rels/.rels": rels.replace("word/document.xml", "word/document.bin").encode(),
            "[Content_Types].xml": types.replace("/word/document.xml", "/word/document.bin").encode(),
        },
        {"word/document.xml": "word/document.bin"},
    )
    with pytest.raises(InputError, match="DTD"):
        read_document(path)


def test_json_is_not_read_as_a_disclosure(tmp_path: Path) -> None:
    # 10: yusuan's own JSON was read as a text disclosure with a nonsense unit, exit code 0
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(api.parse_json(ROOT / "examples" / "000_6562e89d941fc7ec.txt")), "utf-8")
    done = _cli(path)
    assert done.returncode == 2 and "JSON" in done.stderr and done.stderr.count("\n") == 1


def test_build_time_is_linear_in_the_unit_names_length(tmp_path: Path) -> None:
    # 4: the narrative claims search was quadratic in a run without digits or punctuation
    text = (ROOT / "examples" / "shuozhou-2025-budget.yaml").read_text("utf-8")
    name = "朔州市朔城区数字政府服务中心"
    budget = tmp_path / "long.yaml"
    budget.write_text(text.replace(f"  unit: {name}", f"  unit: {name * 600}", 1), "utf-8")
    disclosure = api.derive(budget)
    start = time.monotonic()
    api.check_disclosure(disclosure)
    assert time.monotonic() - start < 15  # 8,400 characters: quadratic took minutes


def test_a_damaged_sheet_of_a_budget_workbook_is_one_line(tmp_path: Path) -> None:
    # found by tests/read/test_fuzz.py: read-only openpyxl parses a sheet while it is iterated,
    # so an XML error came out of the loop as a traceback
    source = ROOT / "examples" / "shuozhou-2025-budget.xlsx"
    with zipfile.ZipFile(source) as package:
        sheets = {n: package.read(n) for n in package.namelist() if n.startswith("xl/worksheets/sheet")}
    damaged = {
        name: xml.replace(b"<sheetData>", b'<sheetData><row r="1"><c \x01/>', 1)
        for name, xml in sheets.items()
    }
    path = _repack(source, tmp_path / "damaged-budget.xlsx", damaged)
    with pytest.raises(InputError) as caught:
        api.derive(path)
    assert caught.value.path == str(path) and "\n" not in caught.value.problem
    done = _cli(path, "build", "-o", str(tmp_path / "out"))
    assert done.returncode == 2


def test_a_glyph_with_a_box_that_is_not_finite_is_dropped(tmp_path: Path) -> None:
    """Found by tests/read/test_fuzz.py: four bytes repeated six times inside page 2's content stream of
    the Wanli PDF make PDFium give some characters NaN boxes; the lines were then grouped from nothing
    (IndexError). Such a glyph is not printed anywhere a reader can see, so it is dropped."""
    wanli = ROOT / "tests" / "corpus" / "shanghai-putuo-wanli-subdistrict-2025-dept-budget.pdf"
    source = wanli.read_bytes()
    damaged = tmp_path / "nan-boxes.pdf"
    damaged.write_bytes(source[:1285] + b"\xc0o6Z" * 6 + source[1285:])
    try:
        disclosure = read_document(damaged, limits=Limits(max_seconds=20))
    except InputError as error:  # refused is acceptable; a crash is not
        assert error.path == str(damaged) and "\n" not in str(error)
    else:
        assert disclosure.tables  # the undamaged pages still read
