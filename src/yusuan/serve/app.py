"""The application: the store opened (migrations run), the worker started, the routes mounted."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.middleware.sessions import SessionMiddleware

import yusuan
from yusuan.serve import errors
from yusuan.serve.auth import LoginRequired
from yusuan.serve.page_images import router as page_images_router
from yusuan.serve.page_images import stop_rereader
from yusuan.serve.routes_api import router as api_router
from yusuan.serve.routes_pages import router as pages_router
from yusuan.serve.routes_units import router as units_router
from yusuan.serve.settings import Settings
from yusuan.serve.worker import Worker
from yusuan.store import open_store
from yusuan.store.people import setting


def create_app(settings: Settings) -> FastAPI:
    """The workbench over ``settings``; the database is migrated here, the worker starts with the app."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    settings.upload_dir.mkdir(parents=True, exist_ok=True)
    store = open_store(settings.database_url, yusuan.__version__, settings.schema)
    engine = store.engine
    worker = Worker(engine, store, settings.upload_dir, settings.workers)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        worker.start()
        try:
            yield
        finally:
            worker.stop()
            stop_rereader()

    app = FastAPI(
        title="yusuan 预算公开审核工作台 / reviewers' workbench",
        version=yusuan.__version__,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.store = store
    app.state.worker = worker
    app.include_router(api_router)
    app.include_router(pages_router)
    app.include_router(units_router)
    app.include_router(page_images_router)
    errors.register(app)

    limit = settings.max_files * settings.max_upload_bytes + (1 << 20)

    @app.middleware("http")
    async def refuse_oversized(request: Request, call_next: Any) -> Response:
        """A request larger than every upload together is refused before its body is read."""
        length = request.headers.get("content-length", "")
        if request.method == "POST" and length.isdigit() and int(length) > limit:
            megabytes = f"{limit / (1 << 20):.3g}"
            message = f"请求超过 {megabytes} MB / request larger than {megabytes} MB"
            return errors.too_large(request, message)
        response: Response = await call_next(request)
        return response

    # added last, so outermost: the size guard above runs inside the session (its page knows who asks)
    secret = setting(engine, "session_secret", secrets.token_urlsafe(48))
    app.add_middleware(SessionMiddleware, secret_key=secret, same_site="strict", https_only=False)

    @app.exception_handler(LoginRequired)
    async def to_login(_request: Request, _exc: LoginRequired) -> Response:
        return RedirectResponse("/login", status_code=303)

    return app
