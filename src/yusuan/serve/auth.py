"""Who is asking: a Bearer token (API) or a login session (pages), and CSRF for the pages' forms."""

from __future__ import annotations

import hmac
import secrets

from fastapi import HTTPException, Request

from yusuan.store.people import User, user_by_id, user_by_token


def api_user(request: Request) -> User:
    """The user of an ``Authorization: Bearer TOKEN`` request; 401 without a valid token."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    user = user_by_token(request.app.state.engine, token.strip()) if scheme.lower() == "bearer" else None
    if user is None:
        raise HTTPException(
            401,
            "需要有效的 API 令牌 / a valid API token is required (Authorization: Bearer TOKEN)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return user


class LoginRequired(Exception):
    """A page asked for without a session: the handler sends the browser to /login."""


def page_user(request: Request) -> User:
    user_id = request.session.get("user_id")
    user = user_by_id(request.app.state.engine, int(user_id)) if user_id is not None else None
    if user is None:
        raise LoginRequired
    return user


def reviewer(user: User) -> User:
    if not user.can_decide():
        raise HTTPException(403, "只有审核人员可以处理发现 / only reviewers decide findings")
    return user


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(24)
        request.session["csrf"] = token
    return str(token)


def check_csrf(request: Request, given: str | None) -> None:
    expected = request.session.get("csrf")
    if not expected or not given or not hmac.compare_digest(str(expected), given):
        raise HTTPException(403, "表单已过期或来源不明（CSRF）/ stale or forged form (CSRF): reload the page")
