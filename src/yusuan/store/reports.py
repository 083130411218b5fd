"""Reports kept by content hash, yusuan version and options: what a rerun need not redo."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from yusuan.store.db import StoreError, open_engine, store_url, upgrade
from yusuan.store.schema import documents, reports


@dataclass(frozen=True)
class StoredReport:
    file: str
    body: dict[str, Any]
    text: str
    html: str
    previous_sha256: str | None


def _summary(body: dict[str, Any]) -> dict[str, int]:
    summary = body.get("summary", {})
    return {key: int(summary.get(key, 0)) for key in ("errors", "warnings", "info")}


class Store:
    """A store opened at the newest schema."""

    def __init__(self, engine: Engine, version: str) -> None:
        self.engine = engine
        self.version = version

    def get(self, sha256: str, options_key: str) -> StoredReport | None:
        query = select(
            reports.c.file, reports.c.body, reports.c.text, reports.c.html, reports.c.previous_sha256
        ).where(
            reports.c.document_sha256 == sha256,
            reports.c.yusuan_version == self.version,
            reports.c.options_key == options_key,
        )
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        if row is None:
            return None
        return StoredReport(row.file, row.body, row.text or "", row.html or "", row.previous_sha256)

    def put(
        self,
        sha256: str,
        options_key: str,
        file: str,
        body: dict[str, Any],
        text: str = "",
        html: str = "",
        previous_sha256: str | None = None,
    ) -> None:
        now = datetime.now(UTC)
        facts = body.get("document", {})
        with self.engine.begin() as connection:
            known = connection.execute(select(documents.c.sha256).where(documents.c.sha256 == sha256)).first()
            if known is None:
                connection.execute(
                    documents.insert().values(
                        sha256=sha256,
                        file=file,
                        unit=facts.get("unit"),
                        year=facts.get("year"),
                        kind=facts.get("kind"),
                        scope=facts.get("scope"),
                        profile=facts.get("profile"),
                        first_seen=now,
                    )
                )
            connection.execute(
                reports.delete().where(
                    reports.c.document_sha256 == sha256,
                    reports.c.yusuan_version == self.version,
                    reports.c.options_key == options_key,
                )
            )
            connection.execute(
                reports.insert().values(
                    document_sha256=sha256,
                    yusuan_version=self.version,
                    options_key=options_key,
                    previous_sha256=previous_sha256,
                    file=file,
                    body=body,
                    text=text,
                    html=html,
                    created_at=now,
                    **_summary(body),
                )
            )

    def count(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(reports)).scalar_one())


def open_store(url: str, version: str, schema: str | None = None) -> Store:
    """Open (creating or migrating as needed) the store at ``url``; StoreError in one line."""
    try:
        engine = open_engine(url, schema)
        upgrade(engine, schema)
    except StoreError:
        raise
    except (SQLAlchemyError, IntegrityError, OSError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise StoreError(f"{store_url(url)}: 无法打开结果库 / cannot open the store: {reason}") from None
    return Store(engine, version)
