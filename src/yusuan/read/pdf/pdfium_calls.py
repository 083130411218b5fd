"""PDFium functions for the per-character and per-object loops, called without argument conversion.

pypdfium2_raw declares every function's argument types, so each call converts and checks each
argument, and a function returning a pointer wraps it in a new typed pointer object: about 0.4 µs
a call, which over every character and every page object is most of the reading of a page. These
are the same C functions (their addresses taken from pypdfium2_raw, so the same loaded library)
under a prototype with no declared arguments: a call costs about 0.2 µs.

The price is that nothing checks the arguments. Pass only ctypes pointer instances (``Handle``,
a ``.raw`` handle of ``pdfium_doc``, ``ctypes.byref``) for pointer parameters and Python ints for ``int``
parameters; a Python int passed for a pointer would be cut to 32 bits. Functions returning a
pointer return a ``Handle``, which is passed back as a pointer.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2_raw as pdfium_c


class Handle(ctypes.c_void_p):
    """A PDFium object pointer as returned here (a c_void_p subclass is not turned into an int)."""


def _bare(function: Any, restype: Any) -> Any:
    """The C function behind a pypdfium2_raw binding, with its result type and no argument types."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    if address is None:
        raise ImportError(f"PDFium function {function!r} has no address")
    return ctypes.CFUNCTYPE(restype)(address)


_INT = ctypes.c_int

# (textpage, index, FS_RECTF*) -> bool
text_loose_char_box = _bare(pdfium_c.FPDFText_GetLooseCharBox, _INT)
# (page, index) -> object; (form, index) -> object; (form) -> count; (object) -> FPDF_PAGEOBJ_*
page_object = _bare(pdfium_c.FPDFPage_GetObject, Handle)
form_object = _bare(pdfium_c.FPDFFormObj_GetObject, Handle)
form_object_count = _bare(pdfium_c.FPDFFormObj_CountObjects, _INT)
object_type = _bare(pdfium_c.FPDFPageObj_GetType, _INT)
# (object, FS_MATRIX*) -> bool
object_matrix = _bare(pdfium_c.FPDFPageObj_GetMatrix, _INT)
# (path) -> count; (path, index) -> segment
path_segment_count = _bare(pdfium_c.FPDFPath_CountSegments, _INT)
path_segment = _bare(pdfium_c.FPDFPath_GetPathSegment, Handle)
# (segment, float*, float*) -> bool; (segment) -> FPDF_SEGMENT_*; (segment) -> bool
segment_point = _bare(pdfium_c.FPDFPathSegment_GetPoint, _INT)
segment_type = _bare(pdfium_c.FPDFPathSegment_GetType, _INT)
segment_close = _bare(pdfium_c.FPDFPathSegment_GetClose, _INT)
