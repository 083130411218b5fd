"""The HTTP API (OpenAPI at /openapi.json): documents, their reports, decisions on findings."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, HTTPException, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from yusuan.serve.auth import api_user, reviewer
from yusuan.serve.letter import letter_docx
from yusuan.serve.uploads import Rejected, receive
from yusuan.store.people import User, user_names
from yusuan.store.workbench import (
    Conflict,
    decide,
    findings_of,
    get_finding,
    get_upload,
    list_uploads,
)

router = APIRouter(prefix="/api", tags=["api"])
Caller = Annotated[User, Depends(api_user)]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class Accepted(BaseModel):
    id: int
    status: str


class AcceptedFile(Accepted):
    file: str = Field(description="上传时的文件名 / the file's name as uploaded")


class RejectedFile(BaseModel):
    file: str
    status: int = Field(description="单独上传时的状态码（413 太大，422 读不了）/ its status alone: 413, 422")
    detail: str


class AcceptedMany(BaseModel):
    """Several files: each good one queued (and kept), each bad one named with its reason."""

    documents: list[AcceptedFile]
    rejected: list[RejectedFile] = Field(
        default_factory=list, description="拒收的文件及原因；为空即全部接收 / refused files; empty: all taken"
    )


class Refused(BaseModel):
    detail: str
    rejected: list[RejectedFile] = Field(default_factory=list)


class Decision(BaseModel):
    decision: Literal["accepted", "dismissed"]
    reason: str = Field("", max_length=4000)
    version: int | None = Field(
        None,
        description="发现的版本（读取时所见）/ the finding's version as read; omitted: only if undecided",
    )


def summary(row: dict[str, Any]) -> dict[str, Any]:
    return {
        key: row[key]
        for key in (
            "id",
            "status",
            "filename",
            "unit",
            "region",
            "year",
            "kind",
            "errors",
            "warnings",
            "info",
            "error",
        )
    } | {"created_at": row["created_at"].isoformat() if row["created_at"] else None}


def visible_upload(request: Request, user: User, upload_id: int) -> dict[str, Any]:
    """The upload, if this user may see it: 404 when there is none, 403 when it is another unit's."""
    row = get_upload(request.app.state.engine, upload_id)
    if row is None:
        raise HTTPException(404, f"没有文件 {upload_id} / no document {upload_id}")
    if not user.sees(row["unit"], row["uploaded_by"]):
        raise HTTPException(403, "这是其他单位的文件 / this document belongs to another unit")
    return dict(row)


def finding_json(row: dict[str, Any], names: dict[int, str]) -> dict[str, Any]:
    body: dict[str, Any] = row["body"]
    return body | {
        "id": row["id"],
        "decision": row["decision"],
        "reason": row["reason"],
        "decided_by": names.get(row["decided_by"]) if row["decided_by"] else None,
        "version": row["version"],
        "previous_document": row.get("previous_upload_id"),  # a cross-year finding: the year before's id
    }


@router.post(
    "/documents",
    status_code=202,
    response_model=Accepted | AcceptedMany,
    responses={
        413: {"model": Refused, "description": "文件太大或文件太多 / a file too large, or too many files"},
        422: {
            "model": Refused,
            "description": "没有一个文件可读（或缺少 file 字段）/ no file a reader takes (or no file field)",
        },
    },
)
async def upload_document(
    request: Request,
    user: Caller,
    file: Annotated[
        list[UploadFile], File(description="一个或多个文件（字段名都为 file）/ one or more files")
    ],
) -> Any:
    """上传一份或多份公开文件并排队审核 / upload one or more disclosures and queue their checks.

    One file: 202 ``{"id", "status"}``, or its 413/422 ``{"detail"}``. Several files: 202
    ``{"documents": [{"id", "status", "file"}], "rejected": [{"file", "status", "detail"}]}`` —
    the good ones are kept and queued even when others are refused; 422 (413 when every refusal is
    for size) with ``{"detail", "rejected"}`` when none is taken. More than ``--max-files``: 413,
    nothing kept.
    """
    settings = request.app.state.settings
    if len(file) > settings.max_files:
        message = f"一次最多 {settings.max_files} 个文件 / at most {settings.max_files} files at once"
        return JSONResponse({"detail": message}, status_code=413)
    taken: list[dict[str, Any]] = []
    rejected: list[dict[str, Any]] = []
    for upload in file:
        try:
            upload_id, status = await receive(upload, settings, request.app.state.engine, user)
        except Rejected as exc:
            rejected.append({"file": upload.filename or "", "status": exc.status, "detail": exc.message})
            continue
        taken.append({"id": upload_id, "status": status, "file": upload.filename or ""})
    if taken:
        request.app.state.worker.wake.set()
    if len(file) == 1:
        if rejected:
            return JSONResponse({"detail": rejected[0]["detail"]}, status_code=rejected[0]["status"])
        return {"id": taken[0]["id"], "status": taken[0]["status"]}
    if not taken:
        code = 413 if all(r["status"] == 413 for r in rejected) else 422
        message = f"{len(rejected)} 个文件均被拒收 / none of the {len(rejected)} files was taken"
        return JSONResponse({"detail": message, "rejected": rejected}, status_code=code)
    return {"documents": taken, "rejected": rejected}


@router.get("/documents")
def list_documents(
    request: Request,
    user: Caller,
    unit: str | None = None,
    region: str | None = None,
    year: int | None = None,
    kind: str | None = None,
    status: Literal["queued", "running", "done", "failed"] | None = None,
    sort: str = "id",
    order: Literal["asc", "desc"] = "desc",
) -> list[dict[str, Any]]:
    """文件列表（可筛选、排序）/ the documents this caller may see, filtered and sorted."""
    filters = {"unit": unit, "region": region, "year": year, "kind": kind, "status": status}
    rows = list_uploads(request.app.state.engine, user, filters, sort, order == "desc")
    return [summary(row) for row in rows]


@router.get("/documents/{upload_id}")
def get_document(request: Request, upload_id: int, user: Caller) -> dict[str, Any]:
    """一份文件的状态与审核报告 / a document's status and, when done, its report (the check JSON contract)
    whose findings carry their ``id``, decision and version."""
    row = visible_upload(request, user, upload_id)
    report = row["report"]
    if report is not None:
        engine = request.app.state.engine
        names = user_names(engine)
        report = report | {"findings": [finding_json(f, names) for f in findings_of(engine, upload_id)]}
    return summary(row) | {"report": report}


@router.get("/documents/{upload_id}/letter.docx", response_class=Response)
def get_letter(request: Request, upload_id: int, user: Caller) -> Response:
    """问询函（由已确认的发现生成）/ the inquiry letter from the accepted findings, as DOCX."""
    return letter_response(request, upload_id, user)


def letter_response(request: Request, upload_id: int, user: User) -> Response:
    row = visible_upload(request, user, upload_id)
    body = letter_docx(row, findings_of(request.app.state.engine, upload_id), user.name)
    disposition = f"attachment; filename=letter-{upload_id}.docx"
    return Response(body, media_type=DOCX, headers={"Content-Disposition": disposition})


@router.post("/findings/{finding_id}/decision", responses={409: {"description": "decided by someone else"}})
def post_decision(request: Request, finding_id: int, decision: Decision, user: Caller) -> dict[str, Any]:
    """确认或驳回一条发现 / accept or dismiss a finding; 409 when another reviewer decided it since."""
    reviewer(user)
    engine = request.app.state.engine
    finding = get_finding(engine, finding_id)
    if finding is None:
        raise HTTPException(404, f"没有发现 {finding_id} / no finding {finding_id}")
    visible_upload(request, user, finding["upload_id"])
    try:
        row = decide(engine, finding_id, user, decision.decision, decision.reason, decision.version)
    except Conflict as exc:
        raise HTTPException(409, str(exc)) from None
    return finding_json(row, user_names(engine))
