"""Uploads as jobs, findings with decisions, comments and the audit log: the workbench's rows.

An upload is one distinct content (by SHA-256); uploading the same bytes again finds the same
row. Its job is ``queued`` until a worker claims it (an UPDATE that only one worker can win),
``running`` while checked, then ``done`` with its report or ``failed`` with one line. A server
that stops with jobs running puts them back in the queue when it starts (``requeue_running``).

A decision is written only over the version of the finding the reviewer saw: two reviewers
deciding the same finding cannot overwrite each other silently (``Conflict``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, and_, func, select, update
from sqlalchemy.exc import IntegrityError

from yusuan.store.figures import put_figures
from yusuan.store.people import User
from yusuan.store.reports import Store
from yusuan.store.schema import reports
from yusuan.store.schema_workbench import audit, comments, findings, uploads

STATUSES = ("queued", "running", "done", "failed")
DECISIONS = ("accepted", "dismissed")
SORTABLE = ("id", "unit", "region", "year", "kind", "status", "errors", "warnings", "created_at")


class Conflict(Exception):
    """Someone else decided the finding since it was read."""


@dataclass(frozen=True)
class Claimed:
    id: int
    sha256: str
    filename: str


def _now() -> datetime:
    return datetime.now(UTC)


def _audit(
    connection: Connection,
    user_id: int | None,
    action: str,
    upload_id: int | None = None,
    finding_id: int | None = None,
    **detail: Any,
) -> None:
    connection.execute(
        audit.insert().values(
            at=_now(),
            user_id=user_id,
            action=action,
            upload_id=upload_id,
            finding_id=finding_id,
            detail=detail,
        )
    )


def add_upload(engine: Engine, sha256: str, filename: str, size: int, user: User) -> tuple[int, str, bool]:
    """The upload of this content: (id, status, new). The same bytes again give the same row."""
    with engine.begin() as connection:
        row = connection.execute(
            select(uploads.c.id, uploads.c.status).where(uploads.c.sha256 == sha256)
        ).first()
        if row is not None:
            return row.id, row.status, False
        try:
            with connection.begin_nested():
                now = _now()
                upload_id = connection.execute(
                    uploads.insert().values(
                        sha256=sha256,
                        filename=filename,
                        size=size,
                        uploaded_by=user.id,
                        status="queued",
                        created_at=now,
                        updated_at=now,
                    )
                ).inserted_primary_key[0]  # type: ignore[index]
        except IntegrityError:  # the same bytes uploaded at the same moment by someone else
            row = connection.execute(
                select(uploads.c.id, uploads.c.status).where(uploads.c.sha256 == sha256)
            ).one()
            return row.id, row.status, False
        _audit(connection, user.id, "upload", upload_id, filename=filename, sha256=sha256, size=size)
    return int(upload_id), "queued", True


def claim_next(engine: Engine) -> Claimed | None:
    """Take the oldest queued job; None when the queue is empty. Safe between workers and servers."""
    with engine.begin() as connection:
        candidates = connection.execute(
            select(uploads.c.id, uploads.c.sha256, uploads.c.filename)
            .where(uploads.c.status == "queued")
            .order_by(uploads.c.id)
            .limit(5)
        ).all()
        for row in candidates:
            won = connection.execute(
                update(uploads)
                .where(and_(uploads.c.id == row.id, uploads.c.status == "queued"))
                .values(status="running", updated_at=_now())
            ).rowcount
            if won == 1:
                return Claimed(row.id, row.sha256, row.filename)
    return None


def requeue_running(engine: Engine) -> int:
    """Jobs left running by a server that stopped go back to the queue; how many."""
    with engine.begin() as connection:
        return int(
            connection.execute(
                update(uploads)
                .where(uploads.c.status == "running")
                .values(status="queued", updated_at=_now())
            ).rowcount
        )


def finish(
    engine: Engine,
    store: Store,
    upload_id: int,
    options_key: str,
    body: dict[str, Any],
    region: str,
    figures: list[dict[str, Any]] | None = None,
    unit_key: str | None = None,
) -> None:
    """Keep a job's report (in ``reports``), its findings and its figures (panel rows), and mark it done.

    Its cross-year findings (store.crossyear) stay; it is marked to be paired with its years again.
    """
    claimed = _upload_row(engine, upload_id)
    facts = body.get("document", {})
    facts["file"] = claimed["filename"]
    store.put(claimed["sha256"], options_key, claimed["filename"], body)
    summary = body.get("summary", {})
    with engine.begin() as connection:
        report_id = connection.execute(
            select(reports.c.id).where(
                reports.c.document_sha256 == claimed["sha256"],
                reports.c.yusuan_version == store.version,
                reports.c.options_key == options_key,
            )
        ).scalar_one()
        connection.execute(
            findings.delete().where(
                findings.c.upload_id == upload_id, findings.c.previous_upload_id.is_(None)
            )
        )
        for position, finding in enumerate(body.get("findings", [])):
            connection.execute(
                findings.insert().values(
                    upload_id=upload_id,
                    position=position,
                    rule=finding.get("rule", ""),
                    severity=finding.get("severity", ""),
                    body=finding,
                    version=0,
                )
            )
        put_figures(connection, upload_id, figures or [])
        connection.execute(
            update(uploads)
            .where(uploads.c.id == upload_id)
            .values(
                status="done",
                error=None,
                report_id=report_id,
                unit=facts.get("unit"),
                unit_key=unit_key or None,
                paired=False,
                region=region or None,
                year=facts.get("year"),
                kind="/".join(str(facts[k]) for k in ("kind", "scope") if facts.get(k)) or None,
                errors=int(summary.get("errors", 0)),
                warnings=int(summary.get("warnings", 0)),
                info=int(summary.get("info", 0)),
                updated_at=_now(),
            )
        )
        _audit(connection, None, "checked", upload_id, errors=int(summary.get("errors", 0)))


def fail(engine: Engine, upload_id: int, error: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            update(uploads)
            .where(uploads.c.id == upload_id)
            .values(status="failed", error=error, updated_at=_now())
        )
        _audit(connection, None, "failed", upload_id, error=error)


def _upload_row(engine: Engine, upload_id: int) -> dict[str, Any]:
    with engine.connect() as connection:
        return dict(connection.execute(select(uploads).where(uploads.c.id == upload_id)).one()._mapping)


def get_upload(engine: Engine, upload_id: int) -> dict[str, Any] | None:
    """An upload's row with its report (the check JSON contract) when done."""
    query = select(uploads, reports.c.body.label("report")).outerjoin(
        reports, reports.c.id == uploads.c.report_id
    )
    with engine.connect() as connection:
        row = connection.execute(query.where(uploads.c.id == upload_id)).first()
    return dict(row._mapping) if row else None


def list_uploads(
    engine: Engine,
    user: User,
    filters: dict[str, Any] | None = None,
    sort: str = "id",
    descending: bool = True,
) -> list[dict[str, Any]]:
    """Uploads this user may see, filtered by exact column values, sorted by a SORTABLE column."""
    query = select(uploads)
    for key, value in (filters or {}).items():
        if value in (None, ""):
            continue
        column = uploads.c[key]
        query = query.where(column.contains(value) if key == "unit" else column == value)
    column = uploads.c[sort if sort in SORTABLE else "id"]
    query = query.order_by(column.desc() if descending else column.asc(), uploads.c.id.desc())
    with engine.connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(query)]
    return [row for row in rows if user.sees(row["unit"], row["uploaded_by"])]


def findings_of(engine: Engine, upload_id: int) -> list[dict[str, Any]]:
    with engine.connect() as connection:
        query = (
            select(findings)
            .where(findings.c.upload_id == upload_id)
            .order_by(findings.c.previous_upload_id.is_not(None), findings.c.position)  # its own first
        )
        return [dict(row._mapping) for row in connection.execute(query)]


def get_finding(engine: Engine, finding_id: int) -> dict[str, Any] | None:
    with engine.connect() as connection:
        row = connection.execute(select(findings).where(findings.c.id == finding_id)).first()
    return dict(row._mapping) if row else None


def decide(
    engine: Engine, finding_id: int, user: User, decision: str, reason: str, version: int | None
) -> dict[str, Any]:
    """Record a decision over ``version`` (the one the reviewer saw; None: only an undecided finding).

    Raises Conflict when the finding changed since: the other reviewer's decision stands.
    """
    guard = findings.c.decision.is_(None) if version is None else findings.c.version == version
    with engine.begin() as connection:
        changed = connection.execute(
            update(findings)
            .where(and_(findings.c.id == finding_id, guard))
            .values(
                decision=decision,
                reason=reason,
                decided_by=user.id,
                decided_at=_now(),
                version=findings.c.version + 1,
            )
        ).rowcount
        row = connection.execute(select(findings).where(findings.c.id == finding_id)).one()
        if changed != 1:
            raise Conflict(
                f"发现 {finding_id} 已由他人处理（版本 {row.version}）/ finding {finding_id} was decided "
                f"by someone else (now version {row.version}): {row.decision}"
            )
        _audit(
            connection,
            user.id,
            "decision",
            row.upload_id,
            finding_id,
            decision=decision,
            reason=reason,
            rule=row.rule,
            version=row.version,
        )
    return dict(row._mapping)


def add_comment(engine: Engine, upload_id: int, user: User, body: str, finding_id: int | None = None) -> None:
    with engine.begin() as connection:
        connection.execute(
            comments.insert().values(
                upload_id=upload_id, finding_id=finding_id, user_id=user.id, body=body, created_at=_now()
            )
        )
        _audit(connection, user.id, "comment", upload_id, finding_id, body=body)


def comments_of(engine: Engine, upload_id: int) -> list[dict[str, Any]]:
    with engine.connect() as connection:
        query = select(comments).where(comments.c.upload_id == upload_id).order_by(comments.c.id)
        return [dict(row._mapping) for row in connection.execute(query)]


def assign(engine: Engine, upload_id: int, user: User, reviewer_id: int | None) -> None:
    with engine.begin() as connection:
        connection.execute(update(uploads).where(uploads.c.id == upload_id).values(assigned_to=reviewer_id))
        _audit(connection, user.id, "assign", upload_id, reviewer=reviewer_id)


def log_event(
    engine: Engine, user: User | None, action: str, upload_id: int | None = None, **detail: Any
) -> None:
    with engine.begin() as connection:
        _audit(connection, user.id if user else None, action, upload_id, **detail)


def audit_log(engine: Engine, limit: int = 500) -> list[dict[str, Any]]:
    with engine.connect() as connection:
        query = select(audit).order_by(audit.c.id.desc()).limit(limit)
        return [dict(row._mapping) for row in connection.execute(query)]


def count_uploads(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(uploads)).scalar_one())
