"""Each finding shown at its place: the page images of a PDF upload, and a finding's page with the
cells or sentence it names highlighted (server-rendered boxes over the image, no JavaScript).

Page images are rendered with pypdfium2 once and kept under ``DATA_DIR/pages/<sha256>/`` by
page and scale: the upload's bytes never change under its hash, so a second view reads the file.
The boxes come from the places the worker stored with each finding right after the check
(``batch.jobs.add_places``): showing a finding reads no upload and does no PDFium work but the
page image. Only an upload checked before places were stored is read again, in a process of its
own, once: the places found are stored with all its findings, and the page says so.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from collections import OrderedDict
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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
from yusuan.store.finding_places import add_places
from yusuan.store.people import User
from yusuan.store.workbench import findings_of, get_finding, get_upload

router = APIRouter(include_in_schema=False)
Viewer = Annotated[User, Depends(page_user)]
SCALE = 2.0  # 144 dpi: a 9-point figure is 18 pixels high, readable at a glance
_LOCATION_FIELDS = ("table", "row", "column", "section", "sentence", "page", "line")
# PDFium is not thread-safe and the routes run in a thread pool: one PDFium call (one page
# render) at a time here. The checks, and the places they store with the findings, are computed
# in worker processes of their own; an upload checked before places were stored is read again in
# one re-reading process (below), never under this lock.
_pdfium = Lock()
_rereader: ProcessPoolExecutor | None = None
_rereader_lock = Lock()
_PARSED: OrderedDict[str, Disclosure] = OrderedDict()  # in the re-reading process: sha256 -> the upload read
_PARSED_KEEP = 4


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
    """The upload read again (as the worker read it), the last few kept; in the re-reading process."""
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


def _locations(body: dict[str, Any]) -> list[Location]:
    """A stored finding's locations; the empty location when it has none (as api.finding_places)."""
    return [_location(data) for data in body.get("locations") or [body.get("location") or {}]]


def _places_read_again(request: Request, row: dict[str, Any], finding_id: int) -> dict[str, Any]:
    """The places of every finding of an upload checked before they were stored, found by reading
    it (and, for cross-year findings, last year's document) again once, and stored with its
    findings (store.finding_places); this finding's places."""
    engine = request.app.state.engine
    rows = findings_of(engine, row["id"])
    uploads = {row["id"]: row}
    wanted: list[list[tuple[int, Location]]] = []
    for finding in rows:
        locations = _locations(finding["body"])
        previous = finding.get("previous_upload_id")
        if previous and previous not in uploads:
            uploads[previous] = get_upload(engine, previous) or {}
        order = list(uploads)
        wanted.append(
            [(order.index(previous) if previous and i else 0, loc) for i, loc in enumerate(locations)]
        )
    paths = []
    for upload in uploads.values():
        path = _upload_file(request, upload) if upload else None
        if path is None or not path.exists():
            raise HTTPException(404, "上传的文件已不在 / the uploaded file is gone")
        paths.append((path, str(upload["sha256"])))
    found = _reread(paths, wanted)
    if "error" in found:
        raise HTTPException(422, found["error"])
    wheres: list[dict[str, Any]] = found["findings"]
    places = {r["id"]: where for r, where in zip(rows, wheres, strict=True)}
    add_places(engine, places)
    return places[finding_id]


def reread_places(
    documents: list[tuple[Path, str]], wanted: list[list[tuple[int, Location]]]
) -> dict[str, Any]:
    """The places of an upload's findings found by reading the documents (path, SHA-256; the upload
    first) again, as the worker stores them (api.locations_places): for an upload checked before
    places were stored. Runs in the re-reading process, never in the web process (a scan is OCR'd
    again, which takes minutes); ``{"error": ...}`` when a file cannot be read."""
    try:
        read = [(path, _disclosure(path, sha256)) for path, sha256 in documents]
        return {"findings": api.locations_places(read, wanted)}
    except api.InputError as exc:  # it does not cross processes: its text does
        return {"error": str(exc)}


def _reread(documents: list[tuple[Path, str]], wanted: list[list[tuple[int, Location]]]) -> dict[str, Any]:
    global _rereader
    with _rereader_lock:
        if _rereader is None:
            context = multiprocessing.get_context("forkserver")
            _rereader = ProcessPoolExecutor(1, mp_context=context)
        pool = _rereader
    try:
        return pool.submit(reread_places, documents, wanted).result()
    except BrokenProcessPool:
        with _rereader_lock:
            if _rereader is pool:
                _rereader = None
        raise HTTPException(500, "重新读取文件的进程异常退出 / the re-reading process died") from None


def stop_rereader() -> None:
    """Stop the re-reading process (at server stop), if one was started."""
    global _rereader
    with _rereader_lock:
        pool, _rereader = _rereader, None
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


def shown_places(locations: list[Location], stored: dict[str, Any]) -> list[dict[str, Any]]:
    """Per location: its description, its text, the page it names and its places (page, boxes in
    percent, exact), from the places stored with the finding."""
    return [
        {"where": str(location), **item}
        for location, item in zip(locations, stored["locations"], strict=True)
    ]


@router.get("/documents/{upload_id}/findings/{finding_id}")
def finding_view(request: Request, upload_id: int, finding_id: int, user: Viewer) -> HTMLResponse:
    """在页面上查看 / show on page: the finding, and each of its places on the page image."""
    row = visible_upload(request, user, upload_id)
    finding = get_finding(request.app.state.engine, finding_id)
    if finding is None or finding["upload_id"] != upload_id:
        raise HTTPException(404, "没有这条发现 / no such finding")
    body = finding["body"]
    locations = _locations(body)
    stored = body.get("places")
    if stored is None:  # checked before places were stored with the findings: read the file again
        stored = _places_read_again(request, row, finding_id)
    documents = [row] * len(locations)
    if finding.get("previous_upload_id"):  # cross-year: its later places are in last year's document
        try:
            documents[1:] = [visible_upload(request, user, finding["previous_upload_id"])] * (
                len(locations) - 1
            )
        except HTTPException:  # last year's document is not this viewer's to see
            documents = documents[:1]
    places = [
        item | {"doc": document, "is_pdf": item.get("pdf", stored["pdf"])}
        for item, document in zip(shown_places(locations, stored), documents, strict=False)
    ]
    return page(
        request,
        "finding.html",
        user,
        doc=row,
        f=finding,
        places=places,
        is_pdf=stored["pdf"],
        reread="places" not in body,
    )
