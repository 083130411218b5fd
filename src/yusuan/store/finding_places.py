"""The places of findings stored late: for an upload checked before places were stored with its
findings (``batch.jobs.add_places``), the places found by reading it again are added once, so that
its findings are shown from them from then on."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select, update

from yusuan.store.schema_workbench import findings


def add_places(engine: Engine, places: dict[int, dict[str, Any]]) -> None:
    """Finding id -> its places (``api.finding_places``), added to each finding's body as ``"places"``;
    the decision and its version are left as they are."""
    with engine.begin() as connection:
        for finding_id, where in places.items():
            body = connection.execute(select(findings.c.body).where(findings.c.id == finding_id)).scalar_one()
            if "places" not in body:
                connection.execute(
                    update(findings).where(findings.c.id == finding_id).values(body=body | {"places": where})
                )
