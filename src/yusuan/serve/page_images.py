"""Each finding shown at its place: the page images of a PDF upload, and a finding's page with the
cells or sentence it names highlighted (server-rendered boxes over the image, no JavaScript).

Page images are rendered with pypdfium2 once and kept under ``DATA_DIR/pages/<sha256>/`` by
page and scale: the upload's bytes never change under its hash, so a second view reads the file.
"""

from __future__ import annotations

import os
import tempfile
from collections import OrderedDict
from pathlib import Path
from threading import Lock
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from yusuan import api
from yusuan.model import Disclosure, Location
from yusuan.serve.auth import page_user
from yusuan.serve.routes_api import visible_upload
from yusuan.serve.routes_pages import page
from yusuan.serve.worker import stored_path
from yusuan.store.people import User
from yusuan.store.workbench import get_finding

router = APIRouter(include_in_schema=False)
Viewer = Annotated[User, Depends(page_user)]
SCALE = 2.0  # 144 dpi: a 9-point figure is 18 pixels high, readable at a glance
_LOCATION_FIELDS = ("table", "row", "column", "section", "sentence", "page", "line")
_PARSED: OrderedDict[str, Disclosure] = OrderedDict()  # sha256 -> the upload read, a few kept
_PARSED_KEEP = 4
# PDFium is not thread-safe and the routes run in a thread pool: one PDFium call at a time here
# (the checks run in worker processes of their own).
_pdfium = Lock()


def _upload_file(request: Request, row: dict[str, Any]) -> Path:
    return stored_path(request.app.state.settings.upload_dir, row["sha256"], row["filename"])


def page_image_path(data_dir: Path, sha256: str, number: int, scale: float = SCALE) -> Path:
    """Where the image of page ``number`` of the upload ``sha256`` is kept."""
    return data_dir / "pages" / sha256 / f"{number}@{scale:g}x.png"


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".rendering-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _is_pdf(path: Path) -> bool:
    try:
        return api.input_format(path) == "pdf"
    except api.InputError:
        return False


@router.get("/documents/{upload_id}/pages/{number}.png")
def page_image(request: Request, upload_id: int, number: int, user: Viewer) -> Response:
    """Page ``number`` (1-based) of a PDF upload as a PNG; 404 for a page that does not exist."""
    row = visible_upload(request, user, upload_id)
    cached = page_image_path(request.app.state.settings.data_dir, row["sha256"], number)
    headers = {"Cache-Control": "private, max-age=86400"}
    if cached.exists():
        return Response(cached.read_bytes(), media_type="image/png", headers=headers)
    path = _upload_file(request, row)
    if not path.exists() or not _is_pdf(path):
        raise HTTPException(404, "只有 PDF 文件有页面图像 / only a PDF has page images")
    try:
        with _pdfium:
            data = api.render_page_png(path, number, SCALE)
    except api.InputError:
        raise HTTPException(404, f"没有第 {number} 页 / no page {number}") from None
    _write_atomically(cached, data)
    return Response(data, media_type="image/png", headers=headers)


def _disclosure(path: Path, sha256: str) -> Disclosure:
    """The upload read again (as the worker read it), the last few kept in memory; under _pdfium."""
    if sha256 in _PARSED:
        _PARSED.move_to_end(sha256)
        return _PARSED[sha256]
    disclosure = api.parse(path)
    _PARSED[sha256] = disclosure
    while len(_PARSED) > _PARSED_KEEP:
        _PARSED.popitem(last=False)
    return disclosure


def _location(data: dict[str, Any]) -> Location:
    return Location(**{key: data.get(key) for key in _LOCATION_FIELDS})


def shown_places(path: Path, sha256: str, locations: list[Location]) -> list[dict[str, Any]]:
    """Per location: its description, its places (page, boxes in percent, exact) and its text."""
    with _pdfium:
        shown = api.show_locations(path, _disclosure(path, sha256), locations)
    return [
        {
            "where": str(location),
            "text": item.text,
            "page": item.page,
            "places": [
                {"page": place.page, "boxes": place.percent(), "exact": place.exact} for place in item.places
            ],
        }
        for location, item in zip(locations, shown, strict=True)
    ]


@router.get("/documents/{upload_id}/findings/{finding_id}")
def finding_view(request: Request, upload_id: int, finding_id: int, user: Viewer) -> HTMLResponse:
    """在页面上查看 / show on page: the finding, and each of its places on the page image."""
    row = visible_upload(request, user, upload_id)
    finding = get_finding(request.app.state.engine, finding_id)
    if finding is None or finding["upload_id"] != upload_id:
        raise HTTPException(404, "没有这条发现 / no such finding")
    body = finding["body"]
    locations = [_location(data) for data in body.get("locations") or [body.get("location") or {}]]
    documents = [(row, locations)]
    if finding.get("previous_upload_id"):  # cross-year: its later places are in last year's document
        documents = [(row, locations[:1])]
        try:
            documents.append((visible_upload(request, user, finding["previous_upload_id"]), locations[1:]))
        except HTTPException:  # last year's document is not this viewer's to see
            pass
    places = []
    for document, wanted in documents:
        path = _upload_file(request, document)
        if not path.exists():
            raise HTTPException(404, "上传的文件已不在 / the uploaded file is gone")
        try:
            shown = shown_places(path, document["sha256"], wanted)
        except api.InputError as exc:
            raise HTTPException(422, str(exc)) from None
        places += [item | {"doc": document, "is_pdf": _is_pdf(path)} for item in shown]
    is_pdf = _is_pdf(_upload_file(request, row))
    return page(request, "finding.html", user, doc=row, f=finding, places=places, is_pdf=is_pdf)
