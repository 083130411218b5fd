"""The pages (Chinese first, English beside): login, upload, document list, report, audit log."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from yusuan.serve.auth import check_csrf, csrf_token, page_user, reviewer
from yusuan.serve.letter import kind_label
from yusuan.serve.routes_api import letter_response, visible_upload
from yusuan.serve.uploads import Rejected, receive
from yusuan.store.people import User, reviewers, user_by_login, user_names
from yusuan.store.workbench import (
    STATUSES,
    Conflict,
    add_comment,
    assign,
    audit_log,
    comments_of,
    decide,
    findings_of,
    get_finding,
    list_uploads,
    log_event,
)

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.filters["kind"] = kind_label
Viewer = Annotated[User, Depends(page_user)]
STATUS_LABELS = {
    "queued": "排队 queued",
    "running": "审核中 running",
    "done": "完成 done",
    "failed": "失败 failed",
}


def page(
    request: Request, name: str, user: User | None, status_code: int = 200, **context: Any
) -> HTMLResponse:
    context |= {"user": user, "csrf": csrf_token(request), "status_labels": STATUS_LABELS}
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def back(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("/login")
def login_form(request: Request) -> HTMLResponse:
    return page(request, "login.html", None)


@router.post("/login")
def login(
    request: Request,
    name: Annotated[str, Form()],
    password: Annotated[str, Form()],
    csrf: Annotated[str, Form()],
) -> Response:
    check_csrf(request, csrf)
    user = user_by_login(request.app.state.engine, name, password)
    if user is None:
        return page(request, "login.html", None, 401, error="用户名或密码不对 / wrong name or password")
    request.session.clear()
    request.session["user_id"] = user.id
    log_event(request.app.state.engine, user, "login")
    return back("/")


@router.post("/logout")
def logout(request: Request, csrf: Annotated[str, Form()]) -> Response:
    check_csrf(request, csrf)
    request.session.clear()
    return back("/login")


@router.get("/")
def documents(
    request: Request,
    user: Viewer,
    unit: str = "",
    region: str = "",
    year: str = "",
    kind: str = "",
    status: str = "",
    sort: str = "id",
    order: str = "desc",
) -> HTMLResponse:
    filters: dict[str, Any] = {
        "unit": unit,
        "region": region,
        "kind": kind,
        "status": status if status in STATUSES else "",
    }
    filters["year"] = int(year) if year.isdigit() else None
    engine = request.app.state.engine
    rows = list_uploads(engine, user, filters, sort, order != "asc")
    query = {"unit": unit, "region": region, "year": year, "kind": kind, "status": status}
    return page(
        request,
        "list.html",
        user,
        rows=rows,
        query=query,
        sort=sort,
        order=order,
        statuses=STATUSES,
        names=user_names(engine),
    )


@router.get("/upload")
def upload_form(request: Request, user: Viewer) -> HTMLResponse:
    return page(request, "upload.html", user, settings=request.app.state.settings)


@router.post("/upload")
async def upload(
    request: Request, user: Viewer, files: list[UploadFile], csrf: Annotated[str, Form()]
) -> HTMLResponse:
    check_csrf(request, csrf)
    settings = request.app.state.settings
    results: list[dict[str, Any]] = []
    if len(files) > settings.max_files:
        message = f"一次最多 {settings.max_files} 个文件 / at most {settings.max_files} files at once"
        return page(request, "upload.html", user, 413, settings=settings, error=message)
    for file in files:
        try:
            upload_id, status = await receive(file, settings, request.app.state.engine, user)
            results.append({"name": file.filename, "id": upload_id, "status": status})
        except Rejected as exc:
            results.append({"name": file.filename, "error": exc.message})
    request.app.state.worker.wake.set()
    code = 200 if any("id" in r for r in results) else 422
    return page(request, "upload.html", user, code, settings=settings, results=results)


@router.get("/documents/{upload_id}")
def document(request: Request, upload_id: int, user: Viewer, conflict: str = "") -> HTMLResponse:
    engine = request.app.state.engine
    row = visible_upload(request, user, upload_id)
    return page(
        request,
        "document.html",
        user,
        doc=row,
        findings=findings_of(engine, upload_id),
        comments=comments_of(engine, upload_id),
        names=user_names(engine),
        reviewers=reviewers(engine),
        conflict=conflict,
    )


@router.post("/documents/{upload_id}/findings/{finding_id}/decision")
def decision(
    request: Request,
    upload_id: int,
    finding_id: int,
    user: Viewer,
    decision: Annotated[str, Form()],
    version: Annotated[int, Form()],
    csrf: Annotated[str, Form()],
    reason: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    reviewer(user)
    engine = request.app.state.engine
    finding = get_finding(engine, finding_id)
    if finding is None or finding["upload_id"] != upload_id or decision not in ("accepted", "dismissed"):
        raise HTTPException(404, "没有这条发现 / no such finding")
    visible_upload(request, user, upload_id)
    try:
        decide(engine, finding_id, user, decision, reason, version)
    except Conflict:
        return back(f"/documents/{upload_id}?conflict={finding_id}#f{finding_id}")
    return back(f"/documents/{upload_id}#f{finding_id}")


@router.post("/documents/{upload_id}/comments")
def comment(
    request: Request,
    upload_id: int,
    user: Viewer,
    body: Annotated[str, Form(min_length=1, max_length=4000)],
    csrf: Annotated[str, Form()],
    finding_id: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    visible_upload(request, user, upload_id)
    engine = request.app.state.engine
    target = int(finding_id) if finding_id.isdigit() else None
    if target is not None:
        finding = get_finding(engine, target)
        if finding is None or finding["upload_id"] != upload_id:
            raise HTTPException(404, "没有这条发现 / no such finding")
    add_comment(engine, upload_id, user, body, target)
    return back(f"/documents/{upload_id}#comments")


@router.post("/documents/{upload_id}/assign")
def assignment(
    request: Request,
    upload_id: int,
    user: Viewer,
    csrf: Annotated[str, Form()],
    reviewer_id: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    reviewer(user)
    visible_upload(request, user, upload_id)
    engine = request.app.state.engine
    chosen = int(reviewer_id) if reviewer_id.isdigit() else None
    if chosen is not None and chosen not in {person.id for person in reviewers(engine)}:
        raise HTTPException(422, "只能分配给审核人员 / only a reviewer can be assigned")
    assign(engine, upload_id, user, chosen)
    return back(f"/documents/{upload_id}")


@router.get("/documents/{upload_id}/letter.docx")
def letter(request: Request, upload_id: int, user: Viewer) -> Response:
    return letter_response(request, upload_id, user)


@router.get("/audit")
def audit(request: Request, user: Viewer) -> HTMLResponse:
    reviewer(user)
    engine = request.app.state.engine
    return page(request, "audit.html", user, events=audit_log(engine), names=user_names(engine))
