"""Hostile and broken DOCX/XLSX/HTML input: each gives one InputError naming the file and the
problem, within bounded time and memory, and the CLI prints it on one line with exit code 2."""

from __future__ import annotations

import io
import random
import re
import subprocess
import sys
import time
import tracemalloc
import zipfile
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from yusuan.read import InputError, Limits, read_document

GIB = 1024 * 1024 * 1024
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
}
MAIN_PART = {"xlsx": "/xl/workbook.xml", "docx": "/word/document.xml"}


def _content_types(kind: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="{MAIN_PART[kind]}" ContentType="{CONTENT_TYPES[kind]}"/></Types>'
    )


@pytest.fixture(scope="module")
def bomb_bytes() -> dict[str, bytes]:
    """A package per kind with a member of 1 GiB of zeros (about 1 MB compressed).

    The big member is compressed once; each kind appends its [Content_Types].xml to a copy.
    """
    chunk = bytes(1024 * 1024)
    base = io.BytesIO()
    with zipfile.ZipFile(base, "w", zipfile.ZIP_DEFLATED) as package:
        with package.open("customXml/item1.xml", "w", force_zip64=True) as stream:
            for _ in range(GIB // len(chunk)):
                stream.write(chunk)
    built = {}
    for kind in ("xlsx", "docx"):
        buffer = io.BytesIO(base.getvalue())
        with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as package:
            package.writestr("[Content_Types].xml", _content_types(kind))
        built[kind] = buffer.getvalue()
    return built


def _refused(path: Path, words: str, limits: Limits | None = None) -> InputError:
    """Read ``path``, expecting an InputError naming it and saying ``words``; time and memory bounded."""
    tracemalloc.start()
    start = time.monotonic()
    try:
        with pytest.raises(InputError) as caught:
            read_document(path, limits=limits)
    finally:
        elapsed = time.monotonic() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    error = caught.value
    assert error.path == str(path)
    assert words in error.problem, error.problem
    assert "\n" not in str(error)
    assert elapsed < 10, elapsed
    assert peak < 200 * 1024 * 1024, peak
    return error


def _repack(source: Path, target: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item.filename, replace.get(item.filename, old.read(item.filename)))
    return target


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_zip_bomb(tmp_path: Path, bomb_bytes: dict[str, bytes], kind: str) -> None:
    path = tmp_path / f"budget.{kind}"
    path.write_bytes(bomb_bytes[kind])
    assert path.stat().st_size < 5 * 1024 * 1024
    _refused(path, "压缩炸弹")


def test_a_member_that_inflates_beyond_its_declared_size(tmp_path: Path, small_xlsx: Path) -> None:
    """The central directory says 100 bytes; the data inflates to 4 MB: refused, never inflated."""
    big = b"<x>" + bytes(4 * 1024 * 1024) + b"</x>"
    data = bytearray(_repack(small_xlsx, tmp_path / "lying.xlsx", {"xl/styles.xml": big}).read_bytes())
    entry = data.find(b"PK\x01\x02")
    while data[entry + 46 : entry + 46 + int.from_bytes(data[entry + 28 : entry + 30], "little")] != (
        b"xl/styles.xml"
    ):
        entry = data.find(b"PK\x01\x02", entry + 4)  # the next central directory entry
        assert entry > 0
    data[entry + 24 : entry + 28] = (100).to_bytes(4, "little")  # uncompressed size in the directory
    path = tmp_path / "lying.xlsx"
    path.write_bytes(bytes(data))
    _refused(path, "ZIP")


def test_not_a_zip_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    path.write_text("收入总表,341.11\n", encoding="utf-8")
    _refused(path, "不是 ZIP 包")


def test_garbage_named_docx(tmp_path: Path) -> None:
    path = tmp_path / "budget.docx"
    path.write_bytes(bytes(range(256)) * 8)
    _refused(path, "不是 ZIP 包")


def test_legacy_or_encrypted_office_file(tmp_path: Path) -> None:
    path = tmp_path / "budget.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    _refused(path, "旧版 Office")


def test_a_zip_that_is_neither_docx_nor_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("readme.txt", "2025年预算收支总表")
        package.writestr("data/table.csv", "合计,341.11")
    _refused(path, "既不是 DOCX 也不是 XLSX")


def test_a_truncated_package(tmp_path: Path, small_docx: Path) -> None:
    path = tmp_path / "cut.docx"
    path.write_bytes(small_docx.read_bytes()[:3000])
    _refused(path, "ZIP")


def test_too_many_members(small_xlsx: Path) -> None:
    _refused(small_xlsx, "成员过多", Limits(max_zip_members=3))


XXE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)
LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(9))
    + b']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>&j;</t></is></c></row></sheetData></worksheet>'
)


def test_external_entity_in_a_docx(tmp_path: Path, small_docx: Path) -> None:
    path = _repack(small_docx, tmp_path / "xxe.docx", {"word/document.xml": XXE})
    _refused(path, "DTD")


def test_billion_laughs_in_an_xlsx(tmp_path: Path, small_xlsx: Path) -> None:
    path = _repack(small_xlsx, tmp_path / "laughs.xlsx", {"xl/worksheets/sheet1.xml": LAUGHS})
    _refused(path, "DTD")


def test_an_entity_in_utf16(tmp_path: Path, small_docx: Path) -> None:
    text = XXE.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    path = _repack(small_docx, tmp_path / "xxe16.docx", {"word/document.xml": text.encode("utf-16")})
    _refused(path, "DTD")


def test_an_absurd_grid_span_in_a_docx(tmp_path: Path, small_docx: Path) -> None:
    body = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        b'<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="999999999"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>'
        b"</w:body></w:document>"
    )
    path = _repack(small_docx, tmp_path / "span.docx", {"word/document.xml": body})
    _refused(path, "单元格数异常")


def test_html_of_100_mb(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    with path.open("wb") as stream:
        stream.write(b"<!DOCTYPE html><html><body><p>2025\xe5\xb9\xb4</p>")
        stream.truncate(100 * 1024 * 1024)  # sparse: the size is what counts
    _refused(path, "过大")


def test_html_over_its_own_limit(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text("<html><body>" + "<p>预算</p>" * 1000 + "</body></html>", encoding="utf-8")
    _refused(path, "HTML 文件过大", Limits(max_html_bytes=4096))


@pytest.mark.parametrize("opening", ["<div>", "<table><tr><td>", "<span><b>"])
def test_deeply_nested_html(tmp_path: Path, opening: str) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<!DOCTYPE html><html><body>" + opening * 50_000 + "预算", encoding="utf-8")
    _refused(path, "嵌套过深")


def test_absurd_spans_in_html_are_capped(tmp_path: Path) -> None:
    """colspan is capped at the column limit, rowspan at the table's rows: read in bounded time."""
    path = tmp_path / "spans.html"
    path.write_text(
        '<html><body><table><tr><td colspan="99999999" rowspan="99999999">x</td></tr></table></body></html>',
        encoding="utf-8",
    )
    _refused(path, "不是已知模板")


def test_an_html_page_that_is_not_a_disclosure(tmp_path: Path) -> None:
    path = tmp_path / "news.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>新闻</title></head><body><h1>区政府召开常务会议</h1>"
        "<p>会议研究了近期重点工作。</p><table><tr><td>时间</td><td>地点</td></tr></table></body></html>",
        encoding="utf-8",
    )
    _refused(path, "不是已知模板的预算公开文件")


def test_a_deadline_that_has_passed(small_docx: Path) -> None:
    _refused(small_docx, "读取超时", Limits(max_seconds=-1))


def _cli_cases(tmp_path: Path, bombs: dict[str, bytes], small_docx: Path) -> dict[str, tuple[Path, str]]:
    cases = {}
    for kind in ("xlsx", "docx"):
        path = tmp_path / f"bomb.{kind}"
        path.write_bytes(bombs[kind])
        cases[f"bomb {kind}"] = (path, "压缩炸弹")
    not_zip = tmp_path / "plain.xlsx"
    not_zip.write_text("合计,341.11", encoding="utf-8")
    cases["not a zip"] = (not_zip, "不是 ZIP 包")
    cases["xxe"] = (_repack(small_docx, tmp_path / "xxe.docx", {"word/document.xml": XXE}), "DTD")
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 10_000, encoding="utf-8")
    cases["deep html"] = (deep, "嵌套过深")
    return cases


@pytest.mark.parametrize("case", ["bomb xlsx", "bomb docx", "not a zip", "xxe", "deep html"])
def test_cli_one_line_exit_2(
    tmp_path: Path, bomb_bytes: dict[str, bytes], small_docx: Path, case: str
) -> None:
    path, words = _cli_cases(tmp_path, bomb_bytes, small_docx)[case]
    result = subprocess.run(
        [sys.executable, "-m", "yusuan.cli", "parse", str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and words in lines[0], result.stderr
    assert result.stdout == ""


def test_too_many_cells_in_a_workbook_are_counted_before_loading(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    for row in range(1, 301):
        book.active.append([row] * 10)
    path = tmp_path / "cells.xlsx"
    book.save(path)
    error = _refused(path, "单元格过多", Limits(max_cells=2_000))
    assert "2000" in error.problem


def test_xml_parts_over_their_limit(small_docx: Path) -> None:
    _refused(small_docx, "XML 部件解压后过大", Limits(max_xml_bytes=1_000))


def test_too_many_html_nodes(tmp_path: Path) -> None:
    path = tmp_path / "flat.html"
    path.write_text("<html><body>" + "<p>预算" * 30_000 + "</body></html>", encoding="utf-8")
    _refused(path, "HTML 节点过多", Limits(max_html_nodes=50_000))


def test_a_merged_range_over_the_whole_sheet(tmp_path: Path, small_xlsx: Path) -> None:
    """openpyxl builds an object per merged cell: one tiny <mergeCell> would be 17 billion of them."""
    with zipfile.ZipFile(small_xlsx) as package:
        sheet = package.read("xl/worksheets/sheet1.xml")
    merged = sheet.replace(
        b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
    )
    assert merged != sheet
    path = _repack(small_xlsx, tmp_path / "merged.xlsx", {"xl/worksheets/sheet1.xml": merged})
    _refused(path, "单元格过多")


@pytest.mark.parametrize("piece", ["<![CDATA[x", "<?x", "</a", "<!x"])
def test_unterminated_markup_repeated_is_read_in_linear_time(tmp_path: Path, piece: str) -> None:
    """html.parser searches to the end of the page for each unterminated construct (quadratic)."""
    path = tmp_path / "storm.html"
    path.write_text("<html><body>" + piece * 300_000, encoding="utf-8")
    _refused(path, "不是已知模板")


_BAD_VALUES = ["-1", "99999999999", "1e308", "x", "", "A1:B", "NaN", "2147483648"]


def _damaged(blob: bytes, rng: random.Random) -> bytes:
    """One random damage: bytes flipped, the part cut, a quoted value replaced, a stretch deleted."""
    data = bytearray(blob)
    choice = rng.random()
    if choice < 0.3:
        for _ in range(rng.randint(1, 5)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    if choice < 0.5:
        return bytes(data[: rng.randrange(len(data))])
    if choice < 0.8:
        text = blob.decode("utf-8", "ignore")
        quoted = list(re.finditer(r'"[^"]{1,12}"', text))
        if quoted:
            hit = rng.choice(quoted)
            text = text[: hit.start()] + f'"{rng.choice(_BAD_VALUES)}"' + text[hit.end() :]
        return text.encode()
    start, end = sorted(rng.randrange(len(data)) for _ in range(2))
    return bytes(data[:start] + data[end:])


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_damaged_packages_give_a_disclosure_or_an_input_error(
    tmp_path: Path, kind: str, small_xlsx: Path, small_docx: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by fuzzing: OverflowError and IndexError from styles, LookupError from a bogus encoding,
    openpyxl printing to stdout. Every damage now ends in an InputError, and stdout stays clean."""
    source = small_xlsx if kind == "xlsx" else small_docx
    with zipfile.ZipFile(source) as package:
        blobs = {name: package.read(name) for name in package.namelist()}
    parts = sorted(name for name in blobs if name.endswith((".xml", ".rels")))
    rng = random.Random(20261127)
    outcomes: Counter[str] = Counter()
    for number in range(150):
        target = rng.choice(parts)
        path = tmp_path / f"damaged{number}.{kind}"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
            for name, blob in blobs.items():
                package.writestr(name, _damaged(blob, rng) if name == target else blob)
        try:
            read_document(path)
            outcomes["read"] += 1
        except InputError as error:
            assert error.path == str(path) and "\n" not in str(error)
            outcomes["refused"] += 1
    assert outcomes["refused"] > 100  # (the small files are no disclosure even when intact)
    assert capsys.readouterr().out == ""
