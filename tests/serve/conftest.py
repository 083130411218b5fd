"""The workbench under test: an app over SQLite and over the PostgreSQL server of this machine."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from workbench import POSTGRES, Bench, Server, people

from yusuan.serve.app import create_app
from yusuan.serve.settings import Settings


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


@pytest.fixture
def bench(settings_for: Callable[..., Settings]) -> Iterator[Bench]:
    settings = settings_for(workers=1)
    app = create_app(settings)
    tokens = people(app)
    with TestClient(app) as client:
        yield Bench(client, settings, tokens)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    """A `yusuan serve` process over a data folder of its own (the browser tests); killed if left running."""
    server = Server(tmp_path / "data", [], tmp_path / "serve.log")
    yield server
    if server.process is not None:
        server.stop(crash=True)
