"""RapidOCR with the ONNX models its wheel ships: image -> text lines -> character boxes.

The models are loaded by path from inside the installed ``rapidocr`` package; RapidOCR is never
asked to resolve a model itself, so its download code path cannot run. ``bundled_models``
names the files and refuses (``OcrUnavailable``) when one is missing, instead of fetching it.
"""

from __future__ import annotations

import importlib.util
import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from yusuan.read.ocr.settings import OcrSettings

MODEL_FILES = {
    "Det": "PP-OCRv6_det_small.onnx",
    "Rec": "PP-OCRv6_rec_small.onnx",
    "Cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
}


class OcrUnavailable(RuntimeError):
    """RapidOCR or one of its bundled models is not installed."""


@dataclass(frozen=True, slots=True)
class OcrChar:
    """One recognised character (or run of characters) and its box in image pixels."""

    text: str
    score: float
    x0: float
    top: float
    x1: float
    bottom: float


def bundled_models() -> dict[str, Path]:
    """The model files inside the installed rapidocr package, by RapidOCR stage."""
    spec = importlib.util.find_spec("rapidocr")
    if spec is None or spec.origin is None:
        raise OcrUnavailable("未安装 rapidocr / rapidocr is not installed")
    folder = Path(spec.origin).parent / "models"
    models = {stage: folder / name for stage, name in MODEL_FILES.items()}
    missing = [str(p) for p in models.values() if not p.is_file()]
    if missing:
        raise OcrUnavailable(f"缺少 OCR 模型文件 / bundled OCR models missing: {', '.join(missing)}")
    return models


def _line_minimum(info: Any) -> float:
    """The lowest confidence of any character of a recognised line (RapidOCR keeps one per character)."""
    confs = list(getattr(info, "confs", None) or [])
    return float(min(confs)) if confs else 0.0


@cache
def _engine(det_limit_side_len: int) -> Any:
    models = bundled_models()
    from rapidocr import RapidOCR  # heavy (onnxruntime, cv2): only when a scan is read

    class _MinimumConfidence(RapidOCR):
        """RapidOCR reporting, per line, the lowest character confidence instead of word boxes.

        The line score RapidOCR prints is a mean, which hides one doubtful digit among nine sure
        ones; the per-character confidences are in the recogniser's word info, taken here.
        """

        def calc_word_boxes(self, img: Any, dt_boxes: Any, rec_res: Any) -> Any:
            del img, dt_boxes
            return tuple(_line_minimum(info) for info in rec_res.word_results)

    logging.getLogger("RapidOCR").setLevel(logging.WARNING)
    params: dict[str, Any] = {f"{stage}.model_path": str(path) for stage, path in models.items()}
    params.update(
        {
            "Global.use_cls": False,  # pages are rendered upright; /Rotate is applied by PDFium
            "Global.log_level": "warning",
            "Det.limit_type": "max",
            "Det.limit_side_len": det_limit_side_len,
        }
    )
    return _MinimumConfidence(params=params)


def _box(points: Any) -> tuple[float, float, float, float]:
    xs = [float(p[0]) for p in points]
    ys = [float(p[1]) for p in points]
    return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One detected text line: its text, its lowest character confidence, its box in pixels."""

    text: str
    score: float
    x0: float
    top: float
    x1: float
    bottom: float

    def chars(self) -> list[OcrChar]:
        """The characters laid evenly across the box (white space takes a place but no glyph)."""
        step = (self.x1 - self.x0) / max(len(self.text), 1)
        return [
            OcrChar(char, self.score, self.x0 + i * step, self.top, self.x0 + (i + 1) * step, self.bottom)
            for i, char in enumerate(self.text)
            if not char.isspace()
        ]


def recognise(image: npt.NDArray[np.uint8], settings: OcrSettings) -> list[OcrLine]:
    """Every text line RapidOCR finds on a greyscale page image, with its lowest confidence."""
    # The engine keeps the stages of its last call: say them every time.
    result = _engine(settings.det_limit_side_len)(
        image, use_det=True, use_cls=False, use_rec=True, return_word_box=True, text_score=0.0
    )
    if result.txts is None or result.boxes is None:
        return []
    minima = result.word_results if result.word_results is not None else ()
    lines: list[OcrLine] = []
    for index, (points, text, mean) in enumerate(zip(result.boxes, result.txts, result.scores, strict=True)):
        score = float(minima[index]) if index < len(minima) else float(mean)
        lines.append(OcrLine(str(text), min(score, float(mean)), *_box(points)))
    return lines


def recognise_crop(image: npt.NDArray[np.uint8], settings: OcrSettings) -> tuple[str, float]:
    """The text of an image holding one line (no detection), with its lowest confidence."""
    if image.size == 0 or min(image.shape[:2]) < 2:
        return "", 1.0
    result = _engine(settings.det_limit_side_len)(
        image, use_det=False, use_cls=False, use_rec=True, return_word_box=True, text_score=0.0
    )
    texts = getattr(result, "txts", None)
    if not texts:
        return "", 0.0
    infos = getattr(result, "word_results", None) or ()
    mean = float(result.scores[0])
    score = _line_minimum(infos[0]) if infos else mean
    return str(texts[0]), min(score, mean)
