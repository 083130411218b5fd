"""Engines and migrations: a URL or a plain path in, an engine at the newest schema out."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

MIGRATIONS = Path(__file__).parent / "migrations"


class StoreError(Exception):
    """The store cannot be opened or used: one line for the user."""


def store_url(given: str) -> str:
    """A database URL; a plain path means a SQLite file there."""
    if "://" in given:
        try:
            make_url(given)
        except ArgumentError as exc:
            raise StoreError(f"{given}: 不是数据库地址 / not a database URL: {exc}") from None
        return given
    return f"sqlite:///{Path(given).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers (the workbench) go on while a batch writes
    cursor.close()


def open_engine(url: str, schema: str | None = None) -> Engine:
    """An engine for ``url``; ``schema`` (PostgreSQL) keeps the tables in a schema of their own."""
    engine = create_engine(store_url(url), future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    if schema:
        if engine.dialect.name == "sqlite":
            raise StoreError("SQLite 不支持 schema / SQLite has no schemas")
        with engine.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
        engine = engine.execution_options(schema_translate_map={None: schema})
    return engine


def upgrade(engine: Engine, schema: str | None = None, revision: str = "head") -> None:
    """Bring the store's schema to ``revision`` (the newest by default) with Alembic."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        config.attributes["schema"] = schema
        command.upgrade(config, revision)
