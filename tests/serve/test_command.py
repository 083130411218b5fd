"""``yusuan user add`` prints a token that opens the API; bad input is one line and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from yusuan.cli import main
from yusuan.serve.app import create_app
from yusuan.serve.settings import Settings


def test_user_add_prints_a_working_token(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    assert main(["user", "add", "李审核", "--role", "reviewer", "--data-dir", data]) == 0
    token = capsys.readouterr().out.strip()
    app = create_app(Settings(data_dir=Path(data), workers=0))
    with TestClient(app) as client:
        assert client.get("/api/documents", headers={"Authorization": f"Bearer {token}"}).json() == []
    assert main(["user", "add", "李审核", "--role", "reviewer", "--data-dir", data]) == 2
    assert capsys.readouterr().err.strip() == "yusuan: 错误 / error: 李审核: 用户已存在 / user exists"


def test_bad_database_url_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["user", "add", "x", "--role", "admin", "--data-dir", str(tmp_path), "--database", "nope://"])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("yusuan: 错误 / error: ") and err.count("\n") == 1
