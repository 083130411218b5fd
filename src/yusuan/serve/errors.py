"""Errors as the asker reads them: an HTML page (Chinese first) for a page, JSON for /api/*.

FastAPI answers every HTTPException and validation error in JSON; a person following a link to a
document of another unit should get a page in the workbench's layout that says what happened and
leads back. The API keeps its JSON answers ({"detail": …}) unchanged.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from yusuan.serve.auth import csrf_token
from yusuan.serve.routes_pages import STATUS_LABELS, templates
from yusuan.store.people import User, user_by_id

TITLES = {
    400: ("请求有误", "bad request"),
    401: ("需要登录", "login required"),
    403: ("无权查看或操作", "forbidden"),
    404: ("没有找到", "not found"),
    405: ("不支持这种请求", "method not allowed"),
    409: ("已由他人处理", "conflict"),
    413: ("文件太大", "too large"),
    422: ("内容无法处理", "unprocessable"),
    500: ("服务器内部错误", "internal server error"),
}


def wants_json(request: Request) -> bool:
    """The API (and its OpenAPI documents) answer in JSON; everything else is a page."""
    path = request.url.path
    return path == "/api" or path.startswith("/api/") or path in ("/openapi.json", "/docs", "/redoc")


def _viewer(request: Request) -> User | None:
    """The logged-in person, when the session is readable here (not outside the session middleware)."""
    if "session" not in request.scope:
        return None
    user_id = request.session.get("user_id")
    try:
        return user_by_id(request.app.state.engine, int(user_id)) if user_id is not None else None
    except Exception:  # the database away: the error page still shows, without the name
        return None


def error_page(request: Request, status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
    """The error as a page in the workbench's layout, with what happened and a way back."""
    zh, en = TITLES.get(status, ("出错了", "error"))
    user = _viewer(request)
    context: dict[str, Any] = {
        "user": user,
        "csrf": csrf_token(request) if "session" in request.scope else "",
        "status_labels": STATUS_LABELS,
        "status": status,
        "title_zh": zh,
        "title_en": en,
        "detail": detail,
        "path": request.url.path,
    }
    return templates.TemplateResponse(request, "error.html", context, status_code=status, headers=headers)


def _detail(detail: Any) -> str:
    return detail if isinstance(detail, str) else str(detail)


async def on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if wants_json(request):
        return await http_exception_handler(request, exc)
    return error_page(request, exc.status_code, _detail(exc.detail), getattr(exc, "headers", None))


async def on_invalid_request(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if wants_json(request):
        return await request_validation_exception_handler(request, exc)
    problems = "；".join(
        f"{'.'.join(str(part) for part in error.get('loc', ()))}: {error.get('msg', '')}"
        for error in exc.errors()
    )
    return error_page(request, 422, f"请求中的字段不对 / invalid fields: {problems}")


async def on_crash(request: Request, exc: Exception) -> Response:
    """A bug: one line to the person; the server logs the traceback (Starlette raises it on)."""
    detail = f"内部错误，已记入服务器日志 / internal error, logged on the server: {type(exc).__name__}"
    if wants_json(request):
        return JSONResponse({"detail": detail}, status_code=500)
    return error_page(request, 500, detail)


def too_large(request: Request, message: str) -> Response:
    """The answer of the size guard (before the body is read), as JSON or as a page."""
    if wants_json(request):
        return JSONResponse({"detail": message}, status_code=413)
    return error_page(request, 413, message)


def register(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_invalid_request)
    app.add_exception_handler(Exception, on_crash)
