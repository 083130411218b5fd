"""Each finding shown at its place: the page and the boxes of a PDF, the text printed there."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yusuan.api import input_format
from yusuan.check.engine import NEEDS_PREVIOUS, rule_by_id
from yusuan.model import Disclosure, Finding, Location
from yusuan.read import InputError

if TYPE_CHECKING:
    from yusuan.read.pdf.places import PdfPages


@dataclass(frozen=True)
class Shown:
    """One location of a finding as a person sees it: the places on the printed page (PDF only)
    and the text printed there (the row's cells, or the sentence); both empty when unplaced.
    ``page``: the PDF page the location names, when it names one that exists (shown unmarked
    when the place itself cannot be found)."""

    places: list[Any]  # read.pdf.places.Place: page (1-based) and boxes in points, top-left origin
    text: str | None
    page: int | None = None


def show_locations(path: str | Path, disclosure: Disclosure, locations: Sequence[Location]) -> list[Shown]:
    """Where each location of a finding is in the file ``disclosure`` was read from.

    For a PDF each gets its page and the boxes to highlight (read.pdf.places); for any format
    the text printed there. A location that cannot be placed gets no place.
    """
    from yusuan.read.places import place_text

    if input_format(path) != "pdf":
        return [Shown([], place_text(disclosure, location)) for location in locations]
    from yusuan.read.pdf.places import PdfPages

    with PdfPages(str(path), Path(path).read_bytes()) as pages:
        return _shown(pages, disclosure, locations)


def _shown(pages: PdfPages, disclosure: Disclosure, locations: Sequence[Location]) -> list[Shown]:
    """``show_locations`` on an open PDF (read.pdf.places.PdfPages)."""
    from yusuan.read.pdf.places import locate
    from yusuan.read.places import place_text

    return [
        Shown(
            list(locate(pages, disclosure, location)),
            place_text(disclosure, location),
            location.page if location.page is not None and 1 <= location.page <= pages.count else None,
        )
        for location in locations
    ]


def shown_to_json(shown: Shown) -> dict[str, Any]:
    """One shown location as stored with a finding: its text, the page it names, and its places
    (page, each box as left/top/width/height in percent of the page, exact)."""
    return {
        "text": shown.text,
        "page": shown.page,
        "places": [
            {
                "page": place.page,
                "boxes": [[round(v, 3) for v in box] for box in place.percent()],
                "exact": place.exact,
            }
            for place in shown.places
        ],
    }


def finding_places(
    path: str | Path,
    disclosure: Disclosure,
    findings: Sequence[Finding],
    previous: tuple[str | Path, Disclosure] | None = None,
) -> list[dict[str, Any]]:
    """Per finding, where it is shown, as stored with it: ``{"pdf": bool, "locations": [...]}``, one
    ``shown_to_json`` per location (the empty location when it has none), each with the ``pdf`` of
    the document it is in. With ``previous`` (last year's file and its Disclosure), the locations
    after the first of a cross-year finding are in last year's document, and are placed there.
    Each file is opened once for all of them; each page is cut at most once."""
    wanted = []
    for finding in findings:
        rule = rule_by_id(finding.rule)
        split = previous is not None and rule is not None and rule.family in NEEDS_PREVIOUS
        wanted.append(
            [(int(split and i > 0), loc) for i, loc in enumerate(finding.locations or (Location(),))]
        )
    return locations_places([(path, disclosure), *([previous] if previous else [])], wanted)


def locations_places(
    documents: Sequence[tuple[str | Path, Disclosure]], wanted: Sequence[Sequence[tuple[int, Location]]]
) -> list[dict[str, Any]]:
    """``finding_places`` for findings given by their locations, each with the index of the document
    (in ``documents``, the finding's own first) it is in; a non-empty sequence per finding."""
    from yusuan.read.pdf.places import PdfPages
    from yusuan.read.places import place_text

    found: dict[tuple[int, int], dict[str, Any]] = {}
    for index, (path, disclosure) in enumerate(documents):
        here = [(f, i, loc) for f, each in enumerate(wanted) for i, (d, loc) in enumerate(each) if d == index]
        if not here:
            continue
        if input_format(path) != "pdf":
            for f, i, loc in here:
                found[f, i] = shown_to_json(Shown([], place_text(disclosure, loc))) | {"pdf": False}
            continue
        with PdfPages(str(path), Path(path).read_bytes()) as pages:
            shown = _shown(pages, disclosure, [loc for _, _, loc in here])
        for (f, i, _), item in zip(here, shown, strict=True):
            found[f, i] = shown_to_json(item) | {"pdf": True}
    pdf = input_format(documents[0][0]) == "pdf"
    return [
        {"pdf": pdf, "locations": [found[f, i] for i in range(len(each))]} for f, each in enumerate(wanted)
    ]


def render_page_png(path: str | Path, page: int, scale: float) -> bytes:
    """Page ``page`` (1-based) of a PDF as a PNG at ``scale`` × 72 dpi, as displayed (crop box, rotation)."""
    import io

    from yusuan.read.limits import DEFAULT_LIMITS
    from yusuan.read.pdf.rendering import open_to_render, page_to_render

    document = open_to_render(str(path), Path(path).read_bytes(), DEFAULT_LIMITS)
    try:
        if not 1 <= page <= len(document):
            raise InputError(str(path), f"没有第 {page} 页 / no page {page}")
        handle = page_to_render(str(path), document, page - 1)
        try:
            image = handle.render(scale=scale).to_pil()
        finally:
            handle.close()
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
