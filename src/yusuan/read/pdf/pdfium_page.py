"""The fast path: glyph boxes and ruling edges of a page straight from PDFium (``pypdfium2_raw``)."""

from __future__ import annotations

import ctypes

import pypdfium2_raw as pdfium_c

from yusuan.read.limits import Limits
from yusuan.read.pdf import pdfium_calls as calls
from yusuan.read.pdf.layout import Edge, Glyph
from yusuan.read.pdf.pdfium_doc import Page

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_PATH = pdfium_c.FPDF_PAGEOBJ_PATH
_FORM = pdfium_c.FPDF_PAGEOBJ_FORM
_IMAGE = pdfium_c.FPDF_PAGEOBJ_IMAGE
_MOVETO = pdfium_c.FPDF_SEGMENT_MOVETO
_LINETO = pdfium_c.FPDF_SEGMENT_LINETO


class PageTooLarge(Exception):
    """The page holds more glyphs or path segments than the limits allow."""


class Display:
    """PDF user space -> the page as displayed: crop box origin, /Rotate applied, top-left origin."""

    def __init__(self, page: Page) -> None:
        self.rotation = page.get_rotation() % 360
        self.left, self.bottom, self.right, self.top = page.get_cropbox()

    def point(self, x: float, y: float) -> tuple[float, float]:
        rotation = self.rotation
        if rotation == 0:
            return x - self.left, self.top - y
        if rotation == 90:
            return y - self.bottom, x - self.left
        if rotation == 180:
            return self.right - x, y - self.bottom
        return self.top - y, self.right - x

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """A user-space rectangle as (x0, top, x1, bottom) on the displayed page."""
        x0, y0 = self.point(left, bottom)
        x1, y1 = self.point(right, top)
        return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def page_glyphs(page: Page, display: Display, limits: Limits) -> list[Glyph]:
    """Every printed (not generated, not blank) character with its advance box, top-left origin."""
    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        count = pdfium_c.FPDFText_CountChars(handle)
        if count > limits.max_glyphs_per_page:
            raise PageTooLarge(f"{count} glyphs")
        text = textpage.text() if count else ""
        get_box = calls.text_loose_char_box
        rect = pdfium_c.FS_RECTF()
        rect_ref = ctypes.byref(rect)
        glyphs: list[Glyph] = []
        append = glyphs.append
        if len(text) != count:  # characters outside the BMP: one index each, not two UTF-16 units
            get_unicode = pdfium_c.FPDFText_GetUnicode
            text = "".join(chr(get_unicode(handle, i) or 0xFFFE) for i in range(count))
        make = tuple.__new__  # a Glyph without its Python-level constructor: this loop is the hot one
        upright = display.rotation == 0
        left, top = display.left, display.top
        for index, char in enumerate(text):
            # Whitespace carries no cell text (gaps are measured); PDFium's generated
            # characters are all whitespace (spaces and line breaks it inserts).
            if char.isspace() or char == "\ufffe" or char == "\x00":
                continue
            if not get_box(handle, index, rect_ref):
                continue
            finite = rect.left + rect.top + rect.right + rect.bottom  # NaN or ±inf from a broken font
            if finite - finite != 0:
                continue
            if upright:
                append(
                    make(
                        Glyph, (char, rect.left - left, top - rect.top, rect.right - left, top - rect.bottom)
                    )
                )
            else:
                append(make(Glyph, (char, *display.box(rect.left, rect.bottom, rect.right, rect.top))))
        return glyphs
    finally:
        textpage.close()


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _matrix(obj: calls.Handle, m: pdfium_c.FS_MATRIX | None = None) -> Matrix:
    """The object's matrix (``m``: a buffer to reuse)."""
    if m is None:
        m = pdfium_c.FS_MATRIX()
    if not calls.object_matrix(obj, ctypes.byref(m)):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


class _EdgeCollector:
    def __init__(self, display: Display, limits: Limits) -> None:
        self.display = display
        self.upright = display.rotation == 0
        self.limits = limits
        self.segments = 0
        self.images = 0
        self.edges: list[Edge] = []
        self._x = ctypes.c_float()
        self._y = ctypes.c_float()
        self._x_ref, self._y_ref = ctypes.byref(self._x), ctypes.byref(self._y)
        self._m = pdfium_c.FS_MATRIX()

    def _add(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A line piece from (x0, y0) to (x1, y1) in PDF user space: kept when level or plumb."""
        if self.upright:  # the common case, without a call per point
            left, top = self.display.left, self.display.top
            x0, top0, x1, top1 = x0 - left, top - y0, x1 - left, top - y1
        else:
            x0, top0 = self.display.point(x0, y0)
            x1, top1 = self.display.point(x1, y1)
        if top0 == top1:
            self.edges.append(Edge("h", top0, min(x0, x1), max(x0, x1)))
        elif x0 == x1:
            self.edges.append(Edge("v", x0, min(top0, top1), max(top0, top1)))

    def path(self, obj: calls.Handle, outer: Matrix) -> None:
        a, b, c, d, e, f = _compose(_matrix(obj, self._m), outer)
        count = calls.path_segment_count(obj)
        self.segments += max(count, 0)
        if self.segments > self.limits.max_path_segments_per_page:
            raise PageTooLarge(f"{self.segments} path segments")
        x_box, y_box = self._x, self._y
        x_ref, y_ref = self._x_ref, self._y_ref
        get_segment = calls.path_segment
        get_point = calls.segment_point
        get_type = calls.segment_type
        get_close = calls.segment_close
        add = self._add
        # The pen (px, py) and the subpath's start (sx, sy) as plain floats: this loop runs
        # for every segment of every path, so no tuple per point.
        started = moved = False
        sx = sy = px = py = 0.0
        for index in range(count):
            segment = get_segment(obj, index)
            get_point(segment, x_ref, y_ref)
            x, y = x_box.value, y_box.value
            qx, qy = round(a * x + c * y + e, 3), round(b * x + d * y + f, 3)
            kind = get_type(segment)
            if kind == _MOVETO:
                # A closing flag on a move closes nothing: the pen is at the start already.
                sx, sy, px, py = qx, qy, qx, qy
                started = moved = True
                continue
            if kind == _LINETO and moved:
                add(px, py, qx, qy)
            # Bézier pieces draw no ruling; their end point still moves the pen.
            px, py = qx, qy
            moved = True
            if get_close(segment) and started and (px != sx or py != sy):
                add(px, py, sx, sy)
                px, py = sx, sy

    def walk(self, container: calls.Handle | None, page: Page, outer: Matrix, depth: int) -> None:
        owner: ctypes._Pointer[ctypes.Structure] | calls.Handle
        if container is None:
            owner, count = page.raw, pdfium_c.FPDFPage_CountObjects(page.raw)
            get_object = calls.page_object
        else:
            owner, count = container, calls.form_object_count(container)
            get_object = calls.form_object
        get_type = calls.object_type
        for index in range(count):
            obj = get_object(owner, index)
            kind = get_type(obj)
            if kind == _PATH:
                self.path(obj, outer)
            elif kind == _IMAGE:
                self.images += 1
            elif kind == _FORM and depth < self.limits.max_form_depth:
                self.walk(obj, page, _compose(_matrix(obj), outer), depth + 1)


def page_edges(page: Page, display: Display, limits: Limits) -> tuple[list[Edge], int]:
    """Horizontal and vertical line pieces of every path on the page (forms followed),
    and the number of images drawn on it."""
    collector = _EdgeCollector(display, limits)
    collector.walk(None, page, _IDENTITY, 0)
    return collector.edges, collector.images
