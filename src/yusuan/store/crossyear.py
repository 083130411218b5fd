"""A unit's consecutive years in the workbench: the indexed unit key, pairing jobs, cross-year findings.

``uploads.unit_key`` (migration 0004) holds the unit's name as the cross-year rules match it; the
function that makes it is the batch layer's (yusuan.batch.pairs.unit_key) and is passed in, since
the store sits below batch. An upload is ``paired = false`` from the moment it is checked until its
years before and after have been checked against it (``claim_unpaired`` hands that out once).

Cross-year findings belong to the later document (``upload_id``) and name the earlier one
(``previous_upload_id``). Each has a stable key made of what it says (rule, places, evidence), so
that pairing again — the year before arriving later, a restart — updates the same row and its
decision, comments and version stay. A finding that pairing no longer produces is deleted when
nobody has acted on it, and otherwise kept, marked ``stale`` in its body, with its decision.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Engine, and_, or_, select, update

from yusuan.store.people import User
from yusuan.store.schema import reports
from yusuan.store.schema_workbench import audit, comments, findings, uploads

SEVERITIES = ("error", "warning", "info")


def fill_unit_keys(engine: Engine, key_of: Callable[[str], str]) -> int:
    """Give every upload with a unit and no key its key (rows checked before migration 0004)."""
    with engine.begin() as connection:
        rows = connection.execute(
            select(uploads.c.id, uploads.c.unit).where(
                uploads.c.unit_key.is_(None), uploads.c.unit.is_not(None)
            )
        ).all()
        for row in rows:
            connection.execute(
                update(uploads).where(uploads.c.id == row.id).values(unit_key=key_of(row.unit))
            )
    return len(rows)


def unit_uploads(engine: Engine, user: User, key: str) -> list[dict[str, Any]]:
    """The checked uploads of the unit with ``key`` that ``user`` may see, by year and id (indexed)."""
    query = (
        select(uploads)
        .where(uploads.c.unit_key == key, uploads.c.status == "done")
        .order_by(uploads.c.year, uploads.c.id)
    )
    with engine.connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(query)]
    return [row for row in rows if user.sees(row["unit"], row["uploaded_by"])]


def claim_unpaired(engine: Engine) -> int | None:
    """A checked upload whose years are not paired yet, taken by one worker only; None if none."""
    with engine.begin() as connection:
        candidates = connection.execute(
            select(uploads.c.id)
            .where(uploads.c.status == "done", uploads.c.paired.is_(False))
            .order_by(uploads.c.id)
            .limit(5)
        ).scalars()
        for upload_id in list(candidates):
            won = connection.execute(
                update(uploads)
                .where(and_(uploads.c.id == upload_id, uploads.c.paired.is_(False)))
                .values(paired=True)
            ).rowcount
            if won == 1:
                return int(upload_id)
    return None


def unpair(engine: Engine, upload_id: int) -> None:
    """Pair this upload again later (its pairing was interrupted)."""
    with engine.begin() as connection:
        connection.execute(update(uploads).where(uploads.c.id == upload_id).values(paired=False))


def neighbours(engine: Engine, upload_id: int) -> list[dict[str, Any]]:
    """The upload, then the same unit's checked documents of its kind and of the years around it,
    newest first (an indexed query on unit_key, kind, year). Empty when it has no key or year."""
    columns = (
        uploads.c.id,
        uploads.c.sha256,
        uploads.c.filename,
        uploads.c.unit,
        uploads.c.year,
        uploads.c.kind,
    )
    with engine.connect() as connection:
        own = connection.execute(
            select(*columns, uploads.c.unit_key).where(uploads.c.id == upload_id)
        ).first()
        if own is None or not own.unit_key or own.year is None or own.kind is None:
            return []
        others = connection.execute(
            select(*columns)
            .where(
                uploads.c.unit_key == own.unit_key,
                uploads.c.kind == own.kind,
                uploads.c.year.between(own.year - 1, own.year + 1),
                uploads.c.status == "done",
                uploads.c.id != upload_id,
            )
            .order_by(uploads.c.id.desc())
        ).all()
    return [dict(row._mapping) for row in (own, *others)]


def finding_key(body: dict[str, Any]) -> str:
    """What a cross-year finding says, hashed: the same two documents give the same key again, and so
    does a copy of the year before uploaded again under another name (the message names the file)."""
    said = {name: body.get(name) for name in ("rule", "severity", "location", "locations", "evidence")}
    return hashlib.sha256(json.dumps(said, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _acted_on(connection: Any, finding_ids: list[int]) -> set[int]:
    """The findings somebody decided, commented on or that the audit log names."""
    if not finding_ids:
        return set()
    decided = select(findings.c.id).where(findings.c.id.in_(finding_ids), findings.c.decision.is_not(None))
    commented = select(comments.c.finding_id).where(comments.c.finding_id.in_(finding_ids))
    logged = select(audit.c.finding_id).where(audit.c.finding_id.in_(finding_ids))
    out: set[int] = set()
    for query in (decided, commented, logged):
        out.update(int(i) for i in connection.execute(query).scalars() if i is not None)
    return out


def put_cross_year(engine: Engine, later_id: int, earlier_id: int, found: Iterable[dict[str, Any]]) -> int:
    """Keep the findings of ``later_id`` checked against ``earlier_id`` (its cross-year findings
    replace those of any earlier pairing, by key); update its counts. How many findings it has now."""
    bodies = list(found)
    keys: list[str] = []
    for body in bodies:
        key, n = finding_key(body), 1
        while key in keys:  # the same words twice: told apart by order
            n += 1
            key = f"{finding_key(body)[:60]}#{n}"
        keys.append(key)
    with engine.begin() as connection:
        old = {
            row.key: row
            for row in connection.execute(
                select(findings.c.id, findings.c.key).where(
                    findings.c.upload_id == later_id, findings.c.previous_upload_id.is_not(None)
                )
            )
        }
        for position, (key, body) in enumerate(zip(keys, bodies, strict=True)):
            values = {
                "position": position,
                "rule": body.get("rule", ""),
                "severity": body.get("severity", ""),
                "body": body,
                "previous_upload_id": earlier_id,
            }
            if key in old:
                connection.execute(update(findings).where(findings.c.id == old.pop(key).id).values(**values))
            else:
                connection.execute(findings.insert().values(upload_id=later_id, key=key, version=0, **values))
        gone = [row.id for row in old.values()]
        kept = _acted_on(connection, gone)
        if gone and set(gone) - kept:
            connection.execute(findings.delete().where(findings.c.id.in_(set(gone) - kept)))
        for finding_id in kept:
            row = connection.execute(select(findings.c.body).where(findings.c.id == finding_id)).one()
            connection.execute(
                update(findings).where(findings.c.id == finding_id).values(body=row.body | {"stale": True})
            )
        _recount(connection, later_id)
    return len(bodies)


def _recount(connection: Any, upload_id: int) -> None:
    """The upload's counts: its own report's, and its current cross-year findings'."""
    summary = (
        connection.execute(
            select(reports.c.body)
            .join(uploads, uploads.c.report_id == reports.c.id)
            .where(uploads.c.id == upload_id)
        ).scalar_one_or_none()
        or {}
    ).get("summary", {})
    counts = {
        severity: int(summary.get(f"{severity}s" if severity != "info" else "info", 0))
        for severity in SEVERITIES
    }
    rows = connection.execute(
        select(findings.c.severity, findings.c.body).where(
            findings.c.upload_id == upload_id, findings.c.previous_upload_id.is_not(None)
        )
    )
    for severity, body in rows:
        if severity in counts and not body.get("stale"):
            counts[severity] += 1
    connection.execute(
        update(uploads)
        .where(uploads.c.id == upload_id)
        .values(errors=counts["error"], warnings=counts["warning"], info=counts["info"])
    )


def cross_year_findings(engine: Engine, upload_ids: Iterable[int]) -> list[dict[str, Any]]:
    """The cross-year findings that involve any of ``upload_ids`` (as the later or the earlier year)."""
    wanted = list(upload_ids)
    if not wanted:
        return []
    query = (
        select(findings)
        .where(
            findings.c.previous_upload_id.is_not(None),
            or_(findings.c.upload_id.in_(wanted), findings.c.previous_upload_id.in_(wanted)),
        )
        .order_by(findings.c.upload_id, findings.c.position)
    )
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]
