"""Lines in reading order with their sources; bad input refused with one clear InputError."""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from handmade_pdf import CATALOG, build_pdf
from pdf_corpus import CORPUS, ROOT, corpus_pdf, corpus_reading, with_blank_image_page

from yusuan.read.errors import InputError
from yusuan.read.pdf import Limits, read_pdf
from yusuan.reference.profiles import detect_profile

__all__ = ["corpus_pdf"]

MOF = next(p for p in CORPUS if "mof" in p.stem)
SEED = ROOT / "examples" / "000_6562e89d941fc7ec.txt"
NOT_A_DISCLOSURE = ROOT / "data" / "procurement" / "sources" / "zhengfu-caigou-pinmu-fenlei-mulu-2022.pdf"


def test_lines_carry_file_page_line_and_bbox(corpus_pdf: Path) -> None:
    reading = corpus_reading(corpus_pdf)
    assert reading.lines
    pages = [line.source.page for line in reading.lines]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] == reading.page_count
    grid_rows = {
        (grid.page, tuple(round(v, 2) for v in box))
        for layout in reading.layouts
        for grid in layout.grids
        for box in grid.row_boxes
    }
    for line in reading.lines:
        assert line.source.file == str(corpus_pdf)
        assert line.source.line is not None and line.source.line >= 1
        assert line.source.bbox is not None
        if line.is_blank:  # only an empty row of a ruled table is blank
            assert (line.source.page, line.source.bbox) in grid_rows


def test_table_rows_are_full_grids_with_split_code_columns() -> None:
    lines = [line for line in corpus_reading(MOF).lines if line.source.page == 10]
    texts = [line.cells for line in lines]
    title = texts.index(("2025年预算单位支出预算总表",))
    assert ("编制单位：上海市财政局", "单位：元") in texts[title + 1 : title + 2]
    assert ("201", "06", "01", "行政运行", "84,861,719", "84,861,719", "") in texts
    assert ("201", "06", "02", "一般行政管理事务", "28,544,130", "", "28,544,130") in texts
    # Header slots covered by a merged cell are empty strings; every grid row has 7 cells.
    grid_rows = [cells for cells in texts[title + 2 :]]
    assert all(len(cells) == 7 for cells in grid_rows)
    assert grid_rows[0] == ("项目", "", "", "", "支出预算", "", "")


def test_narrative_lines_are_one_cell_in_reading_order() -> None:
    lines = [line for line in corpus_reading(MOF).lines if line.source.page == 21]
    texts = ["".join(line.cells) for line in lines]
    first = texts.index("其他相关情况说明")
    assert texts[first + 1] == "一、2025年“三公”经费预算情况说明"
    assert all(len(line.cells) == 1 for line in lines)


def test_profiles_are_detected_from_titles() -> None:
    assert corpus_reading(MOF).profile == "shanghai"
    assert {corpus_reading(p).profile for p in CORPUS if p != MOF} == {"shanghai_department"}
    found = detect_profile(SEED.read_text(encoding="utf-8"))
    assert found is not None and found.id == "shanxi"


def _blank_pdf(path: Path, pages: int = 1) -> Path:
    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        document.new_page(595, 842)
    document.save(path)
    document.close()
    return path


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            build_pdf(
                [
                    CATALOG,
                    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
                    f"<< /Filter /Standard /V 1 /R 2 /O <{'11' * 32}> /U <{'22' * 32}> /P -4 >>",
                ],
                f"/Encrypt 4 0 R /ID [<{'ab' * 16}> <{'ab' * 16}>] ",
            ),
            "PDF 已加密",
        ),
        (build_pdf([CATALOG, "<< /Type /Pages /Kids [] /Count 0 >>"]), "PDF 没有页面"),
        (b"%PDF-1.4\n" + bytes(range(256)) * 4, "PDF 文件损坏"),
        (b"PK\x03\x04 not a pdf", "不是 PDF 文件"),
    ],
    ids=["encrypted", "zero-pages", "corrupt", "not-pdf"],
)
def test_unreadable_pdfs_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_pdf("bad.pdf", data)
    assert message in caught.value.problem
    assert "\n" not in str(caught.value)


def test_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="没有文字层"):
        read_pdf(_blank_pdf(tmp_path / "scan.pdf"))


def test_pdf_that_is_not_a_disclosure_is_refused() -> None:
    with pytest.raises(InputError, match="未识别为预算公开文件"):
        read_pdf(NOT_A_DISCLOSURE, limits=Limits(max_pages=200))


def test_page_limit_is_configurable_and_checked_before_reading(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="超过上限 5 页"):
        read_pdf(MOF, limits=Limits(max_pages=5))
    with pytest.raises(InputError, match="2000 页"):
        read_pdf(_blank_pdf(tmp_path / "long.pdf", pages=2000))


def test_glyph_limit_per_page_is_checked() -> None:
    with pytest.raises(InputError, match="第 3 页内容过多"):
        read_pdf(MOF, limits=Limits(max_glyphs_per_page=1000))


def test_ruling_and_size_limits_are_checked() -> None:
    with pytest.raises(InputError, match="第 7 页内容过多"):
        read_pdf(MOF, limits=Limits(max_path_segments_per_page=100))
    with pytest.raises(InputError, match="第 7 页内容过多"):
        read_pdf(MOF, limits=Limits(max_rulings_per_page=10))
    with pytest.raises(InputError, match="文件过大"):
        read_pdf(MOF, limits=Limits(max_file_bytes=1000))


def test_baseline_backend_applies_the_same_refusals() -> None:
    with pytest.raises(InputError, match="超过上限"):
        read_pdf(MOF, backend="baseline", limits=Limits(max_pages=5))


@pytest.mark.parametrize("backend", ["fast", "baseline"])
def test_image_only_pages_are_named_not_dropped(tmp_path: Path, backend: str) -> None:
    reading = read_pdf(with_blank_image_page(MOF, tmp_path / "mixed.pdf"), backend=backend)
    assert reading.page_count == 22
    assert reading.image_only_pages == [22]
    assert len(reading.tables) == 9


@pytest.mark.parametrize("seed", range(4))
def test_damaged_pdfs_give_a_reading_or_an_input_error(seed: int) -> None:
    rng = random.Random(seed)
    source = CORPUS[seed % len(CORPUS)]
    data = bytearray(source.read_bytes())
    cut = bytes(data[: int(len(data) * rng.uniform(0.2, 0.99))])
    for _ in range(40):
        index = rng.randrange(1024, len(data))
        data[index] = rng.randrange(256)
    for damaged in (cut, bytes(data)):
        try:
            reading = read_pdf("damaged.pdf", damaged)
        except InputError as exc:
            assert "\n" not in exc.problem
        else:
            assert reading.page_count > 0
