"""The workbench under test: an app over SQLite and over the PostgreSQL server of this machine."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from yusuan.serve.app import create_app
from yusuan.serve.settings import Settings
from yusuan.store.people import add_user

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
SEED = ROOT / "examples" / "000_6562e89d941fc7ec.txt"
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@dataclass
class Bench:
    """A running workbench with three people and their API tokens."""

    client: TestClient
    settings: Settings
    tokens: dict[str, str]

    def auth(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"}

    def upload(self, who: str, path: Path, name: str | None = None) -> Any:
        with path.open("rb") as handle:
            return self.client.post(
                "/api/documents", files={"file": (name or path.name, handle)}, headers=self.auth(who)
            )

    def wait(self, upload_id: int, who: str = "reviewer", seconds: float = 90) -> dict[str, Any]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            body: dict[str, Any] = self.client.get(
                f"/api/documents/{upload_id}", headers=self.auth(who)
            ).json()
            if body["status"] in ("done", "failed"):
                return body
            time.sleep(0.3)
        raise AssertionError(f"document {upload_id} still {body['status']} after {seconds} s")


@pytest.fixture(params=["sqlite", "postgresql"])
def settings_for(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[..., Settings]]:
    """Settings over a fresh SQLite file or a fresh PostgreSQL schema (dropped afterwards)."""
    schema = f"yusuan_serve_{uuid.uuid4().hex[:10]}" if request.param == "postgresql" else None

    def make(**more: Any) -> Settings:
        database = POSTGRES if schema else None
        return Settings(data_dir=tmp_path / "data", database=database, schema=schema, **more)

    yield make
    if schema:
        engine = create_engine(POSTGRES)
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()


def people(app: Any) -> dict[str, str]:
    engine = app.state.engine
    return {
        "admin": add_user(engine, "管理员", "admin", password="admin-pw"),
        "reviewer": add_user(engine, "审核员甲", "reviewer", password="pw-a"),
        "reviewer2": add_user(engine, "审核员乙", "reviewer"),
        "preparer": add_user(engine, "编制员", "preparer", unit="上海市财政局"),
        "other": add_user(engine, "他单位", "preparer", unit="上海市普陀区财政局"),
    }


@pytest.fixture
def bench(settings_for: Callable[..., Settings]) -> Iterator[Bench]:
    settings = settings_for(workers=1)
    app = create_app(settings)
    tokens = people(app)
    with TestClient(app) as client:
        yield Bench(client, settings, tokens)
