"""RapidOCR runs on the models inside its wheel, and never reaches its download code."""

from __future__ import annotations

from pathlib import Path

import pytest
import rapidocr
from ocr_pages import MOF, page_image
from rapidocr.utils.download_file import DownloadFile

from yusuan.read.ocr import DEFAULT_SETTINGS, bundled_models
from yusuan.read.ocr import engine as engine_module
from yusuan.read.ocr.engine import OcrLine, recognise, recognise_crop


def test_the_models_are_files_inside_the_installed_package() -> None:
    package = Path(rapidocr.__file__).resolve().parent
    models = bundled_models()
    assert set(models) == {"Det", "Rec", "Cls"}
    for path in models.values():
        assert path.is_file()
        assert path.resolve().parent == package / "models"
        assert path.stat().st_size > 500_000  # real ONNX weights, not pointers


def test_reading_a_page_never_runs_the_download_code(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("RapidOCR tried to download a model")

    monkeypatch.setattr(DownloadFile, "run", refuse)
    engine_module._engine.cache_clear()  # build the engine anew under the patch
    image, _w, _h = page_image(MOF, 20)
    lines = recognise(image[: image.shape[0] // 4], DEFAULT_SETTINGS)
    assert any("三公" in line.text for line in lines)


def test_lines_carry_their_lowest_character_confidence_and_box() -> None:
    image, _w, _h = page_image(MOF, 20)
    lines = recognise(image[: image.shape[0] // 4], DEFAULT_SETTINGS)
    title = next(line for line in lines if "三公" in line.text)
    assert 0.0 < title.score <= 1.0
    assert title.x0 < title.x1 and title.top < title.bottom
    chars = title.chars()
    assert "".join(c.text for c in chars) == "".join(title.text.split())
    assert chars[0].x0 == title.x0 and chars[-1].x1 <= title.x1 + 1e-6


def test_a_crop_is_read_without_detection() -> None:
    image, _w, _h = page_image(MOF, 20)
    lines = recognise(image[: image.shape[0] // 4], DEFAULT_SETTINGS)
    title = next(line for line in lines if "三公" in line.text)
    crop = image[int(title.top) : int(title.bottom), int(title.x0) : int(title.x1)]
    text, score = recognise_crop(crop, DEFAULT_SETTINGS)
    assert "".join(text.split()) == "".join(title.text.split())
    assert score > 0.5
    assert recognise_crop(crop[:1], DEFAULT_SETTINGS) == ("", 1.0)


def test_white_space_takes_a_place_but_makes_no_character() -> None:
    line = OcrLine("12 34", 0.9, 0.0, 0.0, 50.0, 10.0)
    chars = line.chars()
    assert [c.text for c in chars] == ["1", "2", "3", "4"]
    assert chars[2].x0 == 30.0  # the space kept its tenth of the box
    assert {c.score for c in chars} == {0.9}
