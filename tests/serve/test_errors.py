"""Errors: a page in the workbench's layout (Chinese first) for pages, JSON for /api/*."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from workbench import SEED, Bench, login

from yusuan.serve.app import create_app
from yusuan.serve.settings import Settings
from yusuan.store.people import add_user


def _is_page(reply: object, status: int, *words: str) -> None:
    assert reply.status_code == status  # type: ignore[attr-defined]
    assert reply.headers["content-type"].startswith("text/html")  # type: ignore[attr-defined]
    text: str = reply.text  # type: ignore[attr-defined]
    assert text.startswith("<!doctype html>") and "预算公开审核工作台" in text  # base.html
    assert f"（{status}）" in text
    for word in words:
        assert word in text, word


def test_pages_answer_with_a_page_and_the_api_with_json(bench: Bench) -> None:
    engine = bench.client.app.state.engine  # type: ignore[attr-defined]
    add_user(engine, "普陀编制", "preparer", unit="上海市普陀区财政局", password="pt")
    upload_id = bench.upload("reviewer", SEED).json()["id"]

    anonymous = bench.client.get("/no-such-page")
    _is_page(anonymous, 404, "没有找到", 'href="/login"')  # nobody logged in: the way back is the login

    login(bench.client, "普陀编制", "pt")
    forbidden = bench.client.get(f"/documents/{upload_id}")
    _is_page(forbidden, 403, "无权查看或操作", "这是其他单位的文件", 'href="/"', "普陀编制")
    _is_page(bench.client.get("/documents/999999"), 404, "没有文件 999999 / no document 999999")
    _is_page(bench.client.get("/no-such-page"), 404, "没有找到 <span")
    _is_page(bench.client.get("/documents/abc"), 422, "upload_id")
    assert "<form" in bench.client.get("/no-such-page").text  # the header's logout form is there

    api = bench.auth("other")
    assert bench.client.get(f"/api/documents/{upload_id}", headers=api).json() == {
        "detail": "这是其他单位的文件 / this document belongs to another unit"
    }
    missing = bench.client.get("/api/documents/999999", headers=api)
    assert (missing.status_code, missing.json()) == (404, {"detail": "没有文件 999999 / no document 999999"})
    unknown = bench.client.get("/api/no-such-thing", headers=api)
    assert (unknown.status_code, unknown.json()) == (404, {"detail": "Not Found"})
    invalid = bench.client.get("/api/documents/abc", headers=api)
    assert invalid.status_code == 422 and invalid.json()["detail"][0]["loc"] == ["path", "upload_id"]


def test_a_request_too_large_for_a_page_and_for_the_api(settings_for: Callable[..., Settings]) -> None:
    app = create_app(settings_for(workers=0, max_upload_bytes=100_000, max_files=1))
    body = {"files": ("huge.pdf", b"%PDF" + b"0" * 1_200_000)}
    add_user(app.state.engine, "审核员丙", "reviewer", password="pw-c")
    with TestClient(app) as client:
        _is_page(client.post("/upload", files=body), 413, "文件太大", "请求超过 1.1 MB", 'href="/login"')
        login(client, "审核员丙", "pw-c")  # the size guard runs inside the session: it knows who asks
        _is_page(client.post("/upload", files=body), 413, "文件太大", "审核员丙", 'href="/" id="back"')
        api = client.post("/api/documents", files={"file": ("huge.pdf", b"%PDF" + b"0" * 1_200_000)})
        assert (api.status_code, api.json()) == (
            413,
            {"detail": "请求超过 1.1 MB / request larger than 1.1 MB"},
        )


def test_a_bug_is_one_line_to_the_person(settings_for: Callable[..., Settings]) -> None:
    app = create_app(settings_for(workers=0))

    def broken() -> None:
        raise RuntimeError("a reader bug")

    app.add_api_route("/broken", broken)  # a page with a bug, and an API route with the same bug
    app.add_api_route("/api/broken", broken)
    with TestClient(app, raise_server_exceptions=False) as client:
        _is_page(client.get("/broken"), 500, "服务器内部错误", "RuntimeError")
        api = client.get("/api/broken")
        assert (api.status_code, api.json()) == (
            500,
            {"detail": "内部错误，已记入服务器日志 / internal error, logged on the server: RuntimeError"},
        )
        assert "a reader bug" not in api.text
